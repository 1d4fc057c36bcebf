/** Checks of monthly production figures: units, months, and jumps against the enterprise's own history. Pure. */
import type { ProductionFlag } from "./statistics.table.ts";

/** Units a figure may be sent in, by the product's unit: how many product units one sent unit is. */
const CONVERSIONS: Record<string, Record<string, number>> = {
  tấn: { kg: 0.001, "nghìn tấn": 1000 },
  "nghìn tấn": { tấn: 0.001 },
  "nghìn cái": { cái: 0.001 },
  "nghìn chiếc": { chiếc: 0.001, "triệu chiếc": 1000 },
  "triệu chiếc": { chiếc: 1e-6, "nghìn chiếc": 0.001 },
  "nghìn đôi": { đôi: 0.001 },
  "nghìn lít": { lít: 0.001 },
  "nghìn m³": { "m³": 0.001 },
  "nghìn tấm": { tấm: 0.001 },
  "triệu viên": { viên: 1e-6 },
  "triệu kWh": { kWh: 1e-6, MWh: 0.001, GWh: 1000 },
};

/** The quantity in the product's unit, or null when the unit is neither it nor convertible to it. */
export function inProductUnit(quantity: number, sent: string, productUnit: string): number | null {
  if (sent === productUnit) return quantity;
  const factor = CONVERSIONS[productUnit]?.[sent];
  return factor === undefined ? null : quantity * factor;
}

export function unitsFor(productUnit: string): string[] {
  return [productUnit, ...Object.keys(CONVERSIONS[productUnit] ?? {})];
}

/** "2026-10" → "2026-10-01"; null when not a month. */
export function monthStart(month: string): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? `${m[1]}-${m[2]}-01` : null;
}

/** A month is reportable once it has ended: its first day is before the first day of `today`'s month. */
export const monthEnded = (start: string, today: string): boolean => start < `${today.slice(0, 7)}-01`;

export const JUMP_FACTOR = 3;

/**
 * A figure far from the enterprise's usual level for the product: more than three times, or less than
 * a third of, the median of its last twelve non-zero months. Flagged for a statistician, never refused.
 */
export function jumpFlag(quantity: number, history: readonly number[]): ProductionFlag | null {
  const recent = history.filter((q) => q > 0).slice(-12);
  if (recent.length < 3) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  if (quantity <= median * JUMP_FACTOR && quantity >= median / JUMP_FACTOR) return null;
  const fmt = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  const en = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  return {
    field: "quantity",
    vi: `${fmt(quantity)} khác thường so với trung vị ${fmt(median)} của ${recent.length} tháng gần nhất.`,
    en: `${en(quantity)} is unusual against the median ${en(median)} of the last ${recent.length} months.`,
    median,
    months: recent.length,
  };
}
