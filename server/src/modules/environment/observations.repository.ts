/**
 * SQL that stores readings: binary COPY (PostgreSQL) or INSERT from arrays (PGlite) into
 * env_observation, and the hourly sums of what was new. Hours are cut in UTC, which is Vietnam time
 * shifted by a whole 7 hours.
 */
import { sql } from "kysely";
import type { CopyIn, Db } from "../../db/database.ts";

export interface Touched {
  datastream_id: number;
  hour: Date;
  /** The hour's valid readings and their sum after this write, when the write returned them. */
  valid?: { n: number; sum: number };
}

type HourTotals = { datastream_id: number; ms: number; n_valid: number; sum_valid: number };
const touchedHour = (r: HourTotals): Touched => ({
  datastream_id: r.datastream_id,
  hour: new Date(r.ms),
  valid: { n: r.n_valid, sum: r.sum_valid },
});

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
  const { rows } = await sql<HourTotals>`
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
      max_valid = greatest(h.max_valid, excluded.max_valid)
    returning h.datastream_id, extract(epoch from h.hour)::float8 * 1000 as ms, h.n_valid, h.sum_valid`.execute(
    db,
  );
  return { touched: rows.map(touchedHour), storedByJob };
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
  type Out = { [K in keyof HourTotals]: HourTotals[K] | null } & { job: number | null; n: number | null };
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
      returning h.datastream_id, extract(epoch from h.hour)::float8 * 1000 as ms, h.n_valid, h.sum_valid
    ),
    per_job as (${perJob})
    select datastream_id, ms, n_valid, sum_valid, null::int as job, null::int as n from hourly
    union all
    select null, null, null, null, j, n from per_job`.execute(db);
  const touched: Touched[] = [];
  const storedByJob = new Map<number, number>();
  for (const r of rows) {
    if (r.datastream_id !== null) touched.push(touchedHour(r as HourTotals));
    else if (r.job !== null) storedByJob.set(r.job, r.n ?? 0);
  }
  return { touched, storedByJob };
}
