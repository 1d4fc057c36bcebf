/** Lenient parsing of cell text typed by people: vi-VN and plain number and date forms. */

/**
 * Quantities as people type them, in the language of the file. vi-VN: "1.234,5", "1234,5",
 * "1.200" = 1200; English: "1,234.5", "1,200" = 1200. With both separators the last is decimal;
 * repeated identical separators group thousands. A lone separator the language would not use is
 * taken as a decimal separator ("1234.5" in a Vietnamese file).
 */
export function parseNumber(text: string, lang: "vi" | "en" = "vi"): number | null {
  const t = text.replace(/[\s\u00a0]/g, "");
  if (!/^[+-]?[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const group = lang === "vi" ? "." : ",";
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  let normal = t;
  if (dots && commas) {
    const decimal = t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    if ((t.match(new RegExp(`\\${decimal}`, "g")) ?? []).length > 1) return null;
    normal = t.split(grouping).join("").replace(decimal, ".");
  } else if (dots > 1 || commas > 1) {
    const sep = dots > 1 ? "." : ",";
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${sep}\\d{3})+$`).test(t)) return null;
    normal = t.split(sep).join("");
  } else if (dots + commas === 1) {
    const sep = dots ? "." : ",";
    const grouped = sep === group && new RegExp(`^[+-]?[1-9]\\d{0,2}\\${sep}\\d{3}$`).test(t);
    normal = grouped ? t.replace(sep, "") : t.replace(sep, ".");
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/** Coordinates always use a decimal separator, dot or comma: "106.335" or "106,335". */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** "2024-05-01" or "01/05/2024" (dd/mm/yyyy) → "2024-05-01". */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : vn
      ? [vn[3], vn[2]?.padStart(2, "0"), vn[1]?.padStart(2, "0")]
      : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m}-${d}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

const TRUE = new Set(["có", "co", "x", "yes", "y", "true", "1", "đúng", "dung"]);
const FALSE = new Set(["không", "khong", "no", "n", "false", "0", "sai", ""]);

export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

export function parseList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
