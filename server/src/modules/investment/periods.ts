/** Report periods: quarters Q1–Q4 and the year Y, their bounds and due dates. Pure. */
import type { ReportPeriod } from "./investment.table.ts";

export interface PeriodBounds {
  start: string;
  end: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

export function periodBounds(year: number, period: ReportPeriod): PeriodBounds {
  if (period === "Y") return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
  const q = Number(period.slice(1));
  return { start: iso(year, q * 3 - 2, 1), end: iso(year, q * 3 + 1, 0) };
}

export interface DueRules {
  /** Day of the month after the quarter (10). */
  quarterDay: number;
  /** Month and day of the next year for the year's report (3, 31). */
  yearMonth: number;
  yearDay: number;
}

/** The day a period's report is due, by the rules in force. */
export function dueDate(year: number, period: ReportPeriod, rules: DueRules): string {
  if (period === "Y") return iso(year + 1, rules.yearMonth, rules.yearDay);
  const q = Number(period.slice(1));
  return iso(year, q * 3 + 1, rules.quarterDay);
}

export const PERIODS: readonly ReportPeriod[] = ["Q1", "Q2", "Q3", "Q4", "Y"];

/** The periods (newest first) whose reports are due on or before `today`, back to `fromYear`. */
export function duePeriods(
  today: string,
  fromYear: number,
  rules: DueRules,
): Array<{ year: number; period: ReportPeriod; due_on: string }> {
  const out: Array<{ year: number; period: ReportPeriod; due_on: string }> = [];
  for (let year = Number(today.slice(0, 4)); year >= fromYear; year--) {
    for (const period of [...PERIODS].reverse()) {
      const due = dueDate(year, period, rules);
      if (due < today) out.push({ year, period, due_on: due });
    }
  }
  return out;
}
