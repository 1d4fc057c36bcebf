/** SQL for the product list and monthly production reports. */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import { mark as markMonths } from "./iip.repository.ts";
import type { ProductFilter, ProductionFilter } from "./production.schemas.ts";
import type { StatProductionTable, StatProductTable } from "./statistics.table.ts";

type Sort = { field: string; direction: "asc" | "desc" };

function productsQuery(db: Db, f: ProductFilter) {
  let q = db.selectFrom("stat_product as p");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("p.search_text", "like", pattern);
  if (f.vsic) q = q.where("p.vsic_class", "like", `${f.vsic}%`);
  return q;
}

export async function listProducts(db: Db, f: ProductFilter, sort: Sort, limit: number, offset: number) {
  return productsQuery(db, f)
    .select([
      "p.code",
      "p.vsic_class",
      "p.name_vi",
      "p.name_en",
      "p.unit",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`p.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("p.code")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countProducts(db: Db, f: ProductFilter): Promise<number> {
  const row = await productsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function productsByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("stat_product")
    .selectAll()
    .where("code", "in", [...new Set(codes)])
    .execute();
}

export async function insertProducts(db: Db, rows: readonly Insertable<StatProductTable>[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto("stat_product")
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function hasProducts(db: Db): Promise<boolean> {
  return (await db.selectFrom("stat_product").select("code").limit(1).execute()).length > 0;
}

/** The last twelve months' quantities before `month` of each (enterprise, product) pair, oldest first. */
export async function histories(
  db: Db,
  pairs: ReadonlyArray<{ tax_code: string; product: string; month: string }>,
): Promise<Map<string, number[]>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<{ tax_code: string; product: string; month: string; quantities: number[] }>`
    select k.tax_code, k.product, k.month::text as month,
      coalesce(array_agg(s.quantity order by s.month) filter (where s.id is not null), '{}') as quantities
    from unnest(${pairs.map((p) => p.tax_code)}::text[], ${pairs.map((p) => p.product)}::text[],
      ${pairs.map((p) => p.month)}::date[]) as k(tax_code, product, month)
    left join stat_production s on s.enterprise_tax_code = k.tax_code and s.product_code = k.product
      and s.month < k.month and s.month >= k.month - interval '12 months'
    group by k.tax_code, k.product, k.month`.execute(db);
  return new Map(
    rows.map((r) => [`${r.tax_code}|${r.product}|${r.month.slice(0, 10)}`, r.quantities.map(Number)]),
  );
}

export async function existing(
  db: Db,
  keys: ReadonlyArray<{ tax_code: string; product: string; month: string }>,
) {
  if (keys.length === 0) return [];
  const { rows } = await sql<{
    id: number;
    enterprise_tax_code: string;
    product_code: string;
    month: string;
  }>`
    select s.id, s.enterprise_tax_code, s.product_code, s.month::text as month
    from stat_production s
    join unnest(${keys.map((k) => k.tax_code)}::text[], ${keys.map((k) => k.product)}::text[], ${keys.map((k) => k.month)}::date[])
      as k(tax_code, product, month)
      on s.enterprise_tax_code = k.tax_code and s.product_code = k.product and s.month = k.month
    for update of s`.execute(db);
  return rows;
}

/** The stored figures of the given (enterprise, product, month) keys, as the audit log compares them. */
export async function figures(
  db: Db,
  keys: ReadonlyArray<{ tax_code: string; product: string; month: string }>,
) {
  if (keys.length === 0) return [];
  const { rows } = await sql<{
    enterprise_tax_code: string;
    product_code: string;
    month: string;
    quantity: number;
    status: string;
    revision: number;
  }>`
    select s.enterprise_tax_code, s.product_code, s.month::text as month, s.quantity, s.status, s.revision
    from stat_production s
    join unnest(${keys.map((k) => k.tax_code)}::text[], ${keys.map((k) => k.product)}::text[], ${keys.map((k) => k.month)}::date[])
      as k(tax_code, product, month)
      on s.enterprise_tax_code = k.tax_code and s.product_code = k.product and s.month = k.month`.execute(db);
  return rows;
}

/** Keeps the figures being replaced in the history, then writes the new ones (revision + 1). */
export async function writeProduction(
  db: Db,
  rows: readonly Insertable<StatProductionTable>[],
  replacedBy: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const keys = chunk.map((r) => ({
      tax_code: r.enterprise_tax_code,
      product: r.product_code,
      month: r.month,
    }));
    const old = await existing(db, keys);
    if (old.length)
      await sql`
        insert into stat_production_revision (production_id, revision, quantity, status, flags, submitted_at, submitted_by, replaced_by)
        select id, revision, quantity, status, flags, submitted_at, submitted_by, ${replacedBy}
        from stat_production where id = any(${`{${old.map((o) => o.id).join(",")}}`}::int4[])`.execute(db);
    await db
      .insertInto("stat_production")
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(["enterprise_tax_code", "product_code", "month"]).doUpdateSet((eb) => ({
          quantity: eb.ref("excluded.quantity"),
          status: eb.ref("excluded.status"),
          flags: eb.ref("excluded.flags"),
          channel: eb.ref("excluded.channel"),
          submitted_at: eb.ref("excluded.submitted_at"),
          submitted_by: eb.ref("excluded.submitted_by"),
          // An enterprise's own figure replacing a demo one is no longer synthetic.
          is_synthetic: eb.ref("excluded.is_synthetic"),
          revision: sql<number>`stat_production.revision + 1`,
          reviewed_by: null,
          review_note: null,
        })),
      )
      .execute();
  }
  await markMonths(db, [...new Set(rows.map((r) => r.month as string))]);
}

function productionQuery(db: Db, f: ProductionFilter & { id?: number; enterprises?: readonly string[] }) {
  let q = db.selectFrom("stat_production as s").innerJoin("stat_product as p", "p.code", "s.product_code");
  if (f.q)
    for (const pattern of wordPatterns(f.q))
      q = q.where(sql<boolean>`(p.search_text || ' ' || s.enterprise_tax_code) like ${pattern}`);
  if (f.id) q = q.where("s.id", "=", f.id);
  if (f.enterprise) q = q.where("s.enterprise_tax_code", "=", f.enterprise);
  if (f.product) q = q.where("s.product_code", "=", f.product);
  if (f.vsic) q = q.where("p.vsic_class", "like", `${f.vsic}%`);
  if (f.status) q = q.where("s.status", "=", f.status);
  if (f.from) q = q.where("s.month", ">=", `${f.from}-01`);
  if (f.to) q = q.where("s.month", "<=", `${f.to}-01`);
  if (f.enterprises) {
    const codes = f.enterprises;
    q = q.where((eb) =>
      codes.length === 0
        ? eb.val(false)
        : eb.or(
            codes.flatMap((c) => [
              eb("s.enterprise_tax_code", "=", c),
              eb("s.enterprise_tax_code", "like", `${c}-%`),
            ]),
          ),
    );
  }
  return q;
}

export async function listProduction(
  db: Db,
  f: ProductionFilter & { id?: number; enterprises?: readonly string[] },
  sort: Sort,
  limit: number,
  offset: number,
) {
  return productionQuery(db, f)
    .selectAll("s")
    .select([
      "p.name_vi as product_name",
      "p.unit",
      "p.vsic_class",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`s.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("s.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type ProductionRow = Awaited<ReturnType<typeof listProduction>>[number];

export async function countProduction(
  db: Db,
  f: ProductionFilter & { enterprises?: readonly string[] },
): Promise<number> {
  const row = await productionQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function revisions(db: Db, productionId: number) {
  return db
    .selectFrom("stat_production_revision")
    .selectAll()
    .where("production_id", "=", productionId)
    .orderBy("revision")
    .execute();
}

export async function lockProduction(db: Db, id: number) {
  return db.selectFrom("stat_production").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function confirmProduction(db: Db, id: number, by: string, note: string | null): Promise<void> {
  await db
    .updateTable("stat_production")
    .set({ status: "confirmed", reviewed_by: by, review_note: note })
    .where("id", "=", id)
    .execute();
}

/** The product list's codes and classes. */
export async function productClasses(db: Db) {
  return db.selectFrom("stat_product").select(["code", "vsic_class"]).orderBy("code").execute();
}

/** Synthetic figures (the demo's), set-based; a figure already there is kept. */
export async function insertSynthetic(
  db: Db,
  columns: {
    taxCodes: readonly string[];
    products: readonly string[];
    months: readonly string[];
    quantities: readonly number[];
  },
): Promise<void> {
  for (let i = 0; i < columns.months.length; i += 20_000) {
    const slice = <T>(a: readonly T[]) => a.slice(i, i + 20_000);
    await sql`
      insert into stat_production (enterprise_tax_code, product_code, month, quantity, status, flags, channel, submitted_by, is_synthetic)
      select u.t, u.p, u.m, u.q, 'submitted', '[]', 'demo', 'dữ liệu mô phỏng', true
      from unnest(${slice(columns.taxCodes)}::text[], ${slice(columns.products)}::text[], ${slice(columns.months)}::date[],
        ${`{${slice(columns.quantities).join(",")}}`}::float8[]) as u(t, p, m, q)
      on conflict do nothing`.execute(db);
  }
}

/** Each product's total quantity over a year. */
export async function yearTotals(db: Db, year: number) {
  const { rows } = await sql<{ product_code: string; quantity: number }>`
    select product_code, sum(quantity) as quantity from stat_production
    where month between ${`${year}-01-01`}::date and ${`${year}-12-01`}::date group by product_code`.execute(
    db,
  );
  return rows.map((r) => ({ product_code: r.product_code, quantity: Number(r.quantity) }));
}
