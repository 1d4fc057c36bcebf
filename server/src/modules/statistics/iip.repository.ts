/** SQL for the stored IIP: bases, weights, base quantities, monthly indices and the months to recompute. */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { StatIipBaseQuantityTable, StatIipIndexTable, StatIipWeightTable } from "./statistics.table.ts";

export async function currentBase(db: Db) {
  return db.selectFrom("stat_iip_base").selectAll().orderBy("valid_from", "desc").limit(1).executeTakeFirst();
}

/** Every base, oldest base year first. */
export async function allBases(db: Db) {
  return db
    .selectFrom("stat_iip_base")
    .select(["code", "base_year", sql<string>`valid_from::text`.as("valid_from"), "note", "created_at"])
    .orderBy("base_year")
    .execute();
}

/** Removes a base's indices outside the months it holds: from `from` (if any) to before `to` (if any). */
export async function pruneIndices(
  db: Db,
  base: string,
  from: string | null,
  to: string | null,
): Promise<void> {
  await sql`
    delete from stat_iip_index where base_code = ${base}
      and (month < coalesce(${from}::date, '-infinity'::date) or month >= coalesce(${to}::date, 'infinity'::date))`.execute(
    db,
  );
}

/** Marks months for recomputation. */
export async function mark(db: Db, months: readonly string[]): Promise<void> {
  if (months.length)
    await sql`insert into stat_recompute (month) select unnest(${months}::date[]) on conflict do nothing`.execute(
      db,
    );
}

export async function insertBase(
  db: Db,
  code: string,
  baseYear: number,
  validFrom: string,
  note: string | null,
): Promise<void> {
  await db
    .insertInto("stat_iip_base")
    .values({ code, base_year: baseYear, valid_from: validFrom, note })
    .execute();
}

export async function insertWeights(db: Db, rows: readonly Insertable<StatIipWeightTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto("stat_iip_weight")
      .values(rows.slice(i, i + 5000))
      .execute();
}

export async function weights(db: Db, base: string) {
  return db.selectFrom("stat_iip_weight").selectAll().where("base_code", "=", base).execute();
}

export async function insertBaseQuantities(
  db: Db,
  rows: readonly Insertable<StatIipBaseQuantityTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto("stat_iip_base_quantity")
      .values(rows.slice(i, i + 5000))
      .execute();
}

export async function baseQuantities(db: Db, base: string) {
  return db.selectFrom("stat_iip_base_quantity").selectAll().where("base_code", "=", base).execute();
}

/**
 * Quantities from `from` to `to` (first days) summed in the database by month, year or over the
 * whole span (`by`; the key is the month's first day, the year, or `from`), product, the
 * enterprise's ownership and its old province ("east" for old Hải Phòng, "west" for old Hải Dương;
 * null without a commune). A branch's figures ("…-001") count for its enterprise; figures of a tax
 * code not in the registry count nowhere.
 */
export async function groupedQuantities(
  db: Db,
  from: string,
  to: string,
  by: "month" | "year" | "span" = "month",
) {
  const key = {
    month: sql`to_char(f.month, 'YYYY-MM-DD')`,
    year: sql`to_char(f.month, 'YYYY')`,
    span: sql`${from}::text`,
  }[by];
  const { rows } = await sql<{
    month: string;
    product_code: string;
    ownership: string;
    side: "east" | "west" | null;
    quantity: number;
  }>`
    with side as (
      -- One side per commune (each was formed within one old province; min() keeps it one row).
      select new_code, min(case when old_province_code = '30' then 'west' else 'east' end) as side
      from admin_unit_crosswalk group by new_code
    ),
    figure as (
      select p.month, p.product_code, p.quantity, coalesce(parent, own) as enterprise_id
      from stat_production p
      left join lateral (select id as parent from enterprise where tax_code = split_part(p.enterprise_tax_code, '-', 1)) a on true
      left join lateral (select id as own from enterprise where tax_code = p.enterprise_tax_code) b on parent is null
      where p.month between ${from}::date and ${to}::date
    )
    select ${key} as month, f.product_code, e.ownership, s.side, sum(f.quantity)::float8 as quantity
    from figure f
    join enterprise e on e.id = f.enterprise_id
    left join side s on s.new_code = e.commune_code
    group by 1, 2, 3, 4`.execute(db);
  return rows;
}

export async function productionMonths(db: Db): Promise<{ first: string | null; last: string | null }> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select min(month)::text as first, max(month)::text as last from stat_production`.execute(db);
  return rows[0] ?? { first: null, last: null };
}

/** Replaces one month's indices, set-based. */
export async function replaceIndices(
  db: Db,
  base: string,
  month: string,
  rows: readonly Insertable<StatIipIndexTable>[],
): Promise<void> {
  await db.deleteFrom("stat_iip_index").where("base_code", "=", base).where("month", "=", month).execute();
  if (rows.length === 0) return;
  await sql`
    insert into stat_iip_index (base_code, month, territory, ownership, level, code, index, weight)
    select ${base}, ${month}::date, u.territory, u.ownership, u.level, u.code, u.index, u.weight
    from unnest(${rows.map((r) => r.territory)}::text[], ${rows.map((r) => r.ownership)}::text[],
      ${rows.map((r) => r.level)}::text[], ${rows.map((r) => r.code)}::text[],
      ${`{${rows.map((r) => r.index).join(",")}}`}::float8[], ${`{${rows.map((r) => r.weight).join(",")}}`}::float8[])
      as u(territory, ownership, level, code, index, weight)`.execute(db);
}

export async function markedMonths(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("stat_recompute")
    .select(sql<string>`month::text`.as("month"))
    .orderBy("month")
    .execute();
  return rows.map((r) => r.month);
}

export async function unmark(db: Db, months: readonly string[]): Promise<void> {
  if (months.length)
    await db
      .deleteFrom("stat_recompute")
      .where("month", "in", [...months])
      .execute();
}

export async function series(
  db: Db,
  f: {
    territory: string;
    ownership: string;
    level: string;
    code: string;
  },
) {
  const { rows } = await sql<{ base_code: string; month: string; index: number }>`
    select base_code, month::text as month, index from stat_iip_index
    where territory = ${f.territory} and ownership = ${f.ownership}
      and level = ${f.level} and code = ${f.code}
    order by month`.execute(db);
  return rows;
}

/** One month's indices of a level (every code), for contributions. */
export async function levelAt(
  db: Db,
  f: { base: string; territory: string; ownership: string; level: string; month: string },
) {
  return db
    .selectFrom("stat_iip_index")
    .select(["code", "index", "weight"])
    .where("base_code", "=", f.base)
    .where("territory", "=", f.territory as "city")
    .where("ownership", "=", f.ownership as "all")
    .where("level", "=", f.level as "section")
    .where("month", "=", f.month)
    .orderBy("code")
    .execute();
}

/** Those of the given months ("YYYY-MM") with synthetic (demo) production in them: one index probe each. */
export async function syntheticMonths(db: Db, months: readonly string[]): Promise<Set<string>> {
  if (months.length === 0) return new Set();
  const { rows } = await sql<{ month: string }>`
    select m as month from unnest(${[...new Set(months)]}::text[]) m
    where exists (select 1 from stat_production where is_synthetic and month = (m || '-01')::date)`.execute(
    db,
  );
  return new Set(rows.map((r) => r.month));
}
