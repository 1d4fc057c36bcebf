/**
 * A statistical value with its unit, rounded for display only (2 decimals, vi-VN or en-GB):
 * "15,43%", "4.940 triệu USD"; a gap in percentage points when the unit is a percentage.
 */
import { formatNumber } from "../../lib/format.ts";
import type { Lang } from "../../lib/i18n.tsx";
import type { Text } from "./text.ts";

export function formatQuantity(
  value: number | null | undefined,
  unit: string,
  lang: Lang,
  text: Text,
): string {
  if (value === null || value === undefined) return "—";
  const n = formatNumber(value, lang, 2);
  return unit === "%" ? `${n}%` : `${n} ${text.label("unit", unit)}`;
}

/** Actual − target with its sign: "+0,43 điểm %", "−120 tỷ đồng". */
export function formatGap(gap: number | null | undefined, unit: string, lang: Lang, text: Text): string {
  if (gap === null || gap === undefined) return "—";
  const sign = gap > 0 ? "+" : gap < 0 ? "−" : "";
  const n = `${sign}${formatNumber(Math.abs(gap), lang, 2)}`;
  return unit === "%" ? `${n} ${text.x("points")}` : `${n} ${text.label("unit", unit)}`;
}
