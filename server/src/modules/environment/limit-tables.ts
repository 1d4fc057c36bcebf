/**
 * The regulation tables as shipped in data/vn-environment (with their confidence per row), read
 * once. Administrators will replace them from CSV when limit tables move into the database.
 */
import { readCsv } from "../reference/reference-files.ts";
import type { AmbientRow, ColumnRow } from "./limits.ts";

export interface LimitTables {
  ambient: AmbientRow[];
  wastewater: ColumnRow[];
  emission: ColumnRow[];
}

let tables: Promise<LimitTables> | undefined;

const columnRows = (
  rows: Record<string, string>[],
  applies: (r: Record<string, string>) => boolean,
): ColumnRow[] =>
  rows.map((r) => ({
    parameter: r.parameter_en as string,
    parameterVi: r.parameter_vi as string,
    unit: r.unit as string,
    columns: { A: r.C_column_A ?? "", B: r.C_column_B ?? "" },
    verified: {
      A: (r.column_A_status ?? "").startsWith("seen"),
      B: (r.column_B_status ?? "").startsWith("seen"),
    },
    coefficientsApply: applies(r),
  }));

export function limitTables(): Promise<LimitTables> {
  tables ??= Promise.all([
    readCsv("vn-environment/qcvn05_2023_table1_basic.csv"),
    readCsv("vn-environment/qcvn40_2011_table1_C.csv"),
    readCsv("vn-environment/qcvn19_2009_table1_C.csv"),
  ]).then(([ambient, water, air]) => ({
    ambient: ambient.map((r) => ({
      parameter: r.parameter as string,
      averaging: r.averaging_period as string,
      limit: Number(r.limit),
      unit: r.unit as string,
      effectiveFrom: r.effective_from || null,
      effectiveTo: r.effective_to || null,
    })),
    wastewater: columnRows(water, (r) => (r.Kq_Kf_apply ?? "").startsWith("yes")),
    // QCVN 19: Kp and Kv apply to every parameter of Bảng 1.
    emission: columnRows(air, () => true),
  }));
  return tables;
}
