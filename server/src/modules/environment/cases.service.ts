/**
 * Violation cases. Consecutive exceedances of a stream and averaging period form an episode; an
 * episode opens a case against the station's owner, unless the stream already has an unresolved
 * case for that period, which then records the new episode (one active case per stream and period,
 * so a sensor flapping around its limit does not bury inspectors in cases).
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { type Issue, invalid, notFound } from "../../platform/errors.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import { issue } from "../registry-issues.ts";
import * as repo from "./cases.repository.ts";
import type { CaseFilter, TransitionInput, ViolationCase } from "./cases.schemas.ts";
import type { CaseStatus } from "./monitoring.table.ts";

const ENTITY = { vi: "vụ việc vi phạm", en: "Violation case" };
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentCase(r: repo.CaseRow): ViolationCase {
  return {
    code: r.code,
    status: r.status,
    station_code: r.station_code,
    station_name: r.station_name,
    parameter: r.parameter,
    averaging: r.averaging,
    zone_code: r.zone_code,
    enterprise_tax_code: r.enterprise_tax_code,
    enterprise_name: r.enterprise_name,
    first_period_end: iso(r.first_period_end) as string,
    last_period_end: iso(r.last_period_end) as string,
    exceedance_count: r.exceedance_count,
    peak_value: r.peak_value,
    peak_ratio: r.peak_ratio,
    limit_value: r.limit_value,
    limit_table: r.limit_table,
    limit_verified: r.limit_verified,
    inspector: r.inspector,
    notice_number: r.notice_number,
    notice_date: r.notice_date,
    remediation_deadline: r.remediation_deadline,
    opened_at: iso(r.opened_at) as string,
    updated_at: iso(r.updated_at) as string,
    closed_at: iso(r.closed_at),
  };
}

export async function listCases(
  db: Db,
  filter: CaseFilter,
  sort: string,
  paging: Paging,
): Promise<Page<ViolationCase>> {
  const rows = await repo.listCases(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countCases(db, filter), presentCase);
}

export async function allCases(db: Db, filter: CaseFilter, sort: string): Promise<ViolationCase[]> {
  const rows = await exportRows((limit) => repo.listCases(db, filter, parseSort(sort), limit, 0));
  return rows.map(presentCase);
}

export async function getCase(db: Db, code: string) {
  const [row] = await repo.listCases(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  if (!row) throw notFound(ENTITY, code);
  const [events, exceedances] = await Promise.all([
    repo.caseEvents(db, row.id),
    repo.caseExceedances(db, row.id),
  ]);
  return {
    ...presentCase(row),
    next: [...NEXT_STATUS[row.status]],
    events: events.map((e) => ({
      id: String(e.id),
      at: iso(e.at) as string,
      username: e.username,
      kind: e.kind,
      from_status: e.from_status,
      to_status: e.to_status,
      note: e.note,
    })),
    exceedances: exceedances.map((x) => ({ ...x, period_end: iso(x.period_end) as string })),
  };
}

/** The zone and owner of a case (what scopes are checked against). */
export async function caseTarget(db: Db, code: string): Promise<Target> {
  const place = await repo.casePlace(db, code);
  if (!place) throw notFound(ENTITY, code);
  return {
    zones: [place.zone_code],
    zoneKinds: place.zone_kind ? [place.zone_kind] : [],
    taxCodes: [place.tax_code],
  };
}

/** The workflow: which status may follow which. Resolved and escalated cases are closed. */
export const NEXT_STATUS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ["under_review", "resolved"],
  under_review: ["notice_issued", "resolved", "escalated"],
  notice_issued: ["resolved", "escalated"],
  resolved: [],
  escalated: [],
};

const problem = (field: string, vi: string, en: string): Issue =>
  issue("environment.case_transition", field, vi, en);

function checkTransition(from: CaseStatus, input: TransitionInput): Issue[] {
  if (!NEXT_STATUS[from].includes(input.to)) {
    const allowed = NEXT_STATUS[from].join(", ") || "—";
    return [
      problem(
        "to",
        `Không chuyển được từ "${from}" sang "${input.to}". Được: ${allowed}.`,
        `Cannot move from "${from}" to "${input.to}". Allowed: ${allowed}.`,
      ),
    ];
  }
  const issues: Issue[] = [];
  if (input.to === "notice_issued") {
    if (!input.notice_number)
      issues.push(problem("notice_number", "Cần số thông báo.", "The notice number is required."));
    if (!input.notice_date)
      issues.push(problem("notice_date", "Cần ngày thông báo.", "The notice date is required."));
    if (!input.remediation_deadline)
      issues.push(
        problem("remediation_deadline", "Cần hạn khắc phục.", "The remediation deadline is required."),
      );
    else if (input.notice_date && input.remediation_deadline < input.notice_date) {
      issues.push(
        problem(
          "remediation_deadline",
          "Hạn khắc phục trước ngày thông báo.",
          "The deadline is before the notice date.",
        ),
      );
    }
  }
  if ((input.to === "resolved" || input.to === "escalated") && !input.note) {
    issues.push(problem("note", "Cần ghi rõ lý do, kết quả.", "Say why, and with what result."));
  }
  return issues;
}

export async function transitionCase(db: Db, actor: Actor, code: string, input: TransitionInput) {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockCase(trx, code);
    if (!current) throw notFound(ENTITY, code);
    const issues = checkTransition(current.status, input);
    if (issues.length) throw invalid(issues);
    const closed = input.to === "resolved" || input.to === "escalated";
    const patch = {
      status: input.to,
      ...(input.to === "notice_issued"
        ? {
            notice_number: input.notice_number ?? null,
            notice_date: input.notice_date ?? null,
            remediation_deadline: input.remediation_deadline ?? null,
          }
        : {}),
      ...(closed ? { closed_at: new Date() } : {}),
    };
    await repo.updateCase(trx, current.id, patch);
    await repo.insertCaseEvent(trx, {
      case_id: current.id,
      user_id: actor.userId,
      username: actor.username,
      kind: "status",
      from_status: current.status,
      to_status: input.to,
      note: input.note ?? null,
      data:
        input.to === "notice_issued"
          ? { notice_number: input.notice_number, remediation_deadline: input.remediation_deadline }
          : undefined,
    });
    await recordAudit(trx, actor, {
      action: "transition",
      entityType: "env_case",
      entityId: code,
      changes: {
        status: [current.status, input.to],
        ...(input.to === "notice_issued"
          ? {
              notice_number: [current.notice_number, input.notice_number ?? null],
              remediation_deadline: [current.remediation_deadline, input.remediation_deadline ?? null],
            }
          : {}),
      },
    });
  });
  return getCase(db, code);
}

export async function assignCase(db: Db, actor: Actor, code: string, username: string) {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockCase(trx, code);
    if (!current) throw notFound(ENTITY, code);
    const inspector = await repo.inspectorByUsername(trx, username);
    if (inspector?.role !== "environment_inspector" || inspector.status !== "active") {
      throw invalid([
        problem(
          "inspector",
          `"${username}" không phải thanh tra môi trường đang hoạt động.`,
          `"${username}" is not an active environment inspector.`,
        ),
      ]);
    }
    await repo.updateCase(trx, current.id, { inspector_id: inspector.id });
    await repo.insertCaseEvent(trx, {
      case_id: current.id,
      user_id: actor.userId,
      username: actor.username,
      kind: "assigned",
      note: inspector.username,
    });
    await recordAudit(trx, actor, {
      action: "assign",
      entityType: "env_case",
      entityId: code,
      changes: { inspector: [null, inspector.username] },
    });
  });
  return getCase(db, code);
}

/** An inspector's comment, or the enterprise's answer; both stay in the case's history and the audit log. */
export async function addCaseNote(
  db: Db,
  actor: Actor,
  code: string,
  kind: "comment" | "answer",
  note: string,
) {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockCase(trx, code);
    if (!current) throw notFound(ENTITY, code);
    if (current.status === "resolved" || current.status === "escalated") {
      throw invalid([problem("note", "Vụ việc đã kết thúc.", "The case is closed.")]);
    }
    await repo.insertCaseEvent(trx, {
      case_id: current.id,
      user_id: actor.userId,
      username: actor.username,
      kind,
      note,
    });
    await repo.updateCase(trx, current.id, {});
    await recordAudit(trx, actor, {
      action: kind,
      entityType: "env_case",
      entityId: code,
      changes: { note: [null, note] },
    });
  });
  return getCase(db, code);
}
