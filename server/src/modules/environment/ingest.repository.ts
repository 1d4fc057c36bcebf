/**
 * SQL of the ingestion path: set-based, one statement per step, arrays bound as parameters.
 * Hours and days are cut in Vietnam time (UTC+7) whatever the session's time zone.
 */
import { sql } from "kysely";
import type { CopyIn, Db } from "../../db/database.ts";
import type { Coefficients, StationKind } from "./monitoring.table.ts";

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

export interface Touched {
  datastream_id: number;
  hour: Date;
}

/**
 * An array parameter as PostgreSQL's array text: numbers need no quoting, and joining them is far
 * cheaper than the driver escaping 100.000 elements one by one.
 */
export const numberArray = (values: ReadonlyArray<number | null>): string =>
  `{${values.map((v) => (v === null ? "NULL" : v)).join(",")}}`;

const UNIQUE_VIOLATION = "23505";

export interface ReadingColumns {
  ds: number[];
  /** Epoch milliseconds (numbers bind and parse faster than timestamp text). */
  times: number[];
  values: number[];
  statuses: number[];
  /** The submission each reading came from. */
  jobs: number[];
}

export interface Stored {
  touched: Touched[];
  storedByJob: Map<number, number>;
}

/**
 * Stores new readings (a reading already stored is skipped) and adds them, and only them, to the
 * hourly sums; returns the hours touched and how many readings of each submission were new.
 *
 * New readings are the common case, so they are first loaded plainly under a savepoint: with COPY
 * where the database offers it (PostgreSQL), else one INSERT. A batch that repeats a reading (a
 * retransmission, a file sent twice) fails on the primary key, is rolled back to the savepoint and
 * is inserted again with "on conflict do nothing", which costs an index probe per row.
 */
export async function storeReadings(db: Db, input: ReadingColumns, copyIn?: CopyIn): Promise<Stored> {
  await sql`savepoint store_readings`.execute(db);
  try {
    const stored = copyIn ? await copyReadings(db, input, copyIn) : await insertReadings(db, input, false);
    await sql`release savepoint store_readings`.execute(db);
    return stored;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await sql`rollback to savepoint store_readings`.execute(db);
    return insertReadings(db, input, true);
  }
}

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
const HOUR_MS = 3600_000;

/** PostgreSQL's binary COPY format: (datastream_id int4, phenomenon_time timestamptz, result float8, status int2). */
export function binaryObservations(input: ReadingColumns): Buffer {
  const n = input.ds.length;
  const buf = Buffer.allocUnsafe(19 + n * 40 + 2);
  buf.write("PGCOPY\n\xff\r\n\0", 0, "latin1");
  buf.writeInt32BE(0, 11);
  buf.writeInt32BE(0, 15);
  let o = 19;
  for (let i = 0; i < n; i++) {
    const micros = ((input.times[i] as number) - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    buf.writeInt16BE(4, o);
    buf.writeInt32BE(4, o + 2);
    buf.writeInt32BE(input.ds[i] as number, o + 6);
    buf.writeInt32BE(8, o + 10);
    buf.writeInt32BE(high, o + 14);
    buf.writeUInt32BE(micros - high * TWO_32, o + 18);
    buf.writeInt32BE(8, o + 22);
    buf.writeDoubleBE(input.values[i] as number, o + 26);
    buf.writeInt32BE(2, o + 34);
    buf.writeInt16BE(input.statuses[i] as number, o + 38);
    o += 40;
  }
  buf.writeInt16BE(-1, o);
  return buf;
}

/** COPY, then the hourly sums of what was loaded (every reading is new, or COPY failed). */
async function copyReadings(db: Db, input: ReadingColumns, copyIn: CopyIn): Promise<Stored> {
  await copyIn(
    "copy env_observation (datastream_id, phenomenon_time, result, status) from stdin (format binary)",
    binaryObservations(input),
  );
  type Sum = {
    ds: number;
    hour: number;
    n: number;
    valid: number;
    sum: number;
    min: number | null;
    max: number | null;
  };
  // Keyed by datastream and hour number (below 2²⁰ until the year 2089).
  const sums = new Map<number, Sum>();
  const storedByJob = new Map<number, number>();
  for (let i = 0; i < input.ds.length; i++) {
    const ds = input.ds[i] as number;
    const hourNumber = Math.floor((input.times[i] as number) / HOUR_MS);
    const hour = hourNumber * HOUR_MS;
    const key = ds * 1_048_576 + hourNumber;
    let s = sums.get(key);
    if (!s) {
      s = { ds, hour, n: 0, valid: 0, sum: 0, min: null, max: null };
      sums.set(key, s);
    }
    s.n++;
    if (input.statuses[i] === 0) {
      const v = input.values[i] as number;
      s.valid++;
      s.sum += v;
      s.min = s.min === null || v < s.min ? v : s.min;
      s.max = s.max === null || v > s.max ? v : s.max;
    }
    const job = input.jobs[i] as number;
    storedByJob.set(job, (storedByJob.get(job) ?? 0) + 1);
  }
  const list = [...sums.values()];
  await sql`
    insert into env_hourly as h (datastream_id, hour, n_received, n_valid, sum_valid, min_valid, max_valid)
    select ds, to_timestamp(ms / 1000.0), n, valid, total, lo, hi
    from unnest(${numberArray(list.map((s) => s.ds))}::int4[], ${numberArray(list.map((s) => s.hour))}::float8[],
      ${numberArray(list.map((s) => s.n))}::int4[], ${numberArray(list.map((s) => s.valid))}::int4[],
      ${numberArray(list.map((s) => s.sum))}::float8[], ${numberArray(list.map((s) => s.min))}::float8[],
      ${numberArray(list.map((s) => s.max))}::float8[]) as u(ds, ms, n, valid, total, lo, hi)
    on conflict (datastream_id, hour) do update set
      n_received = h.n_received + excluded.n_received,
      n_valid = h.n_valid + excluded.n_valid,
      sum_valid = h.sum_valid + excluded.sum_valid,
      min_valid = least(h.min_valid, excluded.min_valid),
      max_valid = greatest(h.max_valid, excluded.max_valid)`.execute(db);
  return { touched: list.map((s) => ({ datastream_id: s.ds, hour: new Date(s.hour) })), storedByJob };
}

async function insertReadings(db: Db, i: ReadingColumns, repeats: boolean): Promise<Stored> {
  // A reading twice in one batch is skipped by "on conflict do nothing" like one already stored.
  // Which submission a new reading came from matters only when a flush holds several.
  const several = new Set(i.jobs).size > 1;
  const perJob = !several
    ? sql`select ${i.jobs[0] ?? 0}::int as j, count(*)::int as n from stored`
    : repeats
      ? sql`select i.j, count(*)::int as n from (select distinct on (ds, t) ds, t, j from input order by ds, t, j) i
        join stored s on i.ds = s.datastream_id and i.t = s.phenomenon_time group by i.j`
      : sql`select j, count(*)::int as n from input group by j`;
  type Out = { datastream_id: number | null; hour: Date | null; job: number | null; n: number | null };
  const { rows } = await sql<Out>`
    with input as (
      select ds, to_timestamp(ms / 1000.0) as t, v, s, j
      from unnest(${numberArray(i.ds)}::int4[], ${numberArray(i.times)}::float8[], ${numberArray(i.values)}::float8[],
        ${numberArray(i.statuses)}::int2[], ${numberArray(i.jobs)}::int4[]) as i(ds, ms, v, s, j)
    ),
    stored as (
      insert into env_observation (datastream_id, phenomenon_time, result, status)
      select ds, t, v, s from input
      ${repeats ? sql`on conflict do nothing` : sql``}
      returning datastream_id, phenomenon_time, result, status
    ),
    hourly as (
      insert into env_hourly as h (datastream_id, hour, n_received, n_valid, sum_valid, min_valid, max_valid)
      select datastream_id, date_trunc('hour', phenomenon_time at time zone 'UTC') at time zone 'UTC',
        count(*), count(*) filter (where status = 0), coalesce(sum(result) filter (where status = 0), 0),
        min(result) filter (where status = 0), max(result) filter (where status = 0)
      from stored group by 1, 2
      on conflict (datastream_id, hour) do update set
        n_received = h.n_received + excluded.n_received,
        n_valid = h.n_valid + excluded.n_valid,
        sum_valid = h.sum_valid + excluded.sum_valid,
        min_valid = least(h.min_valid, excluded.min_valid),
        max_valid = greatest(h.max_valid, excluded.max_valid)
      returning datastream_id, hour
    ),
    per_job as (${perJob})
    select datastream_id, hour, null::int as job, null::int as n from hourly
    union all
    select null, null, j, n from per_job`.execute(db);
  const touched: Touched[] = [];
  const storedByJob = new Map<number, number>();
  for (const r of rows) {
    if (r.datastream_id !== null && r.hour !== null)
      touched.push({ datastream_id: r.datastream_id, hour: new Date(r.hour) });
    else if (r.job !== null) storedByJob.set(r.job, r.n ?? 0);
  }
  return { touched, storedByJob };
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
export async function periodValues(db: Db, touched: readonly Touched[]): Promise<PeriodValue[]> {
  if (touched.length === 0) return [];
  const ds = touched.map((t) => t.datastream_id);
  const hours = touched.map((t) => t.hour.toISOString());
  const { rows } = await sql<PeriodValue>`
    with t as (select distinct ds, h from unnest(${ds}::int4[], ${hours}::timestamptz[]) as t(ds, h))
    select x.datastream_id, '1h' as averaging, x.hour + interval '1 hour' as period_end,
      x.sum_valid / x.n_valid as value, x.n_valid as n
    from t join env_hourly x on x.datastream_id = t.ds and x.hour = t.h
    where x.n_valid > 0
    union
    select m.datastream_id, m.averaging, m.period_end, m.value, m.hours
    from t join env_mean m on m.datastream_id = t.ds
      and m.period_end > t.h
      and m.period_end <= t.h + case m.averaging when '8h' then interval '8 hours' else interval '24 hours' end`.execute(
    db,
  );
  return rows.map((r) => ({ ...r, period_end: new Date(r.period_end) }));
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
