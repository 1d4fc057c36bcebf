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
