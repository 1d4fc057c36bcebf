/** SQL for zones. Occupancy is computed in queries, never stored. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Area } from "../../platform/geo.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { ZoneFilter } from "./zones.schemas.ts";
import type { ZoneTable } from "./zones.table.ts";

const occupancy = sql<
  number | null
>`case when industrial_land_ha > 0 then leased_land_ha / industrial_land_ha end`;

function filtered(db: Db, f: ZoneFilter) {
  let q = db.selectFrom("zone");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("search_text", "like", pattern);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.territory) q = q.where("legacy_territory", "=", f.territory);
  if (f.commune) q = q.where(sql<boolean>`${f.commune} = any(commune_codes)`);
  if (f.parent) q = q.where("parent_code", "=", f.parent);
  if (f.eco_status) q = q.where("eco_status", "=", f.eco_status);
  if (f.synthetic) q = q.where("is_synthetic", "=", f.synthetic === "true");
  return q;
}

const ZONE_COLUMNS = [
  "code",
  "name_vi",
  "name_en",
  "kind",
  "parent_code",
  "commune_codes",
  "legacy_territory",
  "lon",
  "lat",
  "total_area_ha",
  "industrial_land_ha",
  "leased_land_ha",
  "developer",
  "decision_number",
  "decision_date",
  "status",
  "eco_status",
  "wastewater_capacity_m3d",
  "field_sources",
  "is_synthetic",
] as const;

export async function listZones(
  db: Db,
  f: ZoneFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
  withBoundary = false,
) {
  // Names sort by their folded form (search_text starts with it): "Đình Vũ" with the D's, "An Hải" before "An Hưng".
  const order =
    sort.field === "occupancy"
      ? occupancy
      : sort.field === "name_vi"
        ? sql.ref("search_text")
        : sql.ref(sort.field);
  // Boundaries are large; lists and summaries do not read them.
  const boundary = withBoundary ? sql<Area | null>`boundary` : sql<Area | null>`null`;
  const rows = await filtered(db, f)
    .select(ZONE_COLUMNS)
    .select(boundary.as("boundary"))
    .select(sql<boolean>`boundary is not null`.as("has_boundary"))
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${order} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("code")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows;
}

export async function countZones(db: Db, f: ZoneFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findZone(db: Db, code: string) {
  return db
    .selectFrom("zone")
    .select(ZONE_COLUMNS)
    .select(["boundary", sql<boolean>`boundary is not null`.as("has_boundary")])
    .where("code", "=", code)
    .executeTakeFirst();
}

/** Several zones by code, with boundaries: what the audit log compares before and after an import. */
export async function findZones(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("zone")
    .select(ZONE_COLUMNS)
    .select(["boundary", sql<boolean>`boundary is not null`.as("has_boundary")])
    .where(sql<boolean>`code = any(${sql.val([...codes])}::text[])`)
    .execute();
}

export async function zoneKinds(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("zone").select(["code", "kind"]).execute();
  return new Map(rows.map((r) => [r.code, r.kind]));
}

export async function zoneTree(
  db: Db,
): Promise<Array<{ code: string; kind: string; parent_code: string | null }>> {
  return db.selectFrom("zone").select(["code", "kind", "parent_code"]).execute();
}

/** Locks a zone's row until the transaction ends; false when there is none. */
export async function lockZone(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("zone")
    .select("code")
    .where("code", "=", code)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertZone(db: Db, row: Insertable<ZoneTable>) {
  return db.insertInto("zone").values(row).returning("code").executeTakeFirstOrThrow();
}

export async function updateZone(db: Db, code: string, row: Updateable<ZoneTable>) {
  return db
    .updateTable("zone")
    .set({ ...row, updated_at: new Date() })
    .where("code", "=", code)
    .returning("code")
    .executeTakeFirst();
}

/** Insert or update by zone code; returns how many rows were new. */
export async function upsertZones(
  db: Db,
  rows: Insertable<ZoneTable>[],
  onProgress?: (done: number) => void,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 300) {
    const result = await db
      .insertInto("zone")
      .values(rows.slice(i, i + 300))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name_vi: eb.ref("excluded.name_vi"),
          name_en: eb.ref("excluded.name_en"),
          kind: eb.ref("excluded.kind"),
          parent_code: eb.ref("excluded.parent_code"),
          commune_codes: eb.ref("excluded.commune_codes"),
          legacy_territory: eb.ref("excluded.legacy_territory"),
          lon: eb.ref("excluded.lon"),
          lat: eb.ref("excluded.lat"),
          total_area_ha: eb.ref("excluded.total_area_ha"),
          industrial_land_ha: eb.ref("excluded.industrial_land_ha"),
          leased_land_ha: eb.ref("excluded.leased_land_ha"),
          developer: eb.ref("excluded.developer"),
          decision_number: eb.ref("excluded.decision_number"),
          decision_date: eb.ref("excluded.decision_date"),
          status: eb.ref("excluded.status"),
          eco_status: eb.ref("excluded.eco_status"),
          wastewater_capacity_m3d: eb.ref("excluded.wastewater_capacity_m3d"),
          search_text: eb.ref("excluded.search_text"),
          updated_at: new Date(),
        })),
      )
      .returning(sql<boolean>`xmax = 0`.as("inserted"))
      .execute();
    inserted += result.filter((r) => r.inserted).length;
    onProgress?.(Math.min(rows.length, i + 300));
  }
  return { inserted, updated: rows.length - inserted };
}
