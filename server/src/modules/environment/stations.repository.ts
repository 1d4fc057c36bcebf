/** SQL for stations, their datastreams, series and health. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { EnvStationTable } from "./monitoring.table.ts";
import type { StationFilter } from "./stations.schemas.ts";

/** Silent: active, and nothing for three intervals (at least 15 minutes). */
export const SILENT = sql<boolean>`(s.status = 'active' and (s.last_reading_at is null
  or s.last_reading_at < now() - greatest(interval '15 minutes', make_interval(secs => s.interval_seconds * 3))))`;

function filtered(db: Db, f: StationFilter & { code?: string }) {
  let q = db
    .selectFrom("env_station as s")
    .leftJoin("zone as z", "z.id", "s.zone_id")
    .leftJoin("enterprise as e", "e.id", "s.enterprise_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("s.search_text", "like", pattern);
  if (f.code) q = q.where("s.code", "=", f.code);
  if (f.kind) q = q.where("s.kind", "=", f.kind);
  if (f.zone) q = q.where("z.code", "=", f.zone);
  if (f.enterprise) q = q.where("e.tax_code", "=", f.enterprise);
  if (f.status) q = q.where("s.status", "=", f.status);
  if (f.silent) q = q.where(f.silent === "true" ? SILENT : sql<boolean>`not ${SILENT}`);
  if (f.synthetic) q = q.where("s.is_synthetic", "=", f.synthetic === "true");
  return q;
}

export async function listStations(
  db: Db,
  f: StationFilter & { code?: string },
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  const order =
    sort.field === "name_vi"
      ? sql`s.search_text`
      : sort.field === "aqi"
        ? sql`a.aqi`
        : sql.ref(`s.${sort.field}`);
  return filtered(db, f)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("env_aqi_hourly as x")
          .select(["x.aqi", "x.hour", "x.dominant"])
          .whereRef("x.station_id", "=", "s.id")
          .orderBy("x.hour", "desc")
          .limit(1)
          .as("a"),
      (join) => join.onTrue(),
    )
    .selectAll("s")
    .select([
      "z.code as zone_code",
      "z.name_vi as zone_name",
      "e.tax_code as enterprise_tax_code",
      "e.name_vi as enterprise_name",
      "a.aqi",
      "a.hour as aqi_hour",
      "a.dominant as aqi_dominant",
      SILENT.as("silent"),
      sql<
        Array<{ parameter: string; unit: string }>
      >`coalesce((select json_agg(json_build_object('parameter', d.parameter, 'unit', d.unit) order by d.id) from env_datastream d where d.station_id = s.id), '[]')`.as(
        "parameters",
      ),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${order} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("s.code")
    .limit(limit)
    .offset(offset)
    .execute();
}

export type StationRow = Awaited<ReturnType<typeof listStations>>[number];

export async function countStations(db: Db, f: StationFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findStationRow(db: Db, code: string): Promise<StationRow | undefined> {
  const rows = await listStations(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  return rows[0];
}

export async function lockStation(db: Db, code: string) {
  return db.selectFrom("env_station").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export async function insertStation(db: Db, row: Insertable<EnvStationTable>): Promise<number> {
  const { id } = await db.insertInto("env_station").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateStation(db: Db, id: number, patch: Updateable<EnvStationTable>): Promise<void> {
  await db
    .updateTable("env_station")
    .set({ ...patch, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function addDatastreams(
  db: Db,
  stationId: number,
  streams: ReadonlyArray<{ parameter: string; unit: string }>,
): Promise<void> {
  if (streams.length === 0) return;
  await db
    .insertInto("env_datastream")
    .values(streams.map((s) => ({ station_id: stationId, ...s })))
    .onConflict((oc) => oc.columns(["station_id", "parameter"]).doNothing())
    .execute();
}

export async function datastreamsOf(db: Db, stationId: number) {
  return db
    .selectFrom("env_datastream")
    .selectAll()
    .where("station_id", "=", stationId)
    .orderBy("id")
    .execute();
}

export async function stationBySecretHash(db: Db, hash: string) {
  return db
    .selectFrom("env_station")
    .select(["id", "code", "status"])
    .where("mqtt_secret_hash", "=", hash)
    .executeTakeFirst();
}

export async function zoneIdByCode(db: Db, code: string) {
  return db.selectFrom("zone").select(["id", "name_vi"]).where("code", "=", code).executeTakeFirst();
}

export async function enterpriseIdByTaxCode(db: Db, taxCode: string) {
  return db
    .selectFrom("enterprise")
    .select(["id", "name_vi"])
    .where("tax_code", "=", taxCode)
    .executeTakeFirst();
}

export async function stationCodeExists(db: Db, code: string): Promise<boolean> {
  return (
    (await db.selectFrom("env_station").select("id").where("code", "=", code).executeTakeFirst()) !==
    undefined
  );
}

/** The zone and owner of a station, for access checks. */
export async function stationPlace(db: Db, code: string) {
  return db
    .selectFrom("env_station as s")
    .leftJoin("zone as z", "z.id", "s.zone_id")
    .leftJoin("enterprise as e", "e.id", "s.enterprise_id")
    .select(["s.id", "z.code as zone_code", "z.kind as zone_kind", "e.tax_code"])
    .where("s.code", "=", code)
    .executeTakeFirst();
}

export async function findStation(db: Db, code: string) {
  return db.selectFrom("env_station").selectAll().where("code", "=", code).executeTakeFirst();
}

/** The map's rows: located, active air stations with their latest hourly VN_AQI (one index probe each). */
export async function aqiMapRows(db: Db) {
  const { rows } = await sql<{
    code: string;
    name_vi: string;
    name_en: string | null;
    zone_code: string | null;
    lon: number;
    lat: number;
    silent: boolean;
    aqi: number | null;
    hour: Date | null;
    dominant: string | null;
  }>`
    select s.code, s.name_vi, s.name_en, z.code as zone_code, s.lon, s.lat, ${SILENT} as silent, a.aqi, a.hour, a.dominant
    from env_station s
    left join zone z on z.id = s.zone_id
    left join lateral (
      select x.aqi, x.hour, x.dominant from env_aqi_hourly x where x.station_id = s.id order by x.hour desc limit 1
    ) a on true
    where s.kind = 'ambient_air' and s.status = 'active' and s.lon is not null and s.lat is not null
    order by s.code`.execute(db);
  return rows;
}

/** Whether any synthetic (demo) station exists. */
export async function hasSyntheticStation(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("env_station")
    .select("id")
    .where("is_synthetic", "=", true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The active synthetic stations' datastreams, with the station's permit, last reading and secret hash. */
export function syntheticStreams(db: Db) {
  return db
    .selectFrom("env_station as s")
    .innerJoin("env_datastream as d", "d.station_id", "s.id")
    .select([
      "s.code",
      "s.kind",
      "s.interval_seconds",
      "s.limit_table",
      "s.limit_column",
      "s.coefficients",
      "s.last_reading_at",
      "s.mqtt_secret_hash",
      "d.parameter",
      "d.unit",
    ])
    .where("s.is_synthetic", "=", true)
    .where("s.status", "=", "active")
    .orderBy("s.code")
    .orderBy("d.id")
    .execute();
}
