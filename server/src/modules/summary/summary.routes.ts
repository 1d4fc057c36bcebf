import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { callerScope, can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./summary.schemas.ts";
import * as service from "./summary.service.ts";

const tags = ["summary"];
const seesAll = (req: FastifyRequest) => callerScope(req, "enterprise.read_restricted") === "all";

export async function summaryRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/summary",
    {
      config: { access: can("summary.read") },
      schema: {
        tags,
        summary: "Tổng hợp toàn thành phố / City summary",
        querystring: z.object({
          territory: z.enum(["east", "west"]).optional().describe("east: Hải Phòng cũ; west: Hải Dương cũ"),
        }),
        response: { 200: s.citySummary },
      },
    },
    async (req) =>
      service.withheldSmallCells(await service.citySummary(db, req.query.territory), seesAll(req)),
  );
  app.get(
    "/api/v1/zones/:code/summary",
    {
      config: { access: can("summary.read") },
      schema: {
        tags,
        summary: "Tổng hợp một khu / Zone summary",
        params: z.object({ code: z.string().max(30) }),
        response: { 200: s.zoneSummary },
      },
    },
    async (req) => service.withheldSmallCells(await service.zoneSummary(db, req.params.code), seesAll(req)),
  );
}
