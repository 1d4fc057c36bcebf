import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { isoDate, textSearch } from "../shared-schemas.ts";

export const caseStatus = z
  .enum(["open", "under_review", "notice_issued", "resolved", "escalated"])
  .describe(
    "open: mới mở; under_review: đang xem xét; notice_issued: đã ra thông báo; resolved: đã khắc phục; escalated: chuyển xử lý",
  );

export const caseCodeParam = z.object({ code: z.string().regex(/^VP-\d{4}-\d{5,}$/) });

export const caseFilter = z.object({
  q: textSearch,
  status: caseStatus.optional(),
  active: z.enum(["true", "false"]).optional().describe("Chưa kết thúc / not resolved or escalated"),
  station: z.string().max(40).optional(),
  zone: z.string().max(30).optional(),
  enterprise: z.string().max(20).optional(),
  parameter: z.string().max(40).optional(),
  inspector: z.string().max(64).optional().describe("Tên đăng nhập thanh tra được giao / assigned inspector"),
});
/** The caller's scope is added by the route: enterprise staff see their companies', zone officers their zones'. */
export type CaseFilter = z.infer<typeof caseFilter> & {
  enterprises?: readonly string[];
  zones?: readonly string[];
};
export const caseSortFields = ["code", "opened_at", "last_period_end", "peak_ratio", "status"] as const;
const caseQueries = listQueries(caseFilter, caseSortFields, "-opened_at", exportFormat);
export const caseListQuery = caseQueries.list;
export const caseExportQuery = caseQueries.export;

export const violationCase = z.object({
  code: z.string(),
  status: caseStatus,
  station_code: z.string(),
  station_name: z.string(),
  parameter: z.string(),
  averaging: z.string(),
  zone_code: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  enterprise_name: z.string().nullable(),
  first_period_end: z.string(),
  last_period_end: z.string(),
  exceedance_count: z.number().int(),
  peak_value: z.number(),
  peak_ratio: z.number().nullable(),
  limit_value: z.number().nullable(),
  limit_table: z.string().nullable(),
  limit_verified: z.boolean(),
  inspector: z.string().nullable(),
  notice_number: z.string().nullable(),
  notice_date: z.string().nullable(),
  remediation_deadline: z.string().nullable(),
  opened_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
});
export type ViolationCase = z.infer<typeof violationCase>;

export const caseEvent = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  kind: z.enum(["opened", "extended", "assigned", "status", "comment", "answer"]),
  from_status: z.string().nullable(),
  to_status: z.string().nullable(),
  note: z.string().nullable(),
});

export const caseDetail = violationCase.extend({
  next: z.array(caseStatus).describe("Các bước được phép tiếp theo / the statuses the case may move to"),
  events: z.array(caseEvent),
  exceedances: z.array(
    z.object({
      period_end: z.string(),
      value: z.number(),
      limit_value: z.number(),
      ratio: z.number().nullable(),
    }),
  ),
});

export const transitionInput = z.object({
  to: caseStatus,
  note: z.string().trim().min(1).max(4000).optional(),
  notice_number: z.string().trim().min(1).max(60).optional(),
  notice_date: isoDate.optional(),
  remediation_deadline: isoDate.optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const assignInput = z.object({ inspector: z.string().trim().min(3).max(64) });
export const noteInput = z.object({ note: z.string().trim().min(1).max(4000) });

export const exceedanceFilter = z.object({
  q: textSearch,
  station: z.string().max(40).optional(),
  parameter: z.string().max(40).optional(),
  averaging: z.enum(["1h", "8h", "24h"]).optional(),
  zone: z.string().max(30).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ExceedanceFilter = z.infer<typeof exceedanceFilter>;
const exceedanceQueries = listQueries(
  exceedanceFilter,
  ["period_end", "ratio"] as const,
  "-period_end",
  exportFormat,
);
export const exceedanceListQuery = exceedanceQueries.list;
export const exceedanceExportQuery = exceedanceQueries.export;
export const exceedance = z.object({
  station_code: z.string(),
  station_name: z.string(),
  zone_code: z.string().nullable(),
  parameter: z.string(),
  unit: z.string(),
  averaging: z.string(),
  period_end: z.string(),
  value: z.number(),
  limit_value: z.number(),
  ratio: z.number().nullable(),
  limit_table: z.string(),
  verified: z.boolean(),
  case_code: z.string().nullable(),
});
export type Exceedance = z.infer<typeof exceedance>;
