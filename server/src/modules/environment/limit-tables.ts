/**
 * Regulation limit tables as versioned data. The tables shipped in data/vn-environment (with their
 * confidence per row) are loaded on first start; administrators replace a version's rows from CSV.
 * Readers get the rows from a per-process cache that a replacement clears (and that expires after a
 * minute, so other server instances see a replacement too).
 */

import { parse as parseCsvText } from "csv-parse/sync";
import type { Db } from "../../db/database.ts";
import { type Issue, invalid, notFound } from "../../platform/errors.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { readCsv } from "../reference/reference-files.ts";
import * as repo from "./limits.repository.ts";
import { type LimitRow, parseBound } from "./limits.ts";

const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; set: Promise<LimitSet> }>();

export interface LimitSet {
  code: string;
  kind: "ambient" | "wastewater" | "emission";
  rows: LimitRow[];
}

export const AVERAGINGS = ["1h", "8h", "24h", "annual"] as const;

/** The symbols stations report (Circular 10/2021) for the rows of QCVN 40 and QCVN 19. */
const SYMBOLS: Record<string, string> = {
  Temperature: "Temp",
  Colour: "Color",
  pH: "pH",
  "BOD5 (20°C)": "BOD5",
  COD: "COD",
  "Total suspended solids": "TSS",
  "Ammonium (as N)": "NH4",
  "Total nitrogen": "TN",
  "Total phosphorus (as P)": "TP",
  "Total dust": "PM",
  "Carbon monoxide": "CO",
  "Sulphur dioxide": "SO2",
  "NOx (as NO2)": "NOx",
  "Hydrogen sulphide": "H2S",
  "Hydrogen chloride": "HCl",
  "Ammonia and ammonium compounds": "NH3",
  "Chromium VI": "Cr6",
  "Chromium III": "Cr3",
};

/** "Arsenic (As)" → "As"; a name without a plain chemical symbol keeps its English name. */
const symbolOf = (en: string) => SYMBOLS[en] ?? /\(([A-Z][a-z]?)\)$/.exec(en)?.[1] ?? en;

export const SHIPPED_TABLES: repo.LimitTableMeta[] = [
  {
    code: "QCVN05:2023",
    family: "QCVN05",
    title_vi: "QCVN 05:2023/BTNMT — Chất lượng không khí",
    title_en: "QCVN 05:2023/BTNMT — Ambient air quality",
    kind: "ambient",
    effective_from: null,
    effective_to: null,
    supersedes: null,
    source: "data/vn-environment/qcvn05_2023_table1_basic.csv",
    rows_loaded_by: "system",
  },
  {
    code: "QCVN40:2011",
    family: "QCVN40",
    title_vi: "QCVN 40:2011/BTNMT — Nước thải công nghiệp",
    title_en: "QCVN 40:2011/BTNMT — Industrial wastewater",
    kind: "wastewater",
    effective_from: null,
    effective_to: "2025-08-31",
    supersedes: null,
    source: "data/vn-environment/qcvn40_2011_table1_C.csv",
    rows_loaded_by: "system",
  },
  {
    code: "QCVN40:2025",
    family: "QCVN40",
    title_vi: "QCVN 40:2025/BTNMT — Nước thải công nghiệp (chưa nạp số liệu)",
    title_en: "QCVN 40:2025/BTNMT — Industrial wastewater (rows not loaded)",
    kind: "wastewater",
    effective_from: "2025-09-01",
    effective_to: null,
    supersedes: "QCVN40:2011",
    source: null,
    rows_loaded_by: null,
  },
  {
    code: "QCVN19:2009",
    family: "QCVN19",
    title_vi: "QCVN 19:2009/BTNMT — Khí thải công nghiệp (bụi, chất vô cơ)",
    title_en: "QCVN 19:2009/BTNMT — Industrial emissions (dust, inorganic substances)",
    kind: "emission",
    effective_from: null,
    effective_to: null,
    supersedes: null,
    source: "data/vn-environment/qcvn19_2009_table1_C.csv",
    rows_loaded_by: "system",
  },
  {
    code: "QCVN19:2024",
    family: "QCVN19",
    title_vi: "QCVN 19:2024/BTNMT — Khí thải công nghiệp (chưa nạp số liệu)",
    title_en: "QCVN 19:2024/BTNMT — Industrial emissions (rows not loaded)",
    kind: "emission",
    effective_from: null,
    effective_to: null,
    supersedes: "QCVN19:2009",
    source: null,
    rows_loaded_by: null,
  },
];

export async function shippedLimitRows(): Promise<Record<string, LimitRow[]>> {
  const [ambient, water, air] = await Promise.all([
    readCsv("vn-environment/qcvn05_2023_table1_basic.csv"),
    readCsv("vn-environment/qcvn40_2011_table1_C.csv"),
    readCsv("vn-environment/qcvn19_2009_table1_C.csv"),
  ]);
  const columns = (rows: Record<string, string>[], applies: (r: Record<string, string>) => boolean) =>
    rows.flatMap((r) =>
      (["A", "B"] as const).flatMap((column) => {
        const bound = parseBound(r[`C_column_${column}`] ?? "");
        if (!bound) return [];
        const en = r.parameter_en as string;
        return [
          {
            parameter: symbolOf(en),
            parameterVi: r.parameter_vi ?? null,
            parameterEn: en,
            averaging: "1h",
            column,
            ...bound,
            unit: r.unit as string,
            coefficientsApply: applies(r),
            effectiveFrom: null,
            effectiveTo: null,
            verified: (r[`column_${column}_status`] ?? "").startsWith("seen"),
            note: null,
          },
        ];
      }),
    );
  return {
    "QCVN05:2023": ambient.map((r) => ({
      parameter: r.parameter as string,
      parameterVi: null,
      parameterEn: null,
      averaging: r.averaging_period as string,
      column: "-",
      min: null,
      max: Number(r.limit),
      unit: r.unit as string,
      coefficientsApply: false,
      effectiveFrom: r.effective_from || null,
      effectiveTo: r.effective_to || null,
      verified: true,
      note: r.note || null,
    })),
    "QCVN40:2011": columns(water, (r) => (r.Kq_Kf_apply ?? "").startsWith("yes")),
    // QCVN 19: Kp and Kv apply to every parameter of Bảng 1.
    "QCVN19:2009": columns(air, () => true),
  };
}

/** Loads the shipped tables when the database has none. Returns whether it loaded anything. */
export async function ensureLimitTables(db: Db): Promise<boolean> {
  if (await repo.hasLimitTables(db)) return false;
  const rows = await shippedLimitRows();
  await db.transaction().execute(async (trx) => {
    for (const meta of SHIPPED_TABLES) await repo.insertLimitTable(trx, meta);
    for (const [code, list] of Object.entries(rows)) await repo.replaceLimitRows(trx, code, list, "system");
  });
  cache.clear();
  return true;
}

/** A table version's kind and rows (cached), or a 404 for an unknown code. */
export async function limitSetOf(db: Db, code: string): Promise<LimitSet> {
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.set;
  const set = (async () => {
    const table = await limitTable(db, code);
    return { code, kind: table.kind, rows: await repo.limitRows(db, code) };
  })();
  cache.set(code, { at: Date.now(), set });
  set.catch(() => cache.delete(code));
  return set;
}

export async function limitTable(db: Db, code: string) {
  const table = await repo.findLimitTable(db, code);
  if (!table) throw notFound({ vi: "bảng giới hạn", en: "Limit table" }, code);
  return table;
}

export const listLimitTables = repo.listLimitTables;

export const LIMIT_CSV_COLUMNS = [
  "parameter",
  "parameter_vi",
  "parameter_en",
  "averaging",
  "column",
  "limit",
  "unit",
  "coefficients_apply",
  "effective_from",
  "effective_to",
  "verified",
  "note",
] as const;

const YES = new Set(["true", "yes", "1", "có", "x"]);
const NO = new Set(["false", "no", "0", "không", ""]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an administrator's CSV; every problem is named by line and column, nothing is half-read. */
export function parseLimitCsv(text: string): LimitRow[] {
  let records: string[][];
  try {
    records = parseCsvText(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw invalid([
      {
        code: "environment.limit_csv",
        field: "file",
        message: {
          vi: `CSV không hợp lệ: ${(error as Error).message}`,
          en: `Invalid CSV: ${(error as Error).message}`,
        },
      },
    ]);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = ["parameter", "averaging", "limit", "unit"].filter((c) => !header.includes(c));
  if (missing.length) {
    throw invalid([
      {
        code: "environment.limit_csv",
        row: 1,
        message: {
          vi: `Dòng tiêu đề thiếu cột: ${missing.join(", ")}.`,
          en: `The header lacks columns: ${missing.join(", ")}.`,
        },
      },
    ]);
  }
  const issues: Issue[] = [];
  const rows: LimitRow[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (name: string) => cells[header.indexOf(name)]?.trim() ?? "";
    const problem = (column: string, vi: string, en: string) =>
      issues.push({
        code: "environment.limit_csv",
        row: line,
        column,
        message: { vi: `Dòng ${line}, cột ${column}: ${vi}`, en: `Line ${line}, column ${column}: ${en}` },
      });
    const parameter = get("parameter");
    if (!parameter) problem("parameter", "bắt buộc nhập.", "required.");
    const averaging = get("averaging");
    if (!(AVERAGINGS as readonly string[]).includes(averaging))
      problem("averaging", `phải là ${AVERAGINGS.join(", ")}.`, `must be ${AVERAGINGS.join(", ")}.`);
    const bound = parseBound(get("limit"));
    if (!bound) problem("limit", 'phải là một số hoặc khoảng "6-9".', 'must be a number or a range "6-9".');
    const unit = get("unit");
    if (!unit) problem("unit", "bắt buộc nhập.", "required.");
    const column = get("column") || "-";
    if (!/^[A-Z-]$/.test(column)) problem("column", 'phải là A, B, C hoặc "-".', 'must be A, B, C or "-".');
    const flag = (name: string) => {
      const v = get(name).toLowerCase();
      if (YES.has(v)) return true;
      if (!NO.has(v)) problem(name, "phải là true hoặc false.", "must be true or false.");
      return false;
    };
    const coefficientsApply = flag("coefficients_apply");
    const verified = flag("verified");
    const from = get("effective_from") || null;
    const to = get("effective_to") || null;
    for (const [name, v] of [
      ["effective_from", from],
      ["effective_to", to],
    ] as const) {
      if (v !== null && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
        problem(name, "phải là ngày yyyy-mm-dd.", "must be a date yyyy-mm-dd.");
    }
    if (from && to && from > to) problem("effective_to", "trước ngày bắt đầu.", "is before effective_from.");
    const key = `${parameter}|${averaging}|${column}|${from ?? ""}`;
    if (seen.has(key)) problem("parameter", "trùng với một dòng trước.", "repeats an earlier line.");
    seen.add(key);
    if (bound) {
      rows.push({
        parameter,
        parameterVi: get("parameter_vi") || null,
        parameterEn: get("parameter_en") || null,
        averaging,
        column,
        ...bound,
        unit,
        coefficientsApply,
        effectiveFrom: from,
        effectiveTo: to,
        verified,
        note: get("note") || null,
      });
    }
  });
  if (issues.length) throw invalid(issues);
  if (rows.length === 0) {
    throw invalid([
      {
        code: "environment.limit_csv",
        field: "file",
        message: { vi: "Tệp không có dòng nào.", en: "The file has no rows." },
      },
    ]);
  }
  return rows;
}

/** Replaces a version's rows from CSV in one transaction, audited with the old and new row counts. */
export async function replaceLimitTable(db: Db, actor: Actor, code: string, csv: string) {
  const rows = parseLimitCsv(csv);
  await db.transaction().execute(async (trx) => {
    const table = await repo.lockLimitTable(trx, code);
    if (!table) throw notFound({ vi: "bảng giới hạn", en: "Limit table" }, code);
    const before = await repo.limitRows(trx, code);
    await repo.replaceLimitRows(trx, code, rows, actor.username);
    await recordAudit(trx, actor, {
      action: "replace",
      entityType: "limit_table",
      entityId: code,
      changes: {
        rows: [before.length, rows.length],
        unverified: [before.filter((r) => !r.verified).length, rows.filter((r) => !r.verified).length],
      },
    });
  });
  cache.delete(code);
  return { code, rows: rows.length, unverified: rows.filter((r) => !r.verified).length };
}

/** The rows of a version as CSV in the format the replacement accepts. */
export function limitRowsCsv(rows: readonly LimitRow[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) =>
    [
      r.parameter,
      r.parameterVi,
      r.parameterEn,
      r.averaging,
      r.column,
      r.min !== null && r.max !== null ? `${r.min}-${r.max}` : (r.max ?? r.min),
      r.unit,
      r.coefficientsApply,
      r.effectiveFrom,
      r.effectiveTo,
      r.verified,
      r.note,
    ]
      .map(cell)
      .join(","),
  );
  return `${[LIMIT_CSV_COLUMNS.join(","), ...lines].join("\n")}\n`;
}
