/** SQL for the regulation limit tables. */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { LimitRow } from "./limits.ts";
import type { EnvLimitTableTable } from "./monitoring.table.ts";

export type LimitTableMeta = Insertable<EnvLimitTableTable>;

export async function hasLimitTables(db: Db): Promise<boolean> {
  const row = await db.selectFrom("env_limit_table").select("code").limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function insertLimitTable(db: Db, meta: LimitTableMeta): Promise<void> {
  await db
    .insertInto("env_limit_table")
    .values(meta)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

export async function listLimitTables(db: Db) {
  return db
    .selectFrom("env_limit_table as t")
    .selectAll("t")
    .select((eb) => [
      eb
        .selectFrom("env_limit_row as r")
        .whereRef("r.table_code", "=", "t.code")
        .select(eb.fn.countAll<number>().as("n"))
        .as("row_count"),
      eb
        .selectFrom("env_limit_row as r")
        .whereRef("r.table_code", "=", "t.code")
        .where("r.verified", "=", false)
        .select(eb.fn.countAll<number>().as("n"))
        .as("unverified_count"),
    ])
    .orderBy("t.family")
    .orderBy(sql`t.effective_from nulls first`)
    .orderBy("t.code")
    .execute();
}

export async function findLimitTable(db: Db, code: string) {
  return db.selectFrom("env_limit_table").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function lockLimitTable(db: Db, code: string) {
  return db.selectFrom("env_limit_table").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export async function limitRows(db: Db, code: string): Promise<LimitRow[]> {
  const rows = await db
    .selectFrom("env_limit_row")
    .selectAll()
    .where("table_code", "=", code)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    parameter: r.parameter,
    parameterVi: r.parameter_vi,
    parameterEn: r.parameter_en,
    averaging: r.averaging,
    column: r.column_name,
    min: r.limit_min,
    max: r.limit_max,
    unit: r.unit,
    coefficientsApply: r.coefficients_apply,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    verified: r.verified,
    note: r.note,
  }));
}

/** Replaces every row of a table version (inside the caller's transaction). */
export async function replaceLimitRows(
  db: Db,
  code: string,
  rows: readonly LimitRow[],
  by: string,
): Promise<void> {
  await db.deleteFrom("env_limit_row").where("table_code", "=", code).execute();
  if (rows.length) {
    await db
      .insertInto("env_limit_row")
      .values(
        rows.map((r) => ({
          table_code: code,
          parameter: r.parameter,
          parameter_vi: r.parameterVi,
          parameter_en: r.parameterEn,
          averaging: r.averaging,
          column_name: r.column,
          limit_min: r.min,
          limit_max: r.max,
          unit: r.unit,
          coefficients_apply: r.coefficientsApply,
          effective_from: r.effectiveFrom,
          effective_to: r.effectiveTo,
          verified: r.verified,
          note: r.note,
        })),
      )
      .execute();
  }
  await db
    .updateTable("env_limit_table")
    .set({ rows_loaded_at: sql<Date>`now()`, rows_loaded_by: by })
    .where("code", "=", code)
    .execute();
}
