/**
 * Monthly production, the pure part of its screens: months ("2024-03" shown as "03/2024"), the
 * months an enterprise may report (those that have ended, in Vietnam time), accent-insensitive
 * matching of the product list, the median the server judges jumps against, and a figure's versions.
 */

/** "2024-03" → "03/2024"; anything else as it is. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return "—";
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** The month `n` months after (or before, n < 0) `month`, both "YYYY-MM". */
export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** This month in Vietnam, "YYYY-MM": the server decides what has ended by Vietnam's calendar. */
export function currentMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  })
    .format(now)
    .slice(0, 7);
}

/** The last `count` months that have ended, newest first. */
export function endedMonths(count: number, now: Date = new Date()): string[] {
  const current = currentMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, -1 - i));
}

export interface Version {
  revision: number;
  quantity: number;
  status: string;
  submitted_at: string;
  submitted_by: string | null;
}

export interface Change extends Version {
  /** The figure this version replaced; null for the first one. */
  previous: number | null;
  current: boolean;
}

/** A figure's versions, newest first, each with the value it replaced. */
export function changes(figure: Version, revisions: readonly Version[]): Change[] {
  const all = [...revisions].sort((a, b) => a.revision - b.revision);
  all.push(figure);
  return all
    .map((v, i) => ({
      revision: v.revision,
      quantity: v.quantity,
      status: v.status,
      submitted_at: v.submitted_at,
      submitted_by: v.submitted_by,
      previous: i > 0 ? (all[i - 1] as Version).quantity : null,
      current: i === all.length - 1,
    }))
    .reverse();
}
