/** Days in Vietnam (UTC+7, no daylight saving) as ISO dates ("2026-11-21"). */

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The Vietnamese calendar day of an instant (default: now). */
export function vietnamDay(at: Date | number = Date.now()): string {
  return new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date column as an ISO day: the driver gives "YYYY-MM-DD" text or a Date at UTC midnight. */
export function isoDay(d: string | Date): string;
export function isoDay(d: string | Date | null): string | null;
export function isoDay(d: string | Date | null): string | null {
  if (d === null) return null;
  return typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}
