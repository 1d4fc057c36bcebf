/**
 * The IIP calculator's editable basket as typed (text, read the vi-VN or en-GB way), the worked
 * example, and the request it becomes. Pure: no React.
 */
import { formatNumber, parseNumber } from "../../lib/format.ts";
import type { Lang } from "../../lib/i18n.tsx";
import type { IipInput } from "./api.ts";

export interface BasketRow {
  product: string;
  vsic: string;
  base_quantity: string;
  current_quantity: string;
  previous_quantity: string;
  weight: string;
}
export interface ClassRow {
  code: string;
  weight: string;
}

export const NUMBER_FIELDS = ["base_quantity", "current_quantity", "previous_quantity", "weight"] as const;
export const ITEM_FIELDS = ["product", "vsic", ...NUMBER_FIELDS] as const;

export const emptyRow = (): BasketRow => ({
  product: "",
  vsic: "",
  base_quantity: "",
  current_quantity: "",
  previous_quantity: "",
  weight: "",
});

/**
 * Four products in three classes and two sections. Class 1010: (120·30 + 90·70)/100 = 99, previously 90;
 * 2610: 150 (140); 3510: 110 (100). Section C = (99·200 + 150·300)/500 = 129,6; total = (129,6·500 +
 * 110·500)/1000 = 119,8 against 110: +8,91 %, of which C 4,36 and D 4,55 percentage points.
 */
export function sampleBasket(lang: Lang): { rows: BasketRow[]; classes: ClassRow[] } {
  const n = (v: number) => formatNumber(v, lang, 6);
  const row = (product: string, vsic: string, b: number, c: number, p: number, w: number): BasketRow => ({
    product,
    vsic,
    base_quantity: n(b),
    current_quantity: n(c),
    previous_quantity: n(p),
    weight: n(w),
  });
  return {
    rows: [
      row("P1", "1010", 100, 120, 90, 30),
      row("P2", "1010", 50, 45, 45, 70),
      row("P3", "2610", 10, 15, 14, 1),
      row("P4", "3510", 1000, 1100, 1000, 1),
    ],
    classes: [
      { code: "1010", weight: n(200) },
      { code: "2610", weight: n(300) },
      { code: "3510", weight: n(500) },
    ],
  };
}

/** The request, or the paths of the numbers that could not be read ("items.0.weight", "class_weights.1010"). */
export function toRequest(
  rows: BasketRow[],
  classes: ClassRow[],
  lang: Lang,
): { body: IipInput; unreadable: string[] } {
  const unreadable: string[] = [];
  const read = (text: string, path: string) => {
    const v = parseNumber(text, lang);
    if (v !== undefined && Number.isNaN(v)) unreadable.push(path);
    return v;
  };
  const items = rows.map((r, i) => {
    const item: Record<string, unknown> = { product: r.product.trim(), vsic: r.vsic.trim() };
    for (const f of NUMBER_FIELDS) {
      const v = read(r[f], `items.${i}.${f}`);
      // Empty numbers are left out: the API names a missing required one at its field.
      if (v !== undefined) item[f] = v;
    }
    return item as IipInput["items"][number];
  });
  const class_weights: Record<string, number> = {};
  for (const c of classes) {
    const code = c.code.trim();
    const v = read(c.weight, `class_weights.${code}`);
    if (code && v !== undefined) class_weights[code] = v;
  }
  return { body: { items, class_weights }, unreadable };
}

/** The VSIC classes of the basket that have no weight row yet. */
export function missingClasses(rows: BasketRow[], classes: ClassRow[]): string[] {
  const have = new Set(classes.map((c) => c.code.trim()));
  return [...new Set(rows.map((r) => r.vsic.trim()).filter((v) => /^\d{4}$/.test(v) && !have.has(v)))];
}
