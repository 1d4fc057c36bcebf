/**
 * Post-licence supervision. The daily job judges every project's schedule against its committed
 * milestones and the legal rules in force, and opens a warning case for each project late beyond
 * the warning threshold. Officers then grant an extension (new dates, a project "extension"
 * event), record recovery, or terminate (a project "termination" event); each step carries its
 * document and is audited.
 *
 * The job is idempotent and safe with several instances: a run claims its day in `inv_job_run`
 * (the loser of a race waits on the row and then skips), and a partial unique index keeps one
 * active case per project however often it runs.
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { type Issue, invalid, notFound } from "../../platform/errors.ts";
import { isoDay, vietnamDay } from "../../platform/time.ts";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import { appendEventsInBulk } from "../projects/projects.service.ts";
import { issue } from "../registry-issues.ts";
import type { CaseStage } from "./investment.table.ts";
import { type Rules, rulesInForce, SUPERVISION_RULES } from "./legal-rules.ts";
import { addMonths, evaluateSchedule, type MilestoneProgress, type ScheduleVerdict } from "./schedule.ts";
import * as repo from "./supervision.repository.ts";
import type { CaseAction, StepInput, SupervisionCase } from "./supervision.schemas.ts";

const CASE = { vi: "vụ việc giám sát", en: "Supervision case" };
const PROJECT = { vi: "dự án", en: "Project" };
export const JOB = "supervision";
const day = isoDay;
/** Today in Vietnam. */
export const vietnamToday = (): string => vietnamDay();

function verdictOf(
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

export function presentCase(r: repo.CaseRow): SupervisionCase {
  return {
    code: r.code,
    stage: r.stage,
    irc_number: r.irc_number,
    project_name: r.project_name,
    zone_code: r.zone_code,
    enterprise_tax_code: r.enterprise_tax_code,
    milestone_code: r.milestone_code,
    days_late_at_open: r.days_late_at_open,
    schedule_status: r.schedule_status,
    days_late: r.days_late,
    opened_on: day(r.opened_on) as string,
    closed_on: day(r.closed_on),
    updated_at: new Date(r.updated_at).toISOString(),
  };
}

export async function listCases(
  db: Db,
  filter: repo.SupervisionFilter,
  sort: string,
  paging: Paging,
): Promise<Page<SupervisionCase>> {
  const rows = await repo.listCases(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countCases(db, filter), presentCase);
}

export async function allCases(
  db: Db,
  filter: repo.SupervisionFilter,
  sort: string,
): Promise<SupervisionCase[]> {
  return (await exportRows((limit) => repo.listCases(db, filter, parseSort(sort), limit, 0))).map(
    presentCase,
  );
}

/** The stages a case may move to, by the action that moves it. */
export const NEXT: Record<CaseStage, readonly CaseAction[]> = {
  warning: ["warn", "extend", "recover", "terminate"],
  extended: ["extend", "recover", "terminate"],
  recovered: [],
  terminated: [],
};

export async function getCase(db: Db, code: string) {
  const [row] = await repo.listCases(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  if (!row) throw notFound(CASE, code);
  const steps = await repo.caseSteps(db, row.id);
  return {
    ...presentCase(row),
    next: [...NEXT[row.stage]],
    steps: steps.map((s) => ({
      id: String(s.id),
      stage: s.stage,
      document_number: s.document_number,
      document_date: day(s.document_date),
      note: s.note,
      data: (s.data ?? null) as Record<string, unknown> | null,
      username: s.username,
      at: new Date(s.at).toISOString(),
    })),
  };
}

export async function caseTarget(db: Db, code: string): Promise<Target> {
  const [row] = await repo.listCases(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  if (!row) throw notFound(CASE, code);
  return { zones: [row.zone_code], taxCodes: [row.enterprise_tax_code] };
}

const problem = (field: string, vi: string, en: string): Issue =>
  issue("investment.case_step", field, vi, en);

/**
 * What a step lacks. An extension moves each named milestone from its current due date (committed,
 * or as last extended) to a later one at most `months` further: the months granted are the months
 * counted against the legal limit, so no date can buy more time than was granted.
 */
function stepIssues(stage: CaseStage, input: StepInput, milestones: ReadonlyMap<string, string>): Issue[] {
  if (!NEXT[stage].includes(input.action)) {
    const allowed = NEXT[stage].join(", ") || "—";
    return [
      problem(
        "action",
        `Vụ việc ở bước "${stage}" không thể "${input.action}". Được: ${allowed}.`,
        `A case at "${stage}" cannot "${input.action}". Allowed: ${allowed}.`,
      ),
    ];
  }
  const issues: Issue[] = [];
  if (input.action !== "recover" && !input.document_number)
    issues.push(problem("document_number", "Cần số văn bản.", "The document number is required."));
  if (input.action === "extend") {
    if (!input.months)
      issues.push(problem("months", "Cần số tháng giãn tiến độ.", "The months of extension are required."));
    const dues = Object.entries(input.new_dues ?? {});
    if (dues.length === 0)
      issues.push(
        problem(
          "new_dues",
          "Cần ngày mới cho ít nhất một mốc.",
          "A new date for at least one milestone is required.",
        ),
      );
    for (const [code, due] of dues) {
      const current = milestones.get(code);
      if (current === undefined)
        issues.push(
          problem(
            `new_dues.${code}`,
            `Dự án không có mốc "${code}".`,
            `The project has no milestone "${code}".`,
          ),
        );
      else if (due <= current)
        issues.push(
          problem(
            `new_dues.${code}`,
            `Ngày mới phải sau hạn hiện tại ${current}.`,
            `The new date must be after the current due date ${current}.`,
          ),
        );
      else if (input.months && due > addMonths(current, input.months))
        issues.push(
          problem(
            `new_dues.${code}`,
            `Ngày mới quá ${input.months} tháng giãn so với hạn hiện tại ${current} (muộn nhất ${addMonths(current, input.months)}).`,
            `The new date goes beyond ${input.months} months after the current due date ${current} (${addMonths(current, input.months)} at the latest).`,
          ),
        );
    }
  }
  if ((input.action === "recover" || input.action === "terminate") && !input.note)
    issues.push(problem("note", "Cần ghi rõ căn cứ, kết quả.", "Say on what grounds, and with what result."));
  return issues;
}

const STAGE_OF: Record<CaseAction, CaseStage> = {
  warn: "warning",
  extend: "extended",
  recover: "recovered",
  terminate: "terminated",
};

/**
 * One step of a case, in one transaction: the case, the milestones' new dates, the project's event
 * (an extension or the termination, checked against its history), the step, the audit entry, and
 * the project's schedule judged again.
 */
export async function takeStep(db: Db, actor: Actor, code: string, input: StepInput) {
  const today = vietnamToday();
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockCase(trx, code);
    if (!current) throw notFound(CASE, code);
    const [source] = await repo.scheduleSources(trx, [current.project_id]);
    const revised = new Map((source?.progress ?? []).map((p) => [p.code, p.revised_due]));
    const milestones = new Map((source?.milestones ?? []).map((m) => [m.code, revised.get(m.code) ?? m.due]));
    const issues = stepIssues(current.stage, input, milestones);
    const on = input.document_date ?? today;
    if (input.action === "extend" && input.months && source) {
      const rules = await rulesInForce(trx, on, SUPERVISION_RULES, "document_date");
      const max = rules.extension_max_months;
      if (source.extended_months + input.months > max.value)
        issues.push(
          problem(
            "months",
            `Tổng giãn tiến độ ${source.extended_months + input.months} tháng vượt ${max.value} tháng (${max.instrument}, ${max.article}).`,
            `Total extension of ${source.extended_months + input.months} months exceeds ${max.value} (${max.instrument}, ${max.article}).`,
          ),
        );
    }
    if (input.action === "recover" && source) {
      // Recovery means the project is back on its (possibly extended) schedule, not merely a note.
      const v = verdictOf(source, today, await rulesInForce(trx, today, SUPERVISION_RULES, "today"));
      if (v.status === "late" || v.status === "past_legal_limit")
        issues.push(
          problem(
            "action",
            `Dự án vẫn chậm ${v.days_late} ngày ở mốc ${v.late_milestone}; ghi ngày thực hiện mốc hoặc giãn tiến độ trước khi kết thúc.`,
            `The project is still ${v.days_late} days late at ${v.late_milestone}; record the milestone's date or extend before closing.`,
          ),
        );
    }
    if (issues.length) throw invalid(issues);
    const stage = STAGE_OF[input.action];
    const closed = stage === "recovered" || stage === "terminated";
    if (input.action === "extend") await repo.setRevisedDues(trx, current.project_id, input.new_dues ?? {});
    if (input.action === "extend" || input.action === "terminate")
      await appendEventsInBulk(trx, [
        {
          projectId: current.project_id,
          event: {
            kind: input.action === "extend" ? "extension" : "termination",
            occurred_on: on,
            decision_number: input.document_number ?? null,
            months: input.action === "extend" ? (input.months ?? null) : null,
            note: `Vụ việc giám sát ${code}: ${input.note ?? ""}`.trim(),
          },
        },
      ]);
    await repo.updateCase(trx, current.id, { stage, ...(closed ? { closed_on: on } : {}) });
    await repo.insertCaseSteps(trx, [
      {
        case_id: current.id,
        stage,
        document_number: input.document_number ?? null,
        document_date: input.document_date ?? null,
        note: input.note ?? null,
        data:
          input.action === "extend"
            ? JSON.stringify({ months: input.months, new_dues: input.new_dues })
            : null,
        user_id: actor.userId,
        username: actor.username,
      },
    ]);
    await recordAudit(trx, actor, {
      action: input.action,
      entityType: "supervision_case",
      entityId: code,
      changes: {
        stage: [current.stage, stage],
        document_number: [null, input.document_number ?? null],
        document_date: [null, input.document_date ?? null],
        ...(input.action === "extend"
          ? { months: [null, input.months], new_dues: [null, input.new_dues] }
          : {}),
      },
    });
    await refreshSchedule(trx, current.project_id, today);
  });
  return getCase(db, code);
}

// ——— board and project schedule ———

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
