/**
 * Legal thresholds as dated reference data (extension limits, termination, report deadlines). A
 * change of law is a new row with a later date in force; the supervision job and the report
 * deadlines read the rows in force on the day they judge.
 */
import type { Db } from "../../db/database.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { isoDay } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { readCsv } from "../reference/reference-files.ts";
import { issue } from "../registry-issues.ts";
import * as repo from "./supervision.repository.ts";

/** The rules the code reads; each must have a row in force on any day it judges. */
export const RULE_CODES = [
  "extension_max_months",
  "termination_late_months",
  "warning_late_days",
  "report_quarter_due_day",
  "report_year_due_month",
  "report_year_due_day",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface LegalRule {
  code: string;
  value: number;
  unit: string;
  instrument: string;
  article: string;
  in_force_from: string;
  in_force_to: string | null;
  verified: boolean;
  note: string | null;
}

export type Rules<C extends RuleCode = RuleCode> = Record<C, LegalRule>;
/** What judging a schedule needs, and what report deadlines need. */
export const SUPERVISION_RULES = [
  "extension_max_months",
  "termination_late_months",
  "warning_late_days",
] as const;
export const REPORT_RULES = [
  "report_quarter_due_day",
  "report_year_due_month",
  "report_year_due_day",
] as const;

const day = isoDay;

function present(r: Awaited<ReturnType<typeof repo.legalRules>>[number]): LegalRule {
  return {
    code: r.code,
    value: r.value,
    unit: r.unit,
    instrument: r.instrument,
    article: r.article,
    in_force_from: day(r.in_force_from) as string,
    in_force_to: day(r.in_force_to),
    verified: r.verified,
    note: r.note,
  };
}

export async function listLegalRules(db: Db): Promise<LegalRule[]> {
  return (await repo.legalRules(db)).map(present);
}

/**
 * The rule of each code in force on `on` (the latest that started on or before it). A day no rule
 * covers is refused, naming `field` (the date the caller gave): the law in force then is unknown here.
 */
export function rulesOn<C extends RuleCode>(
  all: readonly LegalRule[],
  on: string,
  codes: readonly C[],
  field = "date",
): Rules<C> {
  const out: Partial<Rules<C>> = {};
  for (const code of codes) {
    const rule = all
      .filter(
        (r) => r.code === code && r.in_force_from <= on && (r.in_force_to === null || r.in_force_to >= on),
      )
      .sort((a, b) => b.in_force_from.localeCompare(a.in_force_from))[0];
    if (!rule)
      throw invalid([
        issue(
          "investment.no_rule_in_force",
          field,
          `Chưa có quy định "${code}" có hiệu lực ngày ${on}; quản trị viên cần bổ sung ngưỡng pháp lý.`,
          `No rule "${code}" is in force on ${on}; an administrator must add the legal threshold.`,
          on,
        ),
      ]);
    out[code] = rule;
  }
  return out as Rules<C>;
}

export async function rulesInForce<C extends RuleCode>(
  db: Db,
  on: string,
  codes: readonly C[],
  field?: string,
): Promise<Rules<C>> {
  return rulesOn(await listLegalRules(db), on, codes, field);
}

/** The values each rule can sensibly take (a day of the month, a month, a number of months or days). */
const BOUNDS: Record<RuleCode, [number, number]> = {
  extension_max_months: [0, 120],
  termination_late_months: [1, 120],
  warning_late_days: [0, 365],
  report_quarter_due_day: [1, 28],
  report_year_due_month: [1, 12],
  report_year_due_day: [1, 31],
};

export async function addLegalRule(
  db: Db,
  actor: Actor,
  rule: LegalRule & { code: RuleCode },
): Promise<LegalRule> {
  const [min, max] = BOUNDS[rule.code];
  if (!Number.isInteger(rule.value) || rule.value < min || rule.value > max)
    throw invalid([
      issue(
        "investment.rule_value",
        "value",
        `Giá trị của "${rule.code}" phải là số nguyên từ ${min} đến ${max}.`,
        `"${rule.code}" must be a whole number from ${min} to ${max}.`,
        rule.value,
      ),
    ]);
  if (rule.in_force_to && rule.in_force_to < rule.in_force_from)
    throw invalid([
      issue(
        "investment.dates_reversed",
        "in_force_to",
        "Ngày hết hiệu lực trước ngày có hiệu lực.",
        "The end date is before the start date.",
      ),
    ]);
  await db.transaction().execute(async (trx) => {
    const existing = await repo.legalRules(trx);
    if (rule.code === "report_year_due_month" || rule.code === "report_year_due_day") {
      // The month and the day make one date together: 31 in February would roll into March.
      const all = [
        ...existing.map((r) => ({
          ...r,
          in_force_from: day(r.in_force_from),
          in_force_to: day(r.in_force_to),
        })),
        rule,
      ] as LegalRule[];
      const pair = rulesOn(
        all,
        rule.in_force_from,
        ["report_year_due_month", "report_year_due_day"],
        "in_force_from",
      );
      const month = pair.report_year_due_month.value;
      const dueDay = pair.report_year_due_day.value;
      if (dueDay > new Date(Date.UTC(2001, month, 0)).getUTCDate())
        throw invalid([
          issue(
            "investment.rule_value",
            "value",
            `Ngày ${dueDay} không có trong tháng ${month}.`,
            `Day ${dueDay} does not exist in month ${month}.`,
            rule.value,
          ),
        ]);
    }
    if (existing.some((r) => r.code === rule.code && day(r.in_force_from) === rule.in_force_from))
      throw conflict("investment.rule_exists", {
        vi: `Đã có quy định ${rule.code} hiệu lực từ ${rule.in_force_from}.`,
        en: `Rule ${rule.code} in force from ${rule.in_force_from} already exists.`,
      });
    await repo.insertLegalRules(trx, [rule]);
    await recordAudit(trx, actor, {
      action: "create",
      entityType: "legal_rule",
      entityId: `${rule.code}@${rule.in_force_from}`,
      changes: Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, [null, v]])),
    });
  });
  return rule;
}

/** Loads data/investment/legal-rules.csv into an empty table, once, even with several instances starting. */
export async function ensureLegalRules(db: Db): Promise<boolean> {
  if ((await repo.legalRules(db)).length > 0) return false;
  const rows = await readCsv("investment/legal-rules.csv");
  return db.transaction().execute(async (trx) => {
    await repo.lockLegalRules(trx);
    if ((await repo.legalRules(trx)).length > 0) return false;
    await insertShipped(trx, rows);
    return true;
  });
}

async function insertShipped(db: Db, rows: Record<string, string>[]): Promise<void> {
  await repo.insertLegalRules(
    db,
    rows.map((r) => ({
      code: r.code as string,
      value: Number(r.value),
      unit: r.unit as string,
      instrument: r.instrument as string,
      article: r.article as string,
      in_force_from: r.in_force_from as string,
      in_force_to: r.in_force_to || null,
      verified: r.verified === "true",
      note: r.note || null,
    })),
  );
}
