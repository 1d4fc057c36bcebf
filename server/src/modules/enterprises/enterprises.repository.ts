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
  return (
    filtered(db, f)
      .selectAll()
      .select(sql<number>`count(*) over ()`.as("total"))
      // Names sort by their folded form (search_text starts with it): "Đình Vũ" with the D's.
      .orderBy(
        sql`${sql.ref(sort.field === "name_vi" ? "search_text" : sort.field)} ${sql.raw(sort.direction)} nulls last`,
      )
      .orderBy("tax_code")
      .limit(limit)
      .offset(offset)
      .execute()
  );
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

/** Current zones of the given enterprises, by tax code. */
export async function zonesOf(db: Db, taxCodes: readonly string[]): Promise<Map<string, string | null>> {
  if (taxCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom("enterprise")
    .select(["tax_code", "zone_code"])
    .where(sql<boolean>`tax_code = any(${sql.val([...taxCodes])}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.tax_code, r.zone_code]));
}

/** Locks an enterprise's row until the transaction ends; false when there is none. */
export async function lockEnterprise(db: Db, taxCode: string): Promise<boolean> {
  const row = await db
    .selectFrom("enterprise")
    .select("id")
    .where("tax_code", "=", taxCode)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function findEnterprises(db: Db, taxCodes: readonly string[]) {
  if (taxCodes.length === 0) return [];
  return db
    .selectFrom("enterprise")
    .selectAll()
    .where(sql<boolean>`tax_code = any(${sql.val([...taxCodes])}::text[])`)
    .execute();
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

/** Insert or update by tax code, set-based in chunks; returns how many rows were new. */
/** Columns written by bulk upserts, with their SQL types for jsonb_to_recordset. */
const BULK_COLUMNS = {
  tax_code: "text",
  name_vi: "text",
  name_en: "text",
  ownership: "text",
  investor_countries: "jsonb",
  country_codes: "text[]",
  vsic_version: "text",
  vsic_main: "text",
  vsic_other: "text[]",
  address: "text",
  commune_code: "text",
  zone_code: "text",
  lon: "double precision",
  lat: "double precision",
  workers: "integer",
  workers_as_of: "date",
  contact_name: "text",
  contact_phone: "text",
  contact_email: "text",
  high_tech: "boolean",
  high_tech_certificate: "text",
  status: "text",
  established_on: "date",
  source_code: "text",
  is_synthetic: "boolean",
  search_text: "text",
} as const;
const UPDATED_ON_CONFLICT = Object.keys(BULK_COLUMNS).filter(
  (c) => !["tax_code", "vsic_version", "source_code", "is_synthetic"].includes(c),
);
const BULK_DEFAULTS: Record<string, string> = {
  investor_countries: "'[]'::jsonb",
  country_codes: "'{}'::text[]",
  vsic_version: "'2025'",
  vsic_other: "'{}'::text[]",
  high_tech: "false",
  is_synthetic: "false",
};
const BULK_CHUNK = 5_000;

/**
 * Insert or update by tax code, set-based: each chunk travels as one JSON parameter expanded by
 * jsonb_to_recordset, far cheaper to bind than thousands of scalar parameters. Returns how many rows were new.
 */
export async function upsertEnterprises(
  db: Db,
  rows: Insertable<EnterpriseTable>[],
  onProgress?: (done: number) => void,
): Promise<{ inserted: number; updated: number }> {
  const columns = Object.keys(BULK_COLUMNS);
  const recordType = sql.raw(
    Object.entries(BULK_COLUMNS)
      .map(([c, t]) => `${c} ${t}`)
      .join(", "),
  );
  const list = sql.raw(columns.join(", "));
  // Keys left out of a row take the column's default, as they would in a plain INSERT.
  const values = sql.raw(
    columns.map((c) => (c in BULK_DEFAULTS ? `coalesce(${c}, ${BULK_DEFAULTS[c]})` : c)).join(", "),
  );
  const updates = sql.raw(
    [...UPDATED_ON_CONFLICT.map((c) => `${c} = excluded.${c}`), "updated_at = now()"].join(", "),
  );
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const chunk = rows
      .slice(i, i + BULK_CHUNK)
      .map((r) => ({ ...r, investor_countries: JSON.parse(r.investor_countries as string) }));
    const { rows: result } = await sql<{ inserted: boolean }>`
      insert into enterprise (${list})
      select ${values} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${recordType})
      on conflict (tax_code) do update set ${updates}
      returning (xmax = 0) as inserted`.execute(db);
    inserted += result.filter((r) => r.inserted).length;
    onProgress?.(Math.min(rows.length, i + BULK_CHUNK));
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

/** The largest enterprise (by workers) located in a zone or in a zone inside it. */
export async function firstEnterpriseIn(db: Db, zoneCode: string): Promise<string | null> {
  const row = await db
    .selectFrom("enterprise")
    .select("tax_code")
    .where((eb) =>
      eb.or([
        eb("zone_code", "=", zoneCode),
        eb("zone_code", "in", eb.selectFrom("zone").select("code").where("parent_code", "=", zoneCode)),
      ]),
    )
    .where("status", "=", "active")
    .orderBy(sql`workers desc nulls last`)
    .orderBy("tax_code")
    .limit(1)
    .executeTakeFirst();
  return row?.tax_code ?? null;
}
