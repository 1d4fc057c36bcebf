/** SQL for reference data: one exported function per query. */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { Era } from "./reference.table.ts";

const CHUNK = 500;

/** Multi-row inserts in chunks: set-based, and under PostgreSQL's 65,535-parameter limit. */
export async function insertRows<T extends keyof Database>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot narrow a generic table's insert type.
      .values(rows.slice(i, i + CHUNK) as any)
      .execute();
  }
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db
    .selectFrom("admin_unit")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface UnitFilter {
  era: Era;
  level?: "province" | "district" | "commune" | undefined;
  province?: string | undefined;
  q?: string | undefined;
}

function unitQuery(db: Db, filter: UnitFilter) {
  let query = db.selectFrom("admin_unit").where("era", "=", filter.era);
  if (filter.level) query = query.where("level", "=", filter.level);
  if (filter.province) {
    const province = filter.province;
    query = query.where((eb) =>
      eb.or([
        eb("code", "=", province).and("level", "=", "province"),
        eb("parent_code", "=", province),
        // Old communes hang under old districts, which hang under the province.
        eb(
          "parent_code",
          "in",
          eb
            .selectFrom("admin_unit as d")
            .select("d.code")
            .where("d.era", "=", filter.era)
            .where("d.level", "=", "district")
            .where("d.parent_code", "=", province),
        ),
      ]),
    );
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([eb.and(wordPatterns(q).map((w) => eb("search_text", "like", w))), eb("code", "=", q.trim())]),
    );
  }
  return query;
}

const UNIT_COLUMNS = [
  "era",
  "code",
  "level",
  "valid_from",
  "valid_to",
  "parent_code",
  "name",
  "name_en",
  "full_name",
  "full_name_en",
  "unit_type",
  "unit_type_en",
  "area_km2",
] as const;

export async function listUnits(db: Db, filter: UnitFilter, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    unitQuery(db, filter)
      .select(UNIT_COLUMNS)
      .orderBy("level")
      .orderBy("code")
      .limit(limit)
      .offset(offset)
      .execute(),
    unitQuery(db, filter)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findUnit(db: Db, era: Era, code: string) {
  return db
    .selectFrom("admin_unit")
    .select(UNIT_COLUMNS)
    .where("era", "=", era)
    .where("code", "=", code)
    .orderBy(sql`case level when 'commune' then 0 when 'district' then 1 else 2 end`)
    .executeTakeFirst();
}

export async function unitGeometries(db: Db, province: string) {
  return db
    .selectFrom("admin_unit")
    .select(["code", "name", "name_en", "full_name", "full_name_en", "unit_type", "area_km2", "geometry"])
    .where("era", "=", "2025")
    .where("level", "=", "commune")
    .where("parent_code", "=", province)
    .where("geometry", "is not", null)
    .orderBy("code")
    .execute();
}

export async function provinceGeometry(db: Db, province: string) {
  const row = await db
    .selectFrom("admin_unit")
    .select("geometry")
    .where("era", "=", "2025")
    .where("level", "=", "province")
    .where("code", "=", province)
    .executeTakeFirst();
  return row?.geometry ?? null;
}

export async function successorsOf(db: Db, oldCode: string) {
  return db
    .selectFrom("admin_unit_crosswalk as x")
    .innerJoin("admin_unit as u", (j) =>
      j.onRef("u.code", "=", "x.new_code").on("u.era", "=", "2025").on("u.level", "=", "commune"),
    )
    .select(["x.new_code as code", "u.full_name", "x.merge_type"])
    .where((eb) => eb.or([eb("x.old_commune_code", "=", oldCode), eb("x.old_district_code", "=", oldCode)]))
    .orderBy("x.new_code")
    .execute();
}

export async function predecessorsOf(db: Db, newCode: string) {
  return db
    .selectFrom("admin_unit_crosswalk as x")
    .leftJoin("admin_unit as u", (j) =>
      j
        .onRef("u.code", "=", "x.old_commune_code")
        .on("u.era", "=", "pre2025")
        .on("u.level", "in", ["commune", "district"]),
    )
    .select([
      "x.old_commune_code as code",
      "u.full_name",
      "x.old_district_code",
      "x.old_province_code",
      "x.merge_type",
    ])
    .where("x.new_code", "=", newCode)
    .orderBy("x.old_commune_code")
    .execute();
}

export interface VsicFilter {
  version: string;
  q?: string | undefined;
  level?: number | undefined;
  parent?: string | undefined;
  section?: string | undefined;
}

function vsicQuery(db: Db, filter: VsicFilter) {
  let query = db.selectFrom("vsic_code").where("version", "=", filter.version);
  if (filter.level) query = query.where("level", "=", filter.level);
  if (filter.parent) query = query.where("parent_code", "=", filter.parent);
  if (filter.section) query = query.where("section", "=", filter.section.toUpperCase());
  if (filter.q) {
    const q = filter.q.trim();
    query = query.where((eb) =>
      eb.or([
        eb.and(wordPatterns(q).map((w) => eb("search_text", "like", w))),
        eb("code", "like", `${q.replace(/[\\%_]/g, "")}%`),
      ]),
    );
  }
  return query;
}

const VSIC_COLUMNS = ["version", "code", "level", "parent_code", "section", "name_vi"] as const;

export async function listVsic(db: Db, filter: VsicFilter, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    vsicQuery(db, filter).select(VSIC_COLUMNS).orderBy("code").limit(limit).offset(offset).execute(),
    vsicQuery(db, filter)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function allVsic(db: Db, version: string) {
  return db
    .selectFrom("vsic_code")
    .select(VSIC_COLUMNS)
    .where("version", "=", version)
    .orderBy("code")
    .execute();
}

export async function allCommuneCodes(db: Db, province: string): Promise<string[]> {
  const rows = await db
    .selectFrom("admin_unit")
    .select("code")
    .where("era", "=", "2025")
    .where("level", "=", "commune")
    .where("parent_code", "=", province)
    .execute();
  return rows.map((r) => r.code);
}

export async function listCountries(db: Db, q: string | undefined) {
  let query = db.selectFrom("country").select(["alpha2", "alpha3", "numeric_code", "name_en", "name_vi"]);
  if (q) {
    const code = q.trim().toUpperCase();
    query = query.where((eb) =>
      eb.or([
        eb.and(wordPatterns(q).map((w) => eb("search_text", "like", w))),
        eb("alpha2", "=", code),
        eb("alpha3", "=", code),
      ]),
    );
  }
  return query.orderBy("name_vi").execute();
}

export async function listSources(db: Db) {
  return db.selectFrom("data_source").selectAll().orderBy("code").execute();
}

export async function crosswalkProvinces(db: Db) {
  return db.selectFrom("admin_unit_crosswalk").select(["new_code", "old_province_code"]).distinct().execute();
}

export async function upsertSources(db: Db, rows: Insertable<Database["data_source"]>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto("data_source")
    .values(rows)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}
