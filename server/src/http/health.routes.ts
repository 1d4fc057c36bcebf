import { z } from "zod";
import { databaseAnswers } from "../db/database.ts";
import { OPEN } from "./access.ts";
import type { App, AppDeps } from "./types.ts";

export async function healthRoutes(app: App, { db, dbKind }: AppDeps): Promise<void> {
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
