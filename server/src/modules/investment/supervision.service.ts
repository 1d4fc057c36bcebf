/**
 * Post-licence supervision. The daily job judges every project's schedule against its committed
 * milestones and the legal rules in force, and opens a warning case for each project late beyond
 * the warning threshold; the officers' steps on a case are in supervision-cases.service.ts. Here
 * too: schedules, the board by zone, a project's milestones against plan and actual dates.
 *
 * The job is idempotent and safe with several instances: a run claims its day in `inv_job_run`
 * (the loser of a race waits on the row and then skips), and a partial unique index keeps one
 * active case per project however often it runs.
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { type Issue, invalid, notFound } from "../../platform/errors.ts";
import { isoDay, vietnamDay } from "../../platform/time.ts";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { issue } from "../registry-issues.ts";
import { type Rules, rulesInForce, SUPERVISION_RULES } from "./legal-rules.ts";
import { evaluateSchedule, type MilestoneProgress, type ScheduleVerdict } from "./schedule.ts";
import * as repo from "./supervision.repository.ts";

const PROJECT = { vi: "dự án", en: "Project" };
export const JOB = "supervision";
const day = isoDay;
/** Today in Vietnam. */
export const vietnamToday = (): string => vietnamDay();

export function verdictOf(
  source: repo.ScheduleSource,
  today: string,
  rules: Rules<(typeof SUPERVISION_RULES)[number]>,
): ScheduleVerdict {
  const progress = new Map<string, MilestoneProgress>(
    (source.progress ?? []).map((p) => [p.code, { revised_due: p.revised_due, actual_on: p.actual_on }]),
  );
  return evaluateSchedule({
    milestones: source.milestones,
    progress,
    projectStatus: source.status,
    extendedMonths: source.extended_months,
    caseStage: source.case_stage,
    today,
    extensionMaxMonths: rules.extension_max_months.value,
    terminationLateMonths: rules.termination_late_months.value,
  });
}

export interface JobResult {
  run_on: string;
  skipped: boolean;
  projects: number;
  by_status: Record<string, number>;
  cases_opened: number;
  ms: number;
}

/**
 * Judges every project's schedule on `today` and opens warning cases. `force` re-runs a day already
 * run (an officer's "run now"); it still opens no case twice.
 */
export async function runSupervision(
  db: Db,
  today: string,
  options: { force?: boolean } = {},
): Promise<JobResult> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    const claimed = await repo.claimJobRun(trx, JOB, today);
    if (!claimed && !options.force) {
      const previous = await repo.jobRun(trx, JOB, today);
      return {
        ...((previous?.result as unknown as JobResult) ?? {}),
        run_on: today,
        skipped: true,
      } as JobResult;
    }
    const rules = await rulesInForce(trx, today, SUPERVISION_RULES, "today");
    const sources = await repo.scheduleSources(trx);
    const by_status: Record<string, number> = {};
    const rows: repo.ScheduleRow[] = [];
    const late: repo.NewCase[] = [];
    for (const source of sources) {
      const v = verdictOf(source, today, rules);
      by_status[v.status] = (by_status[v.status] ?? 0) + 1;
      rows.push({
        project_id: source.project_id,
        status: v.status,
        days_late: v.days_late,
        late_milestone: v.late_milestone,
        next_due: v.next_due,
      });
      const lateEnough =
        (v.status === "late" || v.status === "past_legal_limit") &&
        v.days_late > rules.warning_late_days.value;
      if (lateEnough && source.case_stage === null && source.status !== "terminated")
        late.push({
          project_id: source.project_id,
          milestone_code: v.late_milestone,
          days_late: v.days_late,
        });
    }
    await repo.upsertSchedules(trx, rows, today);
    const opened = await repo.openCases(trx, late, today);
    const daysLate = new Map(late.map((l) => [l.project_id, l]));
    await repo.insertCaseSteps(
      trx,
      opened.map((c) => ({
        case_id: c.id,
        stage: "warning" as const,
        document_number: null,
        document_date: null,
        note: `Chậm ${daysLate.get(c.project_id)?.days_late} ngày ở mốc ${daysLate.get(c.project_id)?.milestone_code} (quá ${rules.warning_late_days.value} ngày) / ${daysLate.get(c.project_id)?.days_late} days late at ${daysLate.get(c.project_id)?.milestone_code}`,
        data: JSON.stringify({
          days_late: daysLate.get(c.project_id)?.days_late,
          rule: rules.warning_late_days,
        }),
        user_id: null,
        username: SYSTEM_ACTOR.username,
      })),
    );
    const result: JobResult = {
      run_on: today,
      skipped: false,
      projects: sources.length,
      by_status,
      cases_opened: opened.length,
      ms: Math.round(performance.now() - started),
    };
    await repo.finishJobRun(trx, JOB, today, result);
    await recordAudit(trx, SYSTEM_ACTOR, [
      { action: "run", entityType: "job", entityId: `${JOB}@${today}`, changes: { ...result } },
      ...opened.map((c) => ({
        action: "open",
        entityType: "supervision_case",
        entityId: c.code,
        changes: { stage: [null, "warning"], days_late: [null, daysLate.get(c.project_id)?.days_late] },
      })),
    ]);
    return result;
  });
}

/** Re-judges one project now (after a step or a report), so its page and the board agree at once. */
export async function refreshSchedule(
  trx: Db,
  projectId: number,
  today = vietnamToday(),
): Promise<ScheduleVerdict> {
  const rules = await rulesInForce(trx, today, SUPERVISION_RULES, "today");
  const [source] = await repo.scheduleSources(trx, [projectId]);
  if (!source) throw notFound(PROJECT, String(projectId));
  const v = verdictOf(source, today, rules);
  await repo.upsertSchedules(
    trx,
    [
      {
        project_id: projectId,
        status: v.status,
        days_late: v.days_late,
        late_milestone: v.late_milestone,
        next_due: v.next_due,
      },
    ],
    today,
  );
  return v;
}

// ——— cases ———

export async function listScheduled(db: Db, filter: repo.SupervisionFilter, sort: string, paging: Paging) {
  const rows = await repo.listScheduled(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countScheduled(db, filter), presentScheduled);
}

export async function allScheduled(db: Db, filter: repo.SupervisionFilter, sort: string) {
  return (await exportRows((limit) => repo.listScheduled(db, filter, parseSort(sort), limit, 0))).map(
    presentScheduled,
  );
}

export function presentScheduled(r: repo.ScheduledRow) {
  return {
    irc_number: r.irc_number,
    name_vi: r.name_vi,
    zone_code: r.zone_code,
    zone_name: r.zone_name,
    enterprise_tax_code: r.enterprise_tax_code,
    project_status: r.project_status,
    extended_months: r.extended_months,
    status: r.status,
    days_late: r.days_late,
    late_milestone: r.late_milestone,
    next_due: day(r.next_due),
    evaluated_on: day(r.evaluated_on) as string,
    case_code: r.case_code,
    case_stage: r.case_stage,
  };
}

export async function board(db: Db, filter: repo.SupervisionFilter) {
  const [zones, stages, lastRun] = await Promise.all([
    repo.statusByZone(db, filter),
    repo.casesByStage(db, filter),
    repo.lastJobRun(db, JOB),
  ]);
  const byZone = new Map<
    string,
    { zone_code: string | null; zone_name: string | null; counts: Record<string, number>; late: number }
  >();
  for (const z of zones) {
    const key = z.zone_code ?? "";
    const entry = byZone.get(key) ?? { zone_code: z.zone_code, zone_name: z.zone_name, counts: {}, late: 0 };
    entry.counts[z.status] = Number(z.n);
    if (z.status === "late" || z.status === "past_legal_limit") entry.late += Number(z.n);
    byZone.set(key, entry);
  }
  return {
    zones: [...byZone.values()].sort(
      (a, b) => b.late - a.late || String(a.zone_code).localeCompare(String(b.zone_code)),
    ),
    stages: Object.fromEntries(stages.map((s) => [s.stage, Number(s.n)])),
    last_run: lastRun
      ? {
          run_on: day(lastRun.run_on) as string,
          finished_at: lastRun.finished_at ? new Date(lastRun.finished_at).toISOString() : null,
          result: lastRun.result as Record<string, unknown> | null,
        }
      : null,
  };
}

/** A project's milestones against plan, judged today, with its supervision cases. */
export async function projectSchedule(db: Db, projectId: number) {
  const today = vietnamToday();
  const rules = await rulesInForce(db, today, SUPERVISION_RULES, "today");
  const [source] = await repo.scheduleSources(db, [projectId]);
  if (!source) throw notFound(PROJECT, String(projectId));
  const verdict = verdictOf(source, today, rules);
  const cases = await repo.projectCases(db, projectId);
  return {
    ...verdict,
    today,
    extended_months: source.extended_months,
    extension_max_months: rules.extension_max_months.value,
    cases: cases.map((c) => ({
      code: c.code,
      stage: c.stage,
      opened_on: day(c.opened_on) as string,
      closed_on: day(c.closed_on),
    })),
  };
}

/** A bad field of a step or a milestone date, in both languages. */
export const problem = (field: string, vi: string, en: string): Issue =>
  issue("investment.case_step", field, vi, en);

/** An officer records the date a milestone was actually reached. */
export async function recordActual(
  db: Db,
  actor: Actor,
  projectId: number,
  irc: string,
  milestone: string,
  actualOn: string,
) {
  await db.transaction().execute(async (trx) => {
    const [source] = await repo.scheduleSources(trx, [projectId]);
    if (!source?.milestones.some((m) => m.code === milestone))
      throw invalid([
        problem(
          "milestone",
          `Dự án không có mốc "${milestone}".`,
          `The project has no milestone "${milestone}".`,
        ),
      ]);
    if (actualOn > vietnamToday())
      throw invalid([
        problem(
          "actual_on",
          "Ngày thực tế không thể ở tương lai.",
          "The actual date cannot be in the future.",
        ),
      ]);
    await repo.setActuals(trx, projectId, { [milestone]: actualOn }, "officer");
    await recordAudit(trx, actor, {
      action: "milestone_actual",
      entityType: "project",
      entityId: irc,
      changes: { [`milestone.${milestone}`]: [null, actualOn] },
    });
    await refreshSchedule(trx, projectId);
  });
  return projectSchedule(db, projectId);
}
