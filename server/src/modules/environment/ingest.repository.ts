/**
 * SQL of the ingestion path after the readings are stored (observations.repository.ts): stations,
 * means, period values, exceedances, the AQI and refusals. Set-based, one statement per step.
 * Hours and days are cut in Vietnam time (UTC+7) whatever the session's time zone.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Coefficients, StationKind } from "./monitoring.table.ts";
import { numberArray, type Touched } from "./observations.repository.ts";

export interface StationRecord {
  id: number;
  code: string;
  kind: StationKind;
  status: "active" | "inactive";
  taxCode: string | null;
  zoneCode: string | null;
  limitTable: string | null;
  limitColumn: string | null;
  coefficients: Coefficients;
  intervalSeconds: number;
  datastreams: Map<string, { id: number; unit: string }>;
}

export async function stationsByCode(db: Db, codes: readonly string[]): Promise<StationRecord[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("env_station as s")
    .leftJoin("enterprise as e", "e.id", "s.enterprise_id")
    .leftJoin("zone as z", "z.id", "s.zone_id")
    .leftJoin("env_datastream as d", "d.station_id", "s.id")
    .select([
      "s.id",
      "s.code",
      "s.kind",
      "s.status",
      "s.limit_table",
      "s.limit_column",
      "s.coefficients",
      "s.interval_seconds",
      "e.tax_code",
      "z.code as zone_code",
      "d.id as ds_id",
      "d.parameter",
      "d.unit",
    ])
    .where("s.code", "in", codes)
    .execute();
  const byId = new Map<number, StationRecord>();
  for (const r of rows) {
    let s = byId.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        code: r.code,
        kind: r.kind,
        status: r.status,
        taxCode: r.tax_code,
        zoneCode: r.zone_code,
        limitTable: r.limit_table,
        limitColumn: r.limit_column,
        coefficients: r.coefficients,
        intervalSeconds: r.interval_seconds,
        datastreams: new Map(),
      };
      byId.set(r.id, s);
    }
    if (r.ds_id !== null && r.parameter !== null && r.unit !== null) {
      s.datastreams.set(r.parameter, { id: r.ds_id, unit: r.unit });
    }
  }
  return [...byId.values()];
}

/**
 * Moves each station's last reading time forward (never back); returns the new time and the one
 * before, so that the periods which closed in between can be judged.
 */
export async function markStationsSeen(
  db: Db,
  ids: readonly number[],
  latest: readonly string[],
): Promise<Map<number, { now: Date; before: Date | null }>> {
  const { rows } = await sql<{ id: number; last_reading_at: Date; before: Date | null }>`
    with old as (
      select s.id, s.last_reading_at from env_station s where s.id = any(${ids}::int4[]) for update
    )
    update env_station s set
      last_reading_at = greatest(s.last_reading_at, u.t),
      last_received_at = now()
    from unnest(${ids}::int4[], ${latest}::timestamptz[]) as u(id, t), old
    where s.id = u.id and old.id = s.id
    returning s.id, s.last_reading_at, old.last_reading_at as before`.execute(db);
  return new Map(
    rows.map((r) => [
      r.id,
      { now: new Date(r.last_reading_at), before: r.before === null ? null : new Date(r.before) },
    ]),
  );
}

const VN_DAY = sql`(date_trunc('day', (t.h at time zone 'UTC') + interval '7 hours') - interval '7 hours') at time zone 'UTC'`;

/**
 * Recomputes the 8-hour rolling means (at least 6 valid hours) of the windows that contain a touched
 * hour, and the 24-hour means (at least 18 valid hours) of the Vietnam-time days that contain one.
 */
export async function refreshMeans(
  db: Db,
  touched: readonly Touched[],
  eightHour: ReadonlySet<number>,
  day: ReadonlySet<number>,
): Promise<void> {
  const t8 = touched.filter((t) => eightHour.has(t.datastream_id));
  const t24 = touched.filter((t) => day.has(t.datastream_id));
  if (t8.length === 0 && t24.length === 0) return;
  const arrays = (list: readonly Touched[]) => [
    list.map((t) => t.datastream_id),
    list.map((t) => t.hour.toISOString()),
  ];
  const [ds8, h8] = arrays(t8);
  const [ds24, h24] = arrays(t24);
  await sql`
    with ends8 as (
      select distinct t.ds, t.h + make_interval(hours => k) as e
      from unnest(${ds8}::int4[], ${h8}::timestamptz[]) as t(ds, h), generate_series(1, 8) as k
    ),
    calc8 as (
      select e.ds, e.e, avg(x.sum_valid / x.n_valid) as v, count(*)::int as hours
      from ends8 e join env_hourly x
        on x.datastream_id = e.ds and x.hour >= e.e - interval '8 hours' and x.hour < e.e and x.n_valid > 0
      group by e.ds, e.e having count(*) >= 6
    ),
    days as (
      select distinct t.ds, ${VN_DAY} as d from unnest(${ds24}::int4[], ${h24}::timestamptz[]) as t(ds, h)
    ),
    calc24 as (
      select d.ds, d.d + interval '24 hours' as e, avg(x.sum_valid / x.n_valid) as v, count(*)::int as hours
      from days d join env_hourly x
        on x.datastream_id = d.ds and x.hour >= d.d and x.hour < d.d + interval '24 hours' and x.n_valid > 0
      group by d.ds, d.d having count(*) >= 18
    )
    insert into env_mean (datastream_id, averaging, period_end, value, hours)
    select ds, '8h', e, v, hours from calc8
    union all
    select ds, '24h', e, v, hours from calc24
    on conflict (datastream_id, averaging, period_end) do update set value = excluded.value, hours = excluded.hours
  `.execute(db);
}

export interface PeriodValue {
  datastream_id: number;
  averaging: "1h" | "8h" | "24h";
  period_end: Date;
  value: number;
  /** Valid readings (1h) or valid hours (8h, 24h) behind the value. */
  n: number;
}

/** The hourly, 8-hour and 24-hour values of the periods that contain a touched hour. */
export async function periodValues(
  db: Db,
  touched: readonly Touched[],
  withMeans: ReadonlySet<number>,
): Promise<PeriodValue[]> {
  const out: PeriodValue[] = [];
  // The hours just written come back from the write with their totals; only the others are read.
  const unread: Touched[] = [];
  for (const t of touched) {
    if (!t.valid) unread.push(t);
    else if (t.valid.n > 0)
      out.push({
        datastream_id: t.datastream_id,
        averaging: "1h",
        period_end: new Date(t.hour.getTime() + 3600_000),
        value: t.valid.sum / t.valid.n,
        n: t.valid.n,
      });
  }
  const meaned = touched.filter((t) => withMeans.has(t.datastream_id));
  if (unread.length === 0 && meaned.length === 0) return out;
  const keys = (list: readonly Touched[]) =>
    sql`select distinct ds, h from unnest(${numberArray(list.map((t) => t.datastream_id))}::int4[],
      ${list.map((t) => t.hour.toISOString())}::timestamptz[]) as k(ds, h)`;
  const { rows } = await sql<PeriodValue>`
    with hour_keys as (${keys(unread)}), mean_keys as (${keys(meaned)})
    select x.datastream_id, '1h' as averaging, x.hour + interval '1 hour' as period_end,
      x.sum_valid / x.n_valid as value, x.n_valid as n
    from hour_keys k join env_hourly x on x.datastream_id = k.ds and x.hour = k.h
    where x.n_valid > 0
    union all
    select distinct m.datastream_id, m.averaging, m.period_end, m.value, m.hours
    from mean_keys k join env_mean m on m.datastream_id = k.ds
      and m.period_end > k.h
      and m.period_end <= k.h + case m.averaging when '8h' then interval '8 hours' else interval '24 hours' end`.execute(
    db,
  );
  for (const r of rows) out.push({ ...r, period_end: new Date(r.period_end) });
  return out;
}

export interface ExceedanceRow {
  datastream_id: number;
  averaging: string;
  period_end: string;
  value: number;
  limit_value: number;
  ratio: number | null;
  limit_table: string;
  verified: boolean;
}

/** Writes exceedances; returns those that are new (not a re-judged period already on record). */
export async function upsertExceedances(db: Db, rows: readonly ExceedanceRow[]): Promise<ExceedanceRow[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await sql<ExceedanceRow & { inserted: boolean }>`
    insert into env_exceedance as x (datastream_id, averaging, period_end, value, limit_value, ratio, limit_table, verified)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      datastream_id int4, averaging text, period_end timestamptz, value float8, limit_value float8,
      ratio float8, limit_table text, verified boolean)
    on conflict (datastream_id, averaging, period_end) do update set
      value = excluded.value, limit_value = excluded.limit_value, ratio = excluded.ratio,
      limit_table = excluded.limit_table, verified = excluded.verified
    returning x.datastream_id, x.averaging, x.period_end, x.value, x.limit_value, x.ratio, x.limit_table, x.verified,
      (x.xmax = 0) as inserted`.execute(db);
  return inserted
    .filter((r) => r.inserted)
    .map(({ inserted: _i, ...r }) => ({ ...r, period_end: new Date(r.period_end).toISOString() }));
}

/**
 * Periods re-judged within their limit (late readings lowered the mean) are exceedances no more.
 * Exceedances are rare: the few on record in the keys' streams and time span are read first (one
 * index range per stream), and only those among the keys are deleted, instead of probing every key.
 */
export async function clearExceedances(
  db: Db,
  keys: ReadonlyArray<{ datastream_id: number; averaging: string; period_end: string }>,
): Promise<void> {
  if (keys.length === 0) return;
  const streams = [...new Set(keys.map((k) => k.datastream_id))];
  let from = keys[0]?.period_end as string;
  let to = from;
  for (const k of keys) {
    if (k.period_end < from) from = k.period_end;
    if (k.period_end > to) to = k.period_end;
  }
  const { rows } = await sql<{ datastream_id: number; averaging: string; period_end: Date }>`
    select datastream_id, averaging, period_end from env_exceedance
    where datastream_id = any(${numberArray(streams)}::int4[]) and period_end between ${from} and ${to}`.execute(
    db,
  );
  if (rows.length === 0) return;
  const key = (ds: number, averaging: string, end: number) => `${ds}|${averaging}|${end}`;
  const onRecord = new Set(
    rows.map((r) => key(r.datastream_id, r.averaging, new Date(r.period_end).getTime())),
  );
  const gone = keys.filter((k) => onRecord.has(key(k.datastream_id, k.averaging, Date.parse(k.period_end))));
  if (gone.length === 0) return;
  await sql`
    delete from env_exceedance x
    using unnest(${gone.map((k) => k.datastream_id)}::int4[], ${gone.map((k) => k.averaging)}::text[],
      ${gone.map((k) => k.period_end)}::timestamptz[]) as k(ds, a, e)
    where x.datastream_id = k.ds and x.averaging = k.a and x.period_end = k.e`.execute(db);
}

export interface HourlyMean {
  station_id: number;
  parameter: string;
  hour: Date;
  value: number;
}

/** Hourly means of a station set's ambient streams over a time range (for the AQI). */
export async function hourlyMeans(
  db: Db,
  stationIds: readonly number[],
  from: Date,
  to: Date,
): Promise<HourlyMean[]> {
  const rows = await db
    .selectFrom("env_hourly as x")
    .innerJoin("env_datastream as d", "d.id", "x.datastream_id")
    .select(["d.station_id", "d.parameter", "x.hour"])
    .select(sql<number>`x.sum_valid / x.n_valid`.as("value"))
    .where("d.station_id", "in", stationIds)
    .where("d.parameter", "in", ["PM2.5", "PM10", "O3", "CO", "SO2", "NO2"])
    .where("x.hour", ">=", from)
    .where("x.hour", "<=", to)
    .where("x.n_valid", ">", 0)
    .execute();
  return rows.map((r) => ({ ...r, hour: new Date(r.hour) }));
}

export interface AqiRow {
  station_id: number;
  hour: string;
  aqi: number;
  dominant: string;
  sub_indices: Record<string, number>;
}

export async function upsertAqi(db: Db, rows: readonly AqiRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into env_aqi_hourly (station_id, hour, aqi, dominant, sub_indices)
    select station_id, hour, aqi, dominant, sub_indices
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(station_id int4, hour timestamptz, aqi int4, dominant text, sub_indices jsonb)
    on conflict (station_id, hour) do update set
      aqi = excluded.aqi, dominant = excluded.dominant, sub_indices = excluded.sub_indices`.execute(db);
}

export interface RejectionRow {
  station_code: string | null;
  channel: "mqtt" | "http" | "file";
  reason: string;
  detail: string;
  excerpt: string | null;
}

export async function insertRejections(db: Db, rows: readonly RejectionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into env_rejection (station_id, station_code, channel, reason, detail, excerpt)
    select s.id, r.station_code, r.channel, r.reason, r.detail, r.excerpt
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(station_code text, channel text, reason text, detail text, excerpt text)
    left join env_station s on s.code = r.station_code`.execute(db);
}
