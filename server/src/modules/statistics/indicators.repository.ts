/** SQL for the indicator registry, its values and its targets. */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { IndicatorFilter, ValueFilter } from "./indicators.schemas.ts";
import type { StatIndicatorTable, StatTargetTable, StatValueTable } from "./statistics.table.ts";

type Sort = { field: string; direction: "asc" | "desc" };

function indicatorsQuery(db: Db, f: IndicatorFilter & { code?: string }) {
  let q = db.selectFrom("stat_indicator as i");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("i.search_text", "like", pattern);
  if (f.code) q = q.where("i.code", "=", f.code);
  if (f.frequency) q = q.where("i.frequency", "=", f.frequency);
  if (f.owner) q = q.where("i.owner_agency", "=", f.owner);
  return q;
}

export async function listIndicators(
  db: Db,
  f: IndicatorFilter & { code?: string },
  sort: Sort,
  limit: number,
  offset: number,
) {
  return indicatorsQuery(db, f)
    .selectAll("i")
    .select([
      sql<number>`(select count(*)::int from stat_value v where v.indicator_code = i.code)`.as("value_count"),
      sql<
        string | null
      >`(select max(v.period_end)::text from stat_value v where v.indicator_code = i.code)`.as("latest_end"),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`i.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("i.code")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];

export async function countIndicators(db: Db, f: IndicatorFilter): Promise<number> {
  const row = await indicatorsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function valuesQuery(db: Db, code: string, f: ValueFilter) {
  let q = db.selectFrom("stat_value as v").where("v.indicator_code", "=", code);
  if (f.territory) q = q.where("v.territory", "=", f.territory);
  if (f.status) q = q.where("v.status", "=", f.status);
  if (f.breakdown_kind) q = q.where("v.breakdown_kind", "=", f.breakdown_kind);
  if (f.from) q = q.where("v.period_end", ">=", `${f.from}-01-01`);
  if (f.to) q = q.where("v.period_start", "<=", `${f.to}-12-31`);
  if (f.q)
    for (const pattern of wordPatterns(f.q))
      q = q.where(
        sql<boolean>`lower(coalesce(v.source_note, '') || ' ' || v.period || ' ' || v.breakdown_code) like ${pattern}`,
      );
  return q;
}

export async function listValues(
  db: Db,
  code: string,
  f: ValueFilter,
  sort: Sort,
  limit: number,
  offset: number,
) {
  return valuesQuery(db, code, f)
    .selectAll("v")
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${sql.ref(`v.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("v.period_start")
    .orderBy("v.breakdown_code")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type ValueRow = Awaited<ReturnType<typeof listValues>>[number];

export async function countValues(db: Db, code: string, f: ValueFilter): Promise<number> {
  const row = await valuesQuery(db, code, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertValues(db: Db, rows: readonly Insertable<StatValueTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto("stat_value")
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) =>
        oc
          .columns(["indicator_code", "period", "territory", "breakdown_kind", "breakdown_code", "status"])
          .doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            source_url: eb.ref("excluded.source_url"),
            source_note: eb.ref("excluded.source_note"),
            derived: eb.ref("excluded.derived"),
            updated_at: new Date(),
          })),
      )
      .execute();
}

export interface ValueKey {
  indicator_code: string;
  period: string;
  territory: string;
  breakdown_kind: string;
  breakdown_code: string;
  status: string;
}

export async function findValue(db: Db, k: ValueKey) {
  return db
    .selectFrom("stat_value")
    .selectAll()
    .where("indicator_code", "=", k.indicator_code)
    .where("period", "=", k.period)
    .where("territory", "=", k.territory as "city")
    .where("breakdown_kind", "=", k.breakdown_kind as "total")
    .where("breakdown_code", "=", k.breakdown_code)
    .where("status", "=", k.status as "official")
    .forUpdate()
    .executeTakeFirst();
}

export async function findTarget(db: Db, code: string, year: number, territory: string) {
  return db
    .selectFrom("stat_target")
    .selectAll()
    .where("indicator_code", "=", code)
    .where("year", "=", year)
    .where("territory", "=", territory as "city")
    .forUpdate()
    .executeTakeFirst();
}

export async function insertIndicators(
  db: Db,
  rows: readonly Insertable<StatIndicatorTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto("stat_indicator").values(rows).execute();
}

export async function upsertTargets(db: Db, rows: readonly Insertable<StatTargetTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("stat_target")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["indicator_code", "year", "territory"]).doUpdateSet((eb) => ({
        value: eb.ref("excluded.value"),
        source: eb.ref("excluded.source"),
        note: eb.ref("excluded.note"),
      })),
    )
    .execute();
}

export async function targets(db: Db, year?: number) {
  let q = db
    .selectFrom("stat_target as t")
    .innerJoin("stat_indicator as i", "i.code", "t.indicator_code")
    .select([
      "t.indicator_code",
      "t.year",
      "t.territory",
      "t.value",
      "t.source",
      "t.note",
      "i.name_vi",
      "i.name_en",
      "i.unit",
      "i.direction",
      "i.aggregation",
    ]);
  if (year) q = q.where("t.year", "=", year);
  return q.orderBy("t.year", "desc").orderBy("t.indicator_code").execute();
}

/** Total values (no breakdown) of the given indicators and territories, for judging targets. */
export async function totals(db: Db, pairs: ReadonlyArray<{ code: string; territory: string }>) {
  if (pairs.length === 0) return [];
  return db
    .selectFrom("stat_value")
    .select([
      "indicator_code",
      "territory",
      "period",
      "period_start",
      "period_end",
      "value",
      "status",
      "source_url",
    ])
    .where("breakdown_kind", "=", "total")
    .where((eb) =>
      eb.or(
        pairs.map((p) =>
          eb.and([eb("indicator_code", "=", p.code), eb("territory", "=", p.territory as "city")]),
        ),
      ),
    )
    .execute();
}

export async function lockStatistics(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('stat_indicator'))`.execute(db);
}

export async function hasIndicators(db: Db): Promise<boolean> {
  return (await db.selectFrom("stat_indicator").select("code").limit(1).execute()).length > 0;
}

/** Replaces the values the system computed from the reports with a new set, in one transaction. */
export async function replaceDerived(db: Db, rows: readonly Insertable<StatValueTable>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("stat_value").where("derived", "=", true).execute();
    await upsertValues(trx, rows);
  });
}
