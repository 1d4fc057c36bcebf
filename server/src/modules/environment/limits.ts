/**
 * Limit checks (pure). A limit row belongs to a regulation table version (QCVN 05:2023, QCVN 40:2011 …)
 * and gives, for a parameter, averaging period and column (A/B, or "-" for ambient air), a ceiling or
 * a range, the dates it is in force and whether it was verified against a source. Wastewater:
 * Cmax = C × Kq × Kf where the row says the coefficients apply; stack emissions: Cmax = C × Kp × Kv.
 * Ranges (pH) are never scaled.
 */
import type { Coefficients } from "./monitoring.table.ts";

export interface LimitRow {
  parameter: string;
  parameterVi: string | null;
  parameterEn: string | null;
  averaging: string;
  column: string;
  min: number | null;
  max: number | null;
  unit: string;
  coefficientsApply: boolean;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  verified: boolean;
  note: string | null;
}

export type Bound = number | { min: number; max: number };

export interface Verdict {
  limit: Bound;
  cmax: Bound;
  exceeded: boolean;
  /** value / Cmax, for a ceiling. */
  ratio: number | null;
  verified: boolean;
}

export interface LimitQuery {
  parameter: string;
  averaging: string;
  column: string;
  /** yyyy-mm-dd: the day the value was measured. */
  on: string;
}

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Whether a row is about a parameter, by symbol or by its name in either language. */
export function rowMatches(row: LimitRow, parameter: string): boolean {
  return (
    same(row.parameter, parameter) || same(row.parameterEn, parameter) || same(row.parameterVi, parameter)
  );
}

/** The row in force on a day for a parameter, averaging period and column, or null. */
export function findLimit(rows: readonly LimitRow[], q: LimitQuery): LimitRow | null {
  return (
    rows.find(
      (r) =>
        rowMatches(r, q.parameter) &&
        r.averaging === q.averaging &&
        r.column === q.column &&
        (r.effectiveFrom === null || r.effectiveFrom <= q.on) &&
        (r.effectiveTo === null || q.on <= r.effectiveTo),
    ) ?? null
  );
}

/** Kq·Kf for wastewater, Kp·Kv for emissions, 1 for ambient air; a missing coefficient counts as 1. */
export function factorOf(kind: "ambient" | "wastewater" | "emission", k: Coefficients): number {
  if (kind === "wastewater") return (k.Kq ?? 1) * (k.Kf ?? 1);
  if (kind === "emission") return (k.Kp ?? 1) * (k.Kv ?? 1);
  return 1;
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

export function verdict(row: LimitRow, value: number, factor: number): Verdict {
  const verified = row.verified;
  if (row.min !== null && row.max !== null) {
    const range = { min: row.min, max: row.max };
    return { limit: range, cmax: range, exceeded: value < row.min || value > row.max, ratio: null, verified };
  }
  if (row.min !== null) {
    return { limit: row.min, cmax: row.min, exceeded: value < row.min, ratio: null, verified };
  }
  const limit = row.max as number;
  const cmax = row.coefficientsApply ? round9(limit * factor) : limit;
  return { limit, cmax, exceeded: value > cmax, ratio: cmax > 0 ? value / cmax : null, verified };
}

/** "6-9" or "5.5-9" is a range; a number is a ceiling. */
export function parseBound(text: string): { min: number | null; max: number | null } | null {
  const t = text.trim().replace(/\s+/g, "");
  const range = /^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$/.exec(t);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  if (/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return { min: null, max: Number(t) };
  return null;
}
