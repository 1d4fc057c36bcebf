/**
 * Limit checks (pure). Ambient air (QCVN 05:2023): the limit in force on the day for the parameter
 * and averaging period. Wastewater (QCVN 40:2011): Cmax = C × Kq × Kf where the row says the
 * coefficients apply, else Cmax = C. Stack emissions (QCVN 19:2009): Cmax = C × Kp × Kv. Every
 * answer carries whether the row was verified against a source or written from recall.
 */

export interface AmbientRow {
  parameter: string;
  averaging: string;
  limit: number;
  unit: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface ColumnRow {
  parameter: string;
  parameterVi: string;
  unit: string;
  /** By column (A, B): the value, or a range "6-9" for pH-like parameters. */
  columns: Record<string, string>;
  verified: Record<string, boolean>;
  coefficientsApply: boolean;
}

export interface Verdict {
  limit: number | { min: number; max: number };
  cmax: number | { min: number; max: number };
  exceeded: boolean;
  /** value / Cmax, for a one-sided limit. */
  ratio: number | null;
  verified: boolean;
}

/** The ambient limit in force on a day (QCVN 05:2023 steps PM2.5 24 h from 50 to 45 on 2026-01-01). */
export function ambientLimit(
  rows: readonly AmbientRow[],
  parameter: string,
  averaging: string,
  on: string,
): AmbientRow | null {
  return (
    rows.find(
      (r) =>
        r.parameter === parameter &&
        r.averaging === averaging &&
        (r.effectiveFrom === null || r.effectiveFrom <= on) &&
        (r.effectiveTo === null || on <= r.effectiveTo),
    ) ?? null
  );
}

function parseLimit(text: string): number | { min: number; max: number } {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return Number(text);
}

/** C of the column, multiplied by the coefficients where they apply; ranges (pH) are not scaled. */
export function columnVerdict(row: ColumnRow, column: string, value: number, factor: number): Verdict | null {
  const text = row.columns[column];
  if (text === undefined || text === "" || text === "-") return null;
  const limit = parseLimit(text);
  const verified = row.verified[column] ?? false;
  if (typeof limit !== "number") {
    return { limit, cmax: limit, exceeded: value < limit.min || value > limit.max, ratio: null, verified };
  }
  const cmax = row.coefficientsApply ? Math.round(limit * factor * 1e9) / 1e9 : limit;
  return { limit, cmax, exceeded: value > cmax, ratio: value / cmax, verified };
}

export function ambientVerdict(row: AmbientRow, value: number): Verdict {
  return {
    limit: row.limit,
    cmax: row.limit,
    exceeded: value > row.limit,
    ratio: value / row.limit,
    verified: true,
  };
}
