import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { IMPORT_KINDS } from "./columns.ts";

export const kindParam = z.object({ kind: z.enum(IMPORT_KINDS) });
export const importQuery = z.object({
  dry_run: z.enum(["true", "false"]).default("false").describe("Chỉ kiểm tra, không ghi / validate only"),
});
export const templateQuery = z.object({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
  lang: z.enum(["vi", "en"]).default("vi"),
});
export const reportQuery = z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") });
export const runFilter = z.object({
  q: z.string().max(200).optional().describe("Tìm theo tên tệp / search file names"),
  kind: z.enum(IMPORT_KINDS).optional(),
  status: z.enum(["applied", "rejected", "valid"]).optional(),
});
const runQueries = listQueries(
  runFilter,
  ["created_at", "file_name", "total_rows"] as const,
  "-created_at",
  exportFormat,
);
export const runsQuery = runQueries.list;
export const runsExportQuery = runQueries.export;

export const reportIssue = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const importReport = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  file_name: z.string().nullable(),
  format: z.string(),
  status: z.enum(["applied", "rejected", "valid"]),
  total_rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  ignored_columns: z.array(z.string()),
  issues: z.array(reportIssue),
});

export const importRun = z.object({
  id: z.string(),
  kind: z.string(),
  file_name: z.string().nullable(),
  format: z.string(),
  status: z.string(),
  total_rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  username: z.string().nullable().describe("Người nhập / imported by"),
  created_at: z.string(),
});

export type ImportRun = z.infer<typeof importRun>;
