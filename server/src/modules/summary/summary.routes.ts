import { z } from "zod";
import { can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./summary.schemas.ts";
import * as service from "./summary.service.ts";

const tags = ["summary"];

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
    async (req) => service.citySummary(db, req.query.territory),
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
    async (req) => service.zoneSummary(db, req.params.code),
  );
}
