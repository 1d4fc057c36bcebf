/**
 * Investor reports (quarterly Q1–Q4 and annual Y), submitted by the enterprise through the
 * workspace, the API or a spreadsheet import. A report that breaks a rule is refused with the
 * field named; one that is only implausible (capital going down, a tenfold jump in workers,
 * exports above revenue) is stored with flags for the zone officer's review. A report may be sent
 * again until it is accepted; the milestone dates it gives move the project's schedule when the
 * officer accepts it.
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { isoDay, vietnamDay } from "../../platform/time.ts";
import { type Actor, diffRecords, recordAudit } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import { projectRef } from "../projects/projects.service.ts";
import { issue } from "../registry-issues.ts";
import type { InvReportTable, ReportPeriod } from "./investment.table.ts";
import { REPORT_RULES, rulesInForce } from "./legal-rules.ts";
import { type DueRules, dueDate, periodBounds } from "./periods.ts";
import * as repo from "./reports.repository.ts";
import type { OverdueItem, Report, ReportFilter, ReportInput } from "./reports.schemas.ts";
import { daysBetween } from "./schedule.ts";
import { setActuals } from "./supervision.repository.ts";
import { refreshSchedule, vietnamToday } from "./supervision.service.ts";

const REPORT = { vi: "báo cáo", en: "Report" };
type Project = Awaited<ReturnType<typeof projectRef>>;
type Flag = { field: string; vi: string; en: string };
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = isoDay;

export function presentReport(r: repo.ReportRow): Report {
  return {
    id: r.id,
    irc_number: r.irc_number,
    project_name: r.project_name,
    zone_code: r.zone_code,
    enterprise_tax_code: r.enterprise_tax_code,
    currency: r.currency,
    year: r.year,
    period: r.period,
    due_on: day(r.due_on),
    late: vietnamDay(r.submitted_at) > day(r.due_on),
    capital_disbursed: r.capital_disbursed,
    revenue_vnd: r.revenue_vnd,
    exports_usd: r.exports_usd,
    workers: r.workers,
    taxes_vnd: r.taxes_vnd,
    rnd_vnd: r.rnd_vnd,
    environment_vnd: r.environment_vnd,
    milestone_actuals: r.milestone_actuals,
    flags: r.flags,
    status: r.status,
    channel: r.channel,
    submitted_at: iso(r.submitted_at) as string,
    submitted_by: r.submitted_by,
    reviewed_at: iso(r.reviewed_at),
    reviewed_by: r.reviewed_by,
    review_note: r.review_note,
    is_synthetic: r.is_synthetic,
  };
}

export async function dueRules(db: Db, on: string, field = "period"): Promise<DueRules> {
  const rules = await rulesInForce(db, on, REPORT_RULES, field);
  return {
    quarterDay: rules.report_quarter_due_day.value,
    yearMonth: rules.report_year_due_month.value,
    yearDay: rules.report_year_due_day.value,
  };
}

/** What refuses a report: a period not yet over, a project not licensed in it, unknown or impossible milestone dates. */
export function reportIssues(input: ReportInput, project: Project, today: string): Issue[] {
  const bounds = periodBounds(input.year, input.period);
  const issues: Issue[] = [];
  if (bounds.end >= today)
    issues.push(
      issue(
        "investment.period_open",
        "period",
        `Kỳ ${input.period}/${input.year} chưa kết thúc (${bounds.end}).`,
        `Period ${input.period} ${input.year} has not ended (${bounds.end}).`,
      ),
    );
  if (!project.issued_on || project.issued_on > bounds.end)
    issues.push(
      issue(
        "investment.not_licensed",
        "period",
        `Dự án chưa được cấp phép trong kỳ (cấp ngày ${project.issued_on ?? "—"}).`,
        `The project was not licensed in the period (issued ${project.issued_on ?? "—"}).`,
      ),
    );
  const known = new Set(project.milestones.map((m) => m.code));
  for (const [code, date] of Object.entries(input.milestone_actuals)) {
    const field = `milestone_actuals.${code}`;
    if (!known.has(code))
      issues.push(
        issue(
          "investment.milestone_unknown",
          field,
          `Dự án không có mốc "${code}".`,
          `The project has no milestone "${code}".`,
          code,
        ),
      );
    else if (date > today)
      issues.push(
        issue(
          "investment.milestone_future",
          field,
          `Ngày ${date} ở tương lai.`,
          `${date} is in the future.`,
          date,
        ),
      );
    else if (project.issued_on && date < project.issued_on)
      issues.push(
        issue(
          "investment.milestone_before_issue",
          field,
          `Ngày ${date} trước ngày cấp phép ${project.issued_on}.`,
          `${date} is before the licence of ${project.issued_on}.`,
          date,
        ),
      );
  }
  return issues;
}

/** What only looks wrong, for a person to check: stored with the report, never a refusal. */
export function reportFlags(
  input: ReportInput,
  project: Project,
  previous: { capital_disbursed: number; workers: number | null; year: number; period: string } | undefined,
): Flag[] {
  const flags: Flag[] = [];
  const fmt = (n: number) => n.toLocaleString("vi-VN");
  if (previous && input.capital_disbursed < previous.capital_disbursed)
    flags.push({
      field: "capital_disbursed",
      vi: `Vốn giải ngân luỹ kế giảm so với kỳ ${previous.period}/${previous.year} (${fmt(previous.capital_disbursed)}).`,
      en: `Cumulative disbursed capital fell below ${previous.period} ${previous.year} (${previous.capital_disbursed}).`,
    });
  if (input.capital_disbursed > project.registered_capital * 1.0001)
    flags.push({
      field: "capital_disbursed",
      vi: `Vốn giải ngân vượt vốn đăng ký (${fmt(project.registered_capital)} ${project.currency}).`,
      en: `Disbursed capital exceeds the registered ${project.registered_capital} ${project.currency}.`,
    });
  if (previous?.workers && input.workers !== undefined) {
    const ratio = input.workers / previous.workers;
    if (Math.abs(input.workers - previous.workers) > 50 && (ratio > 3 || ratio < 1 / 3))
      flags.push({
        field: "workers",
        vi: `Số lao động thay đổi bất thường: ${fmt(previous.workers)} → ${fmt(input.workers)}.`,
        en: `Workers changed implausibly: ${previous.workers} → ${input.workers}.`,
      });
  }
  if (
    input.exports_usd !== undefined &&
    input.revenue_vnd !== undefined &&
    input.exports_usd * project.vnd_per_usd > input.revenue_vnd * 1.05
  )
    flags.push({
      field: "exports_usd",
      vi: "Kim ngạch xuất khẩu (quy đổi theo tỷ giá của dự án) lớn hơn doanh thu.",
      en: "Exports (at the project's rate) exceed revenue.",
    });
  return flags;
}

function channelOf(actor: Actor, channel?: InvReportTable["channel"]): InvReportTable["channel"] {
  if (channel) return channel;
  return actor.via === "token" ? "api" : "workspace";
}

const values = (input: ReportInput) => ({
  capital_disbursed: input.capital_disbursed,
  revenue_vnd: input.revenue_vnd ?? null,
  exports_usd: input.exports_usd ?? null,
  workers: input.workers ?? null,
  taxes_vnd: input.taxes_vnd ?? null,
  rnd_vnd: input.rnd_vnd ?? null,
  environment_vnd: input.environment_vnd ?? null,
  milestone_actuals: JSON.stringify(input.milestone_actuals),
});

/**
 * Validates and writes reports inside the caller's transaction; returns the ids and whether each
 * was new. An import audits its rows itself (`audit: false`).
 */
export async function writeReports(
  trx: Db,
  actor: Actor,
  inputs: ReadonlyArray<{ input: ReportInput; project: Project }>,
  options: { channel?: InvReportTable["channel"]; audit?: boolean } = {},
): Promise<Array<{ id: number; inserted: boolean }>> {
  const channel = options.channel;
  const today = vietnamToday();
  const out: Array<{ id: number; inserted: boolean }> = [];
  // An import of many reports reads the rules once per period, not once per report.
  const rules = new Map<string, Promise<DueRules>>();
  const rulesFor = (end: string) => {
    if (!rules.has(end)) rules.set(end, dueRules(trx, end));
    return rules.get(end) as Promise<DueRules>;
  };
  for (const { input, project } of inputs) {
    const issues = reportIssues(input, project, today);
    if (issues.length) throw invalid(issues);
    const bounds = periodBounds(input.year, input.period);
    const due = dueDate(input.year, input.period, await rulesFor(bounds.end));
    const existing = await repo.findReport(trx, project.id, input.year, input.period);
    if (existing?.status === "accepted")
      throw conflict("investment.report_accepted", {
        vi: `Báo cáo ${input.period}/${input.year} của dự án ${project.irc_number} đã được tiếp nhận; không nộp lại được.`,
        en: `The ${input.period} ${input.year} report of ${project.irc_number} is accepted; it cannot be sent again.`,
      });
    const previous = await repo.previousReport(trx, project.id, input);
    const flags = reportFlags(input, project, previous);
    const row = {
      ...values(input),
      flags: JSON.stringify(flags),
      channel: channelOf(actor, channel),
      submitted_by: actor.username,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await repo.updateReport(trx, id, {
        ...row,
        status: "submitted",
        submitted_at: new Date(),
        reviewed_at: null,
        reviewed_by: null,
        review_note: null,
      });
    } else {
      [{ id }] = (await repo.insertReports(trx, [
        {
          ...row,
          project_id: project.id,
          year: input.year,
          period: input.period,
          due_on: due,
          is_synthetic: false,
        },
      ])) as [{ id: number }];
    }
    if (options.audit !== false)
      await recordAudit(trx, actor, {
        action: existing ? "resubmit" : "submit",
        entityType: "investor_report",
        entityId: `${project.irc_number}/${input.year}-${input.period}`,
        changes: diffRecords(
          existing ? { ...existing, milestone_actuals: JSON.stringify(existing.milestone_actuals) } : null,
          { ...row, flags },
        ),
      });
    out.push({ id, inserted: !existing });
  }
  return out;
}

export async function submitReport(db: Db, actor: Actor, input: ReportInput): Promise<Report> {
  const project = await projectRef(db, input.irc_number);
  const [written] = await db.transaction().execute((trx) => writeReports(trx, actor, [{ input, project }]));
  return getReport(db, written?.id as number);
}

export async function getReport(db: Db, id: number, scope: repo.Scope = {}): Promise<Report> {
  const [row] = await repo.listReports(
    db,
    { id, ...scope },
    { field: "submitted_at", direction: "desc" },
    1,
    0,
  );
  if (!row) throw notFound(REPORT, String(id));
  return presentReport(row);
}

export async function reportTarget(db: Db, id: number): Promise<Target> {
  const report = await getReport(db, id);
  return { zones: [report.zone_code], taxCodes: [report.enterprise_tax_code] };
}

export async function listReports(
  db: Db,
  filter: ReportFilter & repo.Scope,
  sort: string,
  paging: Paging,
): Promise<Page<Report>> {
  const rows = await repo.listReports(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countReports(db, filter), presentReport);
}

export async function allReports(db: Db, filter: ReportFilter & repo.Scope, sort: string): Promise<Report[]> {
  return (await exportRows((limit) => repo.listReports(db, filter, parseSort(sort), limit, 0))).map(
    presentReport,
  );
}

export async function reviewReport(
  db: Db,
  actor: Actor,
  id: number,
  decision: "accept" | "return",
  note?: string,
): Promise<Report> {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockReport(trx, id);
    if (!current) throw notFound(REPORT, String(id));
    if (current.status !== "submitted")
      throw conflict("investment.report_reviewed", {
        vi: `Báo cáo đã được xử lý (${current.status}).`,
        en: `The report has already been reviewed (${current.status}).`,
      });
    if (decision === "return" && !note)
      throw invalid([
        issue(
          "investment.note_required",
          "note",
          "Cần ghi lý do trả lại.",
          "Say why the report is returned.",
        ),
      ]);
    const status = decision === "accept" ? "accepted" : "returned";
    // A report's milestone dates count once the officer accepts it, not while it may be returned.
    if (decision === "accept" && Object.keys(current.milestone_actuals).length) {
      await setActuals(trx, current.project_id, current.milestone_actuals, "report");
      await refreshSchedule(trx, current.project_id);
    }
    await repo.updateReport(trx, id, {
      status,
      reviewed_at: new Date(),
      reviewed_by: actor.username,
      review_note: note ?? null,
    });
    await recordAudit(trx, actor, {
      action: decision,
      entityType: "investor_report",
      entityId: String(id),
      changes: { status: [current.status, status], review_note: [null, note ?? null] },
    });
  });
  return getReport(db, id);
}

export async function overdueReports(
  db: Db,
  year: number,
  period: ReportPeriod,
  scope: repo.Scope & { zone?: string; q?: string },
  sort: string,
  paging: Paging,
): Promise<Page<OverdueItem>> {
  const today = vietnamToday();
  const bounds = periodBounds(year, period);
  const due = dueDate(year, period, await dueRules(db, bounds.end));
  if (due >= today) return { items: [], total: 0, ...paging };
  const rows = await repo.overdue(
    db,
    year,
    period,
    bounds,
    scope,
    parseSort(sort),
    paging.page_size,
    offsetOf(paging),
  );
  return {
    items: rows.map((r) => ({
      irc_number: r.irc_number,
      name_vi: r.name_vi,
      zone_code: r.zone_code,
      enterprise_tax_code: r.enterprise_tax_code,
      due_on: due,
      days_overdue: daysBetween(due, today),
      status: r.status === "returned" ? "returned" : "missing",
    })),
    total: Number(rows[0]?.total ?? 0),
    ...paging,
  };
}

export async function completeness(
  db: Db,
  year: number,
  period: ReportPeriod,
  scope: repo.Scope & { zone?: string },
) {
  const today = vietnamToday();
  const bounds = periodBounds(year, period);
  const due = dueDate(year, period, await dueRules(db, bounds.end));
  const rows = await repo.completeness(db, year, period, bounds, scope);
  return {
    year,
    period,
    due_on: due,
    zones: rows.map((r) => {
      const expected = Number(r.expected);
      const received = Number(r.received);
      return {
        zone_code: r.zone_code,
        zone_name: r.zone_name,
        expected,
        received,
        accepted: Number(r.accepted),
        overdue: due < today ? expected - received : 0,
        share: expected ? received / expected : 0,
      };
    }),
  };
}
