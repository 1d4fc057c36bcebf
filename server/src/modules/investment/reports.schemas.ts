import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { isoDate, textSearch } from "../shared-schemas.ts";

export const reportPeriod = z.enum(["Q1", "Q2", "Q3", "Q4", "Y"]).describe("Q1–Q4: quý; Y: năm");
export const reportStatus = z
  .enum(["submitted", "accepted", "returned"])
  .describe("submitted: đã nộp; accepted: đã tiếp nhận; returned: trả lại để bổ sung");
const money = (vi: string) => z.number().min(0).max(1e16).describe(vi);

export const reportInput = z.object({
  irc_number: z.string().trim().min(1).max(40),
  year: z.number().int().min(2000).max(2100),
  period: reportPeriod,
  capital_disbursed: money(
    "Vốn đã giải ngân luỹ kế, theo tiền tệ của dự án / cumulative, in the project's currency",
  ),
  revenue_vnd: money("Doanh thu kỳ báo cáo (đồng)").optional(),
  exports_usd: money("Kim ngạch xuất khẩu (USD)").optional(),
  workers: z.number().int().min(0).max(1_000_000).optional().describe("Số lao động cuối kỳ"),
  taxes_vnd: money("Thuế và các khoản nộp ngân sách (đồng)").optional(),
  rnd_vnd: money("Chi nghiên cứu và phát triển (đồng)").optional(),
  environment_vnd: money("Chi bảo vệ môi trường (đồng)").optional(),
  milestone_actuals: z
    .record(z.string().max(40), isoDate)
    .default({})
    .describe('Ngày thực hiện các mốc, vd. {"construction_start": "2025-04-15"}'),
});
export type ReportInput = z.infer<typeof reportInput>;

export const reportParam = z.object({ id: z.coerce.number().int().positive() });

export const reportFilter = z.object({
  q: textSearch,
  project: z.string().max(40).optional(),
  zone: z.string().max(30).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: reportPeriod.optional(),
  status: reportStatus.optional(),
  flagged: z.enum(["true", "false"]).optional().describe("Có cảnh báo cần xem / has plausibility flags"),
});
export type ReportFilter = z.infer<typeof reportFilter>;
const reportQueries = listQueries(
  reportFilter,
  ["submitted_at", "year", "irc_number", "status"] as const,
  "-submitted_at",
  exportFormat,
);
export const reportListQuery = reportQueries.list;
export const reportExportQuery = reportQueries.export;

const flag = z.object({ field: z.string(), vi: z.string(), en: z.string() });
export const report = z.object({
  id: z.number().int(),
  irc_number: z.string(),
  project_name: z.string(),
  zone_code: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  currency: z.string(),
  year: z.number().int(),
  period: reportPeriod,
  due_on: z.string(),
  late: z.boolean().describe("Nộp sau hạn / submitted after the due date"),
  capital_disbursed: z.number(),
  revenue_vnd: z.number().nullable(),
  exports_usd: z.number().nullable(),
  workers: z.number().int().nullable(),
  taxes_vnd: z.number().nullable(),
  rnd_vnd: z.number().nullable(),
  environment_vnd: z.number().nullable(),
  milestone_actuals: z.record(z.string(), z.string()),
  flags: z.array(flag),
  status: reportStatus,
  channel: z.string(),
  submitted_at: z.string(),
  submitted_by: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  reviewed_by: z.string().nullable(),
  review_note: z.string().nullable(),
  is_synthetic: z.boolean(),
});
export type Report = z.infer<typeof report>;

export const reviewInput = z.object({
  decision: z.enum(["accept", "return"]),
  note: z.string().trim().min(1).max(4000).optional(),
});

export const periodQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  period: reportPeriod,
  zone: z.string().max(30).optional(),
});
const overdueSort = z
  .enum(["zone_code", "-zone_code", "irc_number", "-irc_number"])
  .default("zone_code")
  .describe('Sắp xếp; "-" phía trước để giảm dần / sort, "-" prefix for descending');
export const overdueQuery = periodQuery.extend({
  q: textSearch,
  sort: overdueSort,
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});
export const overdueExportQuery = periodQuery.extend({
  q: textSearch,
  sort: overdueSort,
  format: exportFormat,
});
export const overdueItem = z.object({
  irc_number: z.string(),
  name_vi: z.string(),
  zone_code: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  due_on: z.string(),
  days_overdue: z.number().int(),
  status: z.enum(["missing", "returned"]).describe("missing: chưa nộp; returned: bị trả lại, chưa nộp lại"),
});
export type OverdueItem = z.infer<typeof overdueItem>;
export const completeness = z.object({
  year: z.number().int(),
  period: reportPeriod,
  due_on: z.string(),
  zones: z.array(
    z.object({
      zone_code: z.string().nullable(),
      zone_name: z.string().nullable(),
      expected: z.number().int(),
      received: z.number().int(),
      accepted: z.number().int(),
      overdue: z.number().int(),
      share: z.number().describe("received / expected, 0–1"),
    }),
  ),
});
