/** SQL for enterprises. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { EnterpriseFilter } from "./enterprises.schemas.ts";
import type { EnterpriseTable } from "./enterprises.table.ts";

function filtered(db: Db, f: EnterpriseFilter) {
  let q = db.selectFrom("enterprise");
  if (f.q) {
    const q0 = f.q.trim();
    if (/^\d{6,}/.test(q0)) q = q.where("tax_code", "like", `${q0.replace(/[^\d-]/g, "")}%`);
    else for (const pattern of wordPatterns(q0)) q = q.where("search_text", "like", pattern);
  }
  if (f.ownership) q = q.where("ownership", "=", f.ownership);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.zone === "none") q = q.where("zone_code", "is", null);
  else if (f.zone) q = q.where("zone_code", "=", f.zone);
  if (f.commune) q = q.where("commune_code", "=", f.commune);
  if (f.country) q = q.where(sql<boolean>`country_codes @> array[${f.country}]::text[]`);
  if (f.vsic) {
    const prefix = `${f.vsic}%`;
    q = q.where((eb) =>
      eb.or([
        eb("vsic_main", "like", prefix),
        sql<boolean>`exists (select 1 from unnest(vsic_other) v where v like ${prefix})`,
      ]),
    );
  }
  if (f.high_tech !== undefined) q = q.where("high_tech", "=", f.high_tech);
  if (f.synthetic !== undefined) q = q.where("is_synthetic", "=", f.synthetic);
  return q;
}

export async function listEnterprises(
  db: Db,
  f: EnterpriseFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return filtered(db, f)
    .selectAll()
    .orderBy(sql`${sql.ref(sort.field)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("tax_code")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countEnterprises(db: Db, f: EnterpriseFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findEnterprise(db: Db, taxCode: string) {
  return db.selectFrom("enterprise").selectAll().where("tax_code", "=", taxCode).executeTakeFirst();
}

export async function existingTaxCodes(db: Db, taxCodes: readonly string[]): Promise<Set<string>> {
  if (taxCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom("enterprise")
    .select("tax_code")
    .where(sql<boolean>`tax_code = any(${sql.val([...taxCodes])}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.tax_code));
}

export async function insertEnterprise(db: Db, row: Insertable<EnterpriseTable>) {
  return db.insertInto("enterprise").values(row).returning("tax_code").executeTakeFirstOrThrow();
}

export async function updateEnterprise(db: Db, taxCode: string, row: Updateable<EnterpriseTable>) {
  return db
    .updateTable("enterprise")
    .set({ ...row, updated_at: new Date() })
    .where("tax_code", "=", taxCode)
    .returning("tax_code")
    .executeTakeFirst();
}

const UPSERT_CHUNK = 400;

/** Insert or update by tax code, set-based in chunks; returns how many rows were new. */
export async function upsertEnterprises(
  db: Db,
  rows: Insertable<EnterpriseTable>[],
  onProgress?: (done: number) => void,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const result = await db
      .insertInto("enterprise")
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.column("tax_code").doUpdateSet((eb) => ({
          name_vi: eb.ref("excluded.name_vi"),
          name_en: eb.ref("excluded.name_en"),
          ownership: eb.ref("excluded.ownership"),
          investor_countries: eb.ref("excluded.investor_countries"),
          country_codes: eb.ref("excluded.country_codes"),
          vsic_main: eb.ref("excluded.vsic_main"),
          vsic_other: eb.ref("excluded.vsic_other"),
          address: eb.ref("excluded.address"),
          commune_code: eb.ref("excluded.commune_code"),
          zone_code: eb.ref("excluded.zone_code"),
          lon: eb.ref("excluded.lon"),
          lat: eb.ref("excluded.lat"),
          workers: eb.ref("excluded.workers"),
          workers_as_of: eb.ref("excluded.workers_as_of"),
          high_tech: eb.ref("excluded.high_tech"),
          high_tech_certificate: eb.ref("excluded.high_tech_certificate"),
          status: eb.ref("excluded.status"),
          established_on: eb.ref("excluded.established_on"),
          search_text: eb.ref("excluded.search_text"),
          updated_at: new Date(),
        })),
      )
      .returning(sql<boolean>`xmax = 0`.as("inserted"))
      .execute();
    inserted += result.filter((r) => r.inserted).length;
    onProgress?.(Math.min(rows.length, i + UPSERT_CHUNK));
  }
  return { inserted, updated: rows.length - inserted };
}

export interface EnterpriseAggregate {
  zone_code: string | null;
  enterprises: number;
  workers: number;
  foreign: number;
  high_tech: number;
}

export async function aggregateByZone(db: Db): Promise<EnterpriseAggregate[]> {
  return db
    .selectFrom("enterprise")
    .select((eb) => [
      "zone_code",
      eb.fn.countAll<number>().as("enterprises"),
      sql<number>`coalesce(sum(workers), 0)::bigint`.as("workers"),
      sql<number>`count(*) filter (where ownership = 'foreign')`.as("foreign"),
      sql<number>`count(*) filter (where high_tech)`.as("high_tech"),
    ])
    .where("status", "!=", "dissolved")
    .groupBy("zone_code")
    .execute();
}
