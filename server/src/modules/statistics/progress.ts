/**
 * Statistical periods and progress against targets. Pure: no I/O.
 *
 * Periods: "2024" (year), "2024-Q1" (quarter), "2024-03" (month), "2024-01..06" (months 1 to 6),
 * "2025-01-01..04-26" (days). Progress of a target (indicator, year, value, direction):
 * - the value compared is the target year's own value: the full year's if published, else the
 *   latest span of that year (year to date), else nothing (no data yet);
 * - on track: the target is reached (≥ for indicators that should go up, ≤ for those that should go
 *   down); at risk: short of it by at most 10 % of the target's size; off track: further short.
 */

export interface PeriodSpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const span = (y: number, m1: number, m2: number): PeriodSpan => ({
  start: `${y}-${pad(m1)}-01`,
  end: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
});

/** The days a period covers, or null when the text is not a period (years 1900–2100). */
export function parsePeriod(text: string): PeriodSpan | null {
  const year = Number(text.slice(0, 4));
  if (!(year >= 1900 && year <= 2100)) return null;
  let m = /^(\d{4})$/.exec(text);
  if (m) return span(Number(m[1]), 1, 12);
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return span(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return span(Number(m[1]), Number(m[2]), Number(m[2]));
  m = /^(\d{4})-(\d{2})\.\.(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[3]) <= 12 && Number(m[2]) <= Number(m[3]))
    return span(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const start = `${y}-${m[2]}-${m[3]}`;
    const end = `${y}-${m[4]}-${m[5]}`;
    const real = (d: string) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    return real(start) && real(end) && start <= end ? { start, end } : null;
  }
  return null;
}

/** SDMX TIME_PERIOD: a year, quarter or month as is; any other span as start/duration in days. */
export function sdmxPeriod(text: string, p: PeriodSpan): string {
  if (/^\d{4}(-Q[1-4]|-\d{2})?$/.test(text)) return text;
  const days = Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
  return `${p.start}/P${days}D`;
}

export type Progress = "on_track" | "at_risk" | "off_track" | "no_data";

export interface Observation {
  period: string;
  start: string;
  end: string;
  value: number;
}

/**
 * The observation a target of `year` is judged on: the full year; for a rate (growth, share) not yet
 * published for the full year, the latest span within the year. A level (a total such as exports)
 * over part of a year is not comparable with a year's target, so it waits for the full year.
 */
export function judgedObservation(
  year: number,
  observations: readonly Observation[],
  aggregation: "rate" | "level" = "rate",
): Observation | null {
  const inYear = observations.filter((o) => o.start.startsWith(`${year}-`) && o.end.startsWith(`${year}-`));
  const full = inYear.find((o) => o.period === String(year));
  if (full) return full;
  if (aggregation === "level") return null;
  return [...inYear].sort((a, b) => b.end.localeCompare(a.end) || a.start.localeCompare(b.start))[0] ?? null;
}

export const AT_RISK_SHARE = 0.1;

export function progressOf(target: number, actual: number | null, direction: "up" | "down"): Progress {
  if (actual === null) return "no_data";
  const gap = direction === "up" ? target - actual : actual - target;
  if (gap <= 0) return "on_track";
  return gap <= AT_RISK_SHARE * Math.abs(target) ? "at_risk" : "off_track";
}
