import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { textSearch } from "../shared-schemas.ts";

export const territory = z
  .enum(["city", "east", "west"])
  .describe("city: toàn thành phố; east: Hải Phòng cũ; west: Hải Dương cũ");
export const valueStatus = z
  .enum(["official", "estimate", "computed", "synthetic"])
  .describe("official: chính thức; estimate: ước tính; computed: tính từ báo cáo; synthetic: mô phỏng");
export const indicatorCode = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{2,60}$/) });

export const indicatorFilter = z.object({
  q: textSearch,
  frequency: z.enum(["month", "quarter", "year"]).optional(),
  owner: z.string().max(200).optional().describe("Cơ quan chủ trì / owner agency"),
});
export type IndicatorFilter = z.infer<typeof indicatorFilter>;
const indicatorQueries = listQueries(
  indicatorFilter,
  ["code", "name_vi", "frequency"] as const,
  "code",
  exportFormat,
);
export const indicatorListQuery = indicatorQueries.list;
export const indicatorExportQuery = indicatorQueries.export;

export const indicator = z.object({
  code: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  definition_vi: z.string().nullable(),
  definition_en: z.string().nullable(),
  unit: z.string(),
  frequency: z.string(),
  direction: z.enum(["up", "down"]).describe("up: càng cao càng tốt; down: càng thấp càng tốt"),
  aggregation: z
    .enum(["rate", "level"])
    .describe("rate: tốc độ, tỷ trọng (so được theo kỳ trong năm); level: tổng (chỉ so khi đủ năm)"),
  breakdowns: z.array(z.string()),
  method: z.string().nullable(),
  source: z.string().nullable(),
  owner_agency: z.string().nullable(),
  value_count: z.number().int(),
  latest_end: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicator>;

export const valueFilter = z.object({
  q: textSearch,
  territory: territory.optional(),
  status: valueStatus.optional(),
  breakdown_kind: z.enum(["total", "industry", "ownership"]).optional(),
  from: z.coerce.number().int().min(1990).max(2100).optional().describe("Từ năm / from year"),
  to: z.coerce.number().int().min(1990).max(2100).optional().describe("Đến năm / to year"),
});
export type ValueFilter = z.infer<typeof valueFilter>;
const valueQueries = listQueries(
  valueFilter,
  ["period_end", "value"] as const,
  "period_end",
  z.enum(["csv", "xlsx", "sdmx"]).default("csv").describe("csv | xlsx | sdmx (SDMX-CSV 1.0)"),
);
export const valueListQuery = valueQueries.list;
export const valueExportQuery = valueQueries.export;

export const value = z.object({
  indicator_code: z.string(),
  period: z.string(),
  period_start: z.string(),
  period_end: z.string(),
  territory,
  breakdown_kind: z.string(),
  breakdown_code: z.string(),
  value: z.number(),
  status: valueStatus,
  source_url: z.string().nullable(),
  source_note: z.string().nullable(),
});
export type Value = z.infer<typeof value>;

export const valueInput = z.object({
  period: z.string().max(20).describe('"2024", "2024-Q1", "2024-03", "2024-01..06"'),
  territory: territory.default("city"),
  breakdown_kind: z.enum(["total", "industry", "ownership"]).default("total"),
  breakdown_code: z.string().max(20).default(""),
  value: z.number().finite(),
  status: z.enum(["official", "estimate"]).default("official"),
  source_url: z.url().max(1000).nullable().default(null),
  source_note: z.string().trim().max(1000).nullable().default(null),
});
export type ValueInput = z.infer<typeof valueInput>;

export const targetInput = z.object({
  year: z.number().int().min(2000).max(2100),
  territory: territory.default("city"),
  value: z.number().finite(),
  source: z.string().trim().max(400).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type TargetInput = z.infer<typeof targetInput>;

export const progress = z
  .enum(["on_track", "at_risk", "off_track", "no_data"])
  .describe(
    "on_track: đạt; at_risk: có nguy cơ (thiếu ≤ 10 % mục tiêu); off_track: không đạt; no_data: chưa có số liệu",
  );
export const dashboardItem = z.object({
  indicator_code: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  unit: z.string(),
  direction: z.enum(["up", "down"]),
  year: z.number().int(),
  territory,
  target: z.number(),
  target_source: z.string().nullable(),
  actual: z.number().nullable(),
  actual_period: z.string().nullable(),
  actual_status: valueStatus.nullable(),
  actual_source_url: z.string().nullable(),
  gap: z.number().nullable().describe("Thực tế − mục tiêu / actual − target"),
  progress,
});
export const dashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
