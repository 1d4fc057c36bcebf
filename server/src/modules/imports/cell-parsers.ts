/**
 * How one spreadsheet cell becomes a value. CSV cells are text; XLSX cells may be numbers, which
 * are taken as they are (never re-read as text, so 0,125 stays 0,125). Text numbers are read in
 * the file's language: vi-VN "1.234,5" or English "1,234.5".
 */
import type { Lang } from "../../platform/lang.ts";
import {
  parseBoolean,
  parseDate,
  parseDecimal,
  parseList,
  parseNumber,
} from "../../platform/parse-values.ts";
import { fold } from "../../platform/text.ts";

export type Cell = string | number;
/** Parses one non-empty cell; throws CellError naming the expected form when it cannot. */
export type Parser = (cell: Cell, lang: Lang) => unknown;

export class CellError extends Error {}

/** Spreadsheet serial dates (days since 1899-12-30) for years 1955–2119. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
function serialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 20_000 || serial > 80_000) return null;
  return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}

function must<T>(value: T | null, kind: string): T {
  if (value === null) throw new CellError(kind);
  return value;
}

export const text: Parser = (c) => String(c);
export const upper: Parser = (c) => String(c).toUpperCase();
export const number: Parser = (c, lang) => (typeof c === "number" ? c : must(parseNumber(c, lang), "number"));
export const decimal: Parser = (c) => (typeof c === "number" ? c : must(parseDecimal(c), "number"));
export const date: Parser = (c) => must(typeof c === "number" ? serialDate(c) : parseDate(c), "date");
export const bool: Parser = (c) => (typeof c === "number" ? c !== 0 : must(parseBoolean(c), "boolean"));
export const list: Parser = (c) => parseList(String(c));

export function choice(aliases: Record<string, string>): Parser {
  const folded = new Map(Object.entries(aliases).map(([k, v]) => [fold(k), v]));
  return (c) => folded.get(fold(String(c))) ?? String(c).trim().toLowerCase();
}

/** "KR:60; JP:40" or "KR" → [{country, share}]; a single country without share gets 100. */
export const investorCountries: Parser = (c, lang) =>
  parseList(String(c)).map((part, _i, all) => {
    const [country = "", share] = part.split(":").map((s) => s.trim());
    const value = share === undefined ? (all.length === 1 ? 100 : null) : parseNumber(share, lang);
    return { country: country.toUpperCase(), share: must(value, "share") };
  });

/** "LG Electronics Inc. [KR]; Công ty X [VN, 0101248141]" → [{name, country, tax_code}]. */
export const investors: Parser = (c) =>
  parseList(String(c)).map((part) => {
    const m = must(/^(.*?)\s*\[\s*([A-Za-z]{2})\s*(?:,\s*([\d-]+))?\s*\]$/.exec(part), "investor");
    return {
      name: (m[1] ?? "").trim(),
      country: (m[2] ?? "").toUpperCase(),
      ...(m[3] ? { tax_code: m[3] } : {}),
    };
  });

const MILESTONE_LABELS: Record<string, string> = {
  land_handover: "Nhận bàn giao đất / Land handover",
  construction_start: "Khởi công xây dựng / Construction start",
  construction_end: "Hoàn thành xây dựng / Construction completed",
  operation_start: "Đi vào hoạt động / Start of operation",
};

/** "construction_start: 2026-01-31; operation_start: 30/06/2027" → milestones. */
export const milestones: Parser = (c) =>
  parseList(String(c)).map((part) => {
    const [code = "", due = ""] = part.split(/:(.*)/s).map((s) => s.trim());
    if (!code) throw new CellError("milestone");
    return { code, label: MILESTONE_LABELS[code] ?? code, due: must(parseDate(due), "milestone") };
  });

/** "construction_start: 15/04/2025; operation_start: 2026-06-30" → { code: date }. */
export const milestoneDates: Parser = (c) =>
  Object.fromEntries(
    parseList(String(c)).map((part) => {
      const [code = "", on = ""] = part.split(/:(.*)/s).map((s) => s.trim());
      if (!code) throw new CellError("milestone");
      return [code, must(parseDate(on), "milestone")];
    }),
  );

const OPERATOR = /^([a-z_]+)\s*(>=|<=|!=|>|<|=|not_in|in)\s*(.+)$/;
const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  co: true,
  khong: false,
  yes: true,
  no: false,
};

/**
 * "capital_per_ha >= 80 tỷ đồng/ha | QĐ 18/2019/QĐ-TTg; technology_level in advanced, high" →
 * criteria. A number keeps its unit text for the catalogue to check; a list is comma-separated.
 */
export const criteria: Parser = (c, lang) =>
  parseList(String(c)).map((part) => {
    const [rule = "", basis] = part.split("|").map((s) => s.trim());
    const m = must(OPERATOR.exec(rule), "criterion");
    const [, field = "", operator = "", rest = ""] = m;
    const listed = operator === "in" || operator === "not_in";
    const word = (s: string): string | number | boolean => {
      const number = parseNumber(s, lang);
      if (number !== null) return number;
      const folded = fold(s);
      return folded in BOOLEAN_WORDS ? (BOOLEAN_WORDS[folded] as boolean) : s;
    };
    if (listed)
      return {
        field,
        operator,
        value: rest.split(",").map((s) => word(s.trim())),
        ...(basis ? { legal_basis: basis } : {}),
      };
    const numeric = /^([-\d.,]+)\s*(.*)$/.exec(rest.trim());
    const number = numeric ? parseNumber(numeric[1] as string, lang) : null;
    const value = number ?? word(rest.trim());
    const unit = number !== null ? (numeric?.[2] ?? "").trim() : "";
    return { field, operator, value, ...(unit ? { unit } : {}), ...(basis ? { legal_basis: basis } : {}) };
  });

/** "10/2026", "2026-10" or a date in the month → "2026-10". */
export const yearMonth: Parser = (c) => {
  if (typeof c === "number") {
    const d = serialDate(c);
    if (d) return d.slice(0, 7);
  }
  const text = String(c).trim();
  const vi = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (vi) return `${vi[2]}-${String(vi[1]).padStart(2, "0")}`;
  if (/^\d{4}-\d{2}$/.test(text)) return text;
  const day = parseDate(text);
  return must(day, "month").slice(0, 7);
};
