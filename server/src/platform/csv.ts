/** CSV writing for exports. Cells that a spreadsheet would run as a formula are neutralised. */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet programs execute cells starting with = + - @ (OWASP "CSV injection").
 * Numbers stay numbers; any other text with such a start gets a leading apostrophe.
 */
function neutraliseFormula(value: string): string {
  if (!FORMULA_START.test(value)) return value;
  if (/^[+-]?\d+([.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}

function cell(value: unknown, decimalComma: boolean): string {
  if (value === null || value === undefined) return "";
  // vi-VN writes 541,73; the importer reads numbers back in the file's language.
  if (typeof value === "number" && decimalComma) return `"${String(value).replace(".", ",")}"`;
  const text = neutraliseFormula(
    Array.isArray(value) ? value.join("; ") : value instanceof Date ? value.toISOString() : String(value),
  );
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows to CSV text with a UTF-8 BOM so that spreadsheet programs read Vietnamese correctly.
 * `decimalComma` writes numbers as vi-VN does (no thousands separator, so they read back exactly).
 */
export function toCsv(
  headers: readonly string[],
  rows: Iterable<readonly unknown[]>,
  decimalComma = false,
): string {
  const lines = [headers.map((h) => cell(h, false)).join(",")];
  for (const row of rows) lines.push(row.map((v) => cell(v, decimalComma)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
