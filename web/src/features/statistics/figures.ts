/**
 * Statistical figures as shown: always 2 decimals, vi-VN or en-GB ("115,43", "112,00"), a change
 * with its sign ("+15,43", "−0,20"). Display only: the API's numbers stay unrounded.
 */
import type { Lang } from "../../lib/i18n.tsx";

const formats = new Map<Lang, Intl.NumberFormat>();

export function fixed(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(lang, f);
  }
  return f.format(value);
}

export function signed(value: number, lang: Lang): string {
  const n = fixed(Math.abs(value), lang);
  // A change that rounds to zero has no sign.
  if (n === fixed(0, lang)) return n;
  return value > 0 ? `+${n}` : `−${n}`;
}
