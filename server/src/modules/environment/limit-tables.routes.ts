import { z } from "zod";
import { actorOf, can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { AppError } from "../../platform/errors.ts";
import * as limits from "./limit-tables.ts";
import { PARAMETERS } from "./parameters.ts";

const tags = ["environment"];
const codeParam = z.object({ code: z.string().regex(/^[A-Za-z0-9:._-]{2,40}$/) });

const limitTable = z.object({
  code: z.string(),
  family: z.string(),
  title_vi: z.string(),
  title_en: z.string().nullable(),
  kind: z.enum(["ambient", "wastewater", "emission"]),
  effective_from: z.string().nullable(),
  effective_to: z.string().nullable(),
  supersedes: z.string().nullable(),
  source: z.string().nullable(),
  rows_loaded_at: z.string().nullable(),
  rows_loaded_by: z.string().nullable(),
  row_count: z.number().int(),
  unverified_count: z.number().int(),
});

const limitRow = z.object({
  parameter: z.string(),
  parameterVi: z.string().nullable(),
  parameterEn: z.string().nullable(),
  averaging: z.string(),
  column: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  coefficientsApply: z.boolean(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  verified: z.boolean().describe("false: chưa đối chiếu văn bản gốc / not checked against the official text"),
  note: z.string().nullable(),
});

export async function limitTablesRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/environment/parameters",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Danh mục thông số quan trắc (TT 10/2021) / Monitored parameters",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                symbol: z.string(),
                vi: z.string(),
                en: z.string(),
                unit: z
                  .record(z.string(), z.string())
                  .describe("Đơn vị theo loại trạm / unit by station kind"),
                min: z.number(),
                max: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: PARAMETERS.map((p) => ({ ...p, unit: { ...p.unit } })) }),
  );
  app.get(
    "/api/v1/environment/limit-tables",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Các bảng giới hạn (QCVN) và phiên bản / Regulation limit tables and versions",
        response: { 200: z.object({ items: z.array(limitTable) }) },
      },
    },
    async () => ({
      items: (await limits.listLimitTables(db)).map((t) => ({
        ...t,
        rows_loaded_at: t.rows_loaded_at ? new Date(t.rows_loaded_at).toISOString() : null,
        row_count: Number(t.row_count ?? 0),
        unverified_count: Number(t.unverified_count ?? 0),
      })),
    }),
  );
  app.get(
    "/api/v1/environment/limit-tables/:code",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Các dòng của một bảng giới hạn / Rows of a limit table",
        params: codeParam,
        response: { 200: z.object({ code: z.string(), kind: z.string(), rows: z.array(limitRow) }) },
      },
    },
    async (req) => limits.limitSetOf(db, req.params.code),
  );
  app.get(
    "/api/v1/environment/limit-tables/:code/csv",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Tải bảng giới hạn dạng CSV (mẫu để thay) / Download as CSV (the replacement format)",
        params: codeParam,
      },
    },
    async (req, reply) => {
      const set = await limits.limitSetOf(db, req.params.code);
      const name = set.code.replace(/[^A-Za-z0-9._-]/g, "_");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .send(`\uFEFF${limits.limitRowsCsv(set.rows)}`);
    },
  );
  app.put(
    "/api/v1/environment/limit-tables/:code",
    {
      bodyLimit: 2 * 1024 * 1024,
      config: { access: can("limits.manage") },
      schema: {
        tags,
        summary: "Thay các dòng của bảng giới hạn từ CSV / Replace a limit table's rows from CSV",
        description: `text/csv. Cột / columns: ${limits.LIMIT_CSV_COLUMNS.join(", ")}. Cả tệp hoặc không gì cả: lỗi nêu dòng và cột. / All or nothing; errors name the line and column.`,
        params: codeParam,
        response: {
          200: z.object({ code: z.string(), rows: z.number().int(), unverified: z.number().int() }),
        },
      },
    },
    async (req) => {
      if (typeof req.body !== "string") {
        throw new AppError("environment.limit_csv", 415, {
          vi: "Gửi tệp CSV với Content-Type: text/csv.",
          en: "Send the CSV file with Content-Type: text/csv.",
        });
      }
      return limits.replaceLimitTable(db, actorOf(req), req.params.code, req.body);
    },
  );
}
