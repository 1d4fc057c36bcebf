import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { isoDate, textSearch } from "../shared-schemas.ts";
import { RULE_CODES } from "./legal-rules.ts";

export const scheduleStatus = z
  .enum([
    "on_schedule",
    "late",
    "in_extension",
    "past_legal_limit",
    "completed",
    "terminated",
    "no_milestones",
  ])
  .describe(
    "on_schedule: đúng tiến độ; late: chậm; in_extension: đang giãn tiến độ; past_legal_limit: quá giới hạn luật định; completed: hoàn thành; terminated: chấm dứt; no_milestones: chưa có mốc",
  );
export const caseStage = z
  .enum(["warning", "extended", "recovered", "terminated"])
  .describe(
    "warning: cảnh báo; extended: đã giãn tiến độ; recovered: đã khắc phục; terminated: chấm dứt dự án",
  );
export const caseAction = z
  .enum(["warn", "extend", "recover", "terminate"])
  .describe(
    "warn: gửi văn bản cảnh báo; extend: cho giãn tiến độ; recover: ghi nhận khắc phục; terminate: chấm dứt",
  );
export type CaseAction = z.infer<typeof caseAction>;

export const caseCodeParam = z.object({ code: z.string().regex(/^GS-\d{4}-\d{5,}$/) });
export const ircParam = z.object({ irc_number: z.string().trim().min(1).max(40) });

export const scheduledFilter = z.object({
  q: textSearch,
  status: scheduleStatus.optional(),
  zone: z.string().max(30).optional(),
});
const scheduledQueries = listQueries(
  scheduledFilter,
  ["days_late", "irc_number", "next_due", "status"] as const,
  "-days_late",
  exportFormat,
);
export const scheduledListQuery = scheduledQueries.list;
export const scheduledExportQuery = scheduledQueries.export;

export const scheduledProject = z.object({
  irc_number: z.string(),
  name_vi: z.string(),
  zone_code: z.string().nullable(),
  zone_name: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  project_status: z.string(),
  extended_months: z.number().int(),
  status: scheduleStatus,
  days_late: z.number().int(),
  late_milestone: z.string().nullable(),
  next_due: z.string().nullable(),
  evaluated_on: z.string(),
  case_code: z.string().nullable(),
  case_stage: caseStage.nullable(),
});
export type ScheduledProject = z.infer<typeof scheduledProject>;

export const caseFilter = z.object({
  q: textSearch,
  stage: caseStage.optional(),
  active: z.enum(["true", "false"]).optional().describe("Chưa kết thúc / warning or extended"),
  zone: z.string().max(30).optional(),
  project: z.string().max(40).optional().describe("Số GCNĐKĐT / IRC number"),
});
const caseQueries = listQueries(
  caseFilter,
  ["opened_on", "code", "days_late_at_open", "stage"] as const,
  "-opened_on",
  exportFormat,
);
export const caseListQuery = caseQueries.list;
export const caseExportQuery = caseQueries.export;

export const supervisionCase = z.object({
  code: z.string(),
  stage: caseStage,
  irc_number: z.string(),
  project_name: z.string(),
  zone_code: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  milestone_code: z.string().nullable(),
  days_late_at_open: z.number().int(),
  schedule_status: scheduleStatus.nullable(),
  days_late: z.number().int().nullable(),
  opened_on: z.string(),
  closed_on: z.string().nullable(),
  updated_at: z.string(),
});
export type SupervisionCase = z.infer<typeof supervisionCase>;

export const caseDetail = supervisionCase.extend({
  next: z.array(caseAction),
  steps: z.array(
    z.object({
      id: z.string(),
      stage: caseStage,
      document_number: z.string().nullable(),
      document_date: z.string().nullable(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      username: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

export const stepInput = z.object({
  action: caseAction,
  document_number: z.string().trim().min(1).max(60).optional(),
  document_date: isoDate.optional(),
  note: z.string().trim().min(1).max(4000).optional(),
  months: z.number().int().min(1).max(60).optional().describe("Số tháng giãn tiến độ (extend)"),
  new_dues: z
    .record(z.string().max(40), isoDate)
    .optional()
    .describe('Ngày mới theo mã mốc (extend), vd. {"operation_start": "2027-06-30"}'),
});
export type StepInput = z.infer<typeof stepInput>;

const milestoneState = z.object({
  code: z.string(),
  label: z.string(),
  committed_due: z.string(),
  due: z.string(),
  actual_on: z.string().nullable(),
  state: z.enum(["done", "done_late", "pending", "late"]),
  days_late: z.number().int(),
});
export const projectSchedule = z.object({
  status: scheduleStatus,
  days_late: z.number().int(),
  late_milestone: z.string().nullable(),
  next_due: z.string().nullable(),
  today: z.string(),
  extended_months: z.number().int(),
  extension_max_months: z.number(),
  milestones: z.array(milestoneState),
  cases: z.array(
    z.object({ code: z.string(), stage: caseStage, opened_on: z.string(), closed_on: z.string().nullable() }),
  ),
});
export const actualInput = z.object({ milestone: z.string().trim().min(1).max(40), actual_on: isoDate });

export const board = z.object({
  zones: z.array(
    z.object({
      zone_code: z.string().nullable(),
      zone_name: z.string().nullable(),
      counts: z.record(z.string(), z.number()),
      late: z.number(),
    }),
  ),
  stages: z.record(z.string(), z.number()),
  last_run: z
    .object({
      run_on: z.string(),
      finished_at: z.string().nullable(),
      result: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable(),
});

export const runInput = z.object({
  force: z
    .boolean()
    .default(false)
    .describe(
      "Chạy lại hôm nay dù đã chạy (chỉ phạm vi toàn thành phố) / run today again (city-wide scope only)",
    ),
});
export const jobResult = z.object({
  run_on: z.string(),
  skipped: z.boolean(),
  projects: z.number().int(),
  by_status: z.record(z.string(), z.number()),
  cases_opened: z.number().int(),
  ms: z.number(),
});

export const legalRule = z.object({
  code: z.enum(RULE_CODES),
  value: z.number(),
  unit: z.string().trim().min(1).max(30),
  instrument: z.string().trim().min(1).max(200),
  article: z.string().trim().min(1).max(200),
  in_force_from: isoDate,
  in_force_to: isoDate.nullable().default(null),
  verified: z.boolean().default(false),
  note: z.string().trim().max(1000).nullable().default(null),
});
/** Rules as stored (codes the system reads, and any added from the shipped data). */
export const legalRuleOut = legalRule.extend({
  code: z.string(),
  in_force_to: z.string().nullable(),
  note: z.string().nullable(),
});
