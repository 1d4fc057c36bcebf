import { z } from "zod";
import { databaseAnswers } from "../db/database.ts";
import { OPEN } from "./access.ts";
import type { App, AppDeps } from "./types.ts";

export async function healthRoutes(app: App, { db, dbKind, config }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/site",
    {
      config: { access: OPEN },
      schema: {
        tags: ["health"],
        summary: "Cấu hình công khai cho giao diện web / Public settings for the web app",
        response: {
          200: z.object({
            demo: z.boolean(),
            map_tiles_url: z.string().nullable(),
            map_tiles_attribution: z.string().nullable(),
          }),
        },
      },
    },
    async () => ({
      demo: config.demo,
      map_tiles_url: config.mapTilesUrl ?? null,
      map_tiles_attribution: config.mapTilesAttribution ?? null,
    }),
  );
  app.get(
    "/api/health",
    {
      config: { access: OPEN },
      schema: {
        tags: ["health"],
        summary: "Tiến trình đang chạy / Liveness",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/api/ready",
    {
      config: { access: OPEN },
      schema: {
        tags: ["health"],
        summary: "Sẵn sàng phục vụ (cơ sở dữ liệu trả lời) / Readiness",
        response: {
          200: z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) }),
          503: z.object({ status: z.literal("unavailable"), database: z.enum(["pglite", "postgres"]) }),
        },
      },
    },
    async (_req, reply) => {
      if (await databaseAnswers(db)) return { status: "ready" as const, database: dbKind };
      return reply.status(503).send({ status: "unavailable" as const, database: dbKind });
    },
  );
}
