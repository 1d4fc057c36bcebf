/**
 * Supervision cases: the officers' steps on a case the daily job opened (supervision.service.ts):
 * a warning with its document, an extension (new dates within the months the law allows, and a
 * project "extension" event), recovery once the project is back on schedule, or termination (a
 * project "termination" event). Each step carries its document and is audited.
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { type Issue, invalid, notFound } from "../../platform/errors.ts";
import { addMonths, isoDay } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import { appendEventsInBulk } from "../projects/projects.service.ts";
import type { CaseStage } from "./investment.table.ts";
import { rulesInForce, SUPERVISION_RULES } from "./legal-rules.ts";
import * as repo from "./supervision.repository.ts";
import type { CaseAction, StepInput, SupervisionCase } from "./supervision.schemas.ts";
import { problem, refreshSchedule, verdictOf, vietnamToday } from "./supervision.service.ts";

const CASE = { vi: "vụ việc giám sát", en: "Supervision case" };
const day = isoDay;

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
