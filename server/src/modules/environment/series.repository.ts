/** SQL for reading a datastream back: raw readings, hourly, 8-hour and 24-hour means, daily completeness. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

export const MAX_POINTS = 20_000;

export async function seriesPoints(
  db: Db,
  datastreamId: number,
  resolution: "raw" | "1h" | "8h" | "24h",
  from: Date,
  to: Date,
): Promise<Array<[string, number, number]>> {
  if (resolution === "raw") {
    const rows = await db
      .selectFrom("env_observation")
      .select(["phenomenon_time as t", "result as v", "status as n"])
      .where("datastream_id", "=", datastreamId)
      .where("phenomenon_time", ">=", from)
      .where("phenomenon_time", "<", to)
      .orderBy("phenomenon_time")
      .limit(MAX_POINTS)
      .execute();
    return rows.map((r) => [new Date(r.t).toISOString(), r.v, r.n]);
  }
  if (resolution === "1h") {
    const rows = await db
      .selectFrom("env_hourly")
      .select(["hour as t", sql<number>`sum_valid / n_valid`.as("v"), "n_valid as n"])
      .where("datastream_id", "=", datastreamId)
      .where("n_valid", ">", 0)
      .where("hour", ">=", from)
      .where("hour", "<", to)
      .orderBy("hour")
      .limit(MAX_POINTS)
      .execute();
    return rows.map((r) => [new Date(r.t).toISOString(), r.v, r.n]);
  }
  // 8-hour and 24-hour means are stamped with the start of their window, like hourly means.
  const span = resolution === "8h" ? sql`interval '8 hours'` : sql`interval '24 hours'`;
  const rows = await db
    .selectFrom("env_mean")
    .select([sql<Date>`period_end - ${span}`.as("t"), "value as v", "hours as n"])
    .where("datastream_id", "=", datastreamId)
    .where("averaging", "=", resolution)
    .where(sql<boolean>`period_end - ${span} >= ${from}`)
    .where(sql<boolean>`period_end - ${span} < ${to}`)
    .orderBy("period_end")
    .limit(MAX_POINTS)
    .execute();
  return rows.map((r) => [new Date(r.t).toISOString(), r.v, r.n]);
}

/** Readings received and valid per Vietnam-time day and parameter, over the last `days` days. */
export async function dailyCounts(db: Db, stationId: number, days: number) {
  const { rows } = await sql<{ date: string; parameter: string; received: number; valid: number }>`
    select to_char((x.hour at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') as date, d.parameter,
      sum(x.n_received)::int as received, sum(x.n_valid)::int as valid
    from env_hourly x join env_datastream d on d.id = x.datastream_id
    where d.station_id = ${stationId}
      and x.hour >= (date_trunc('day', (now() at time zone 'UTC') + interval '7 hours')
        - make_interval(days => ${days - 1}) - interval '7 hours') at time zone 'UTC'
    group by 1, 2
    order by 1 desc, 2`.execute(db);
  return rows;
}

export async function rejectionsOf(db: Db, stationId: number, limit: number, offset: number) {
  return db
    .selectFrom("env_rejection")
    .select([
      "id",
      "received_at",
      "channel",
      "reason",
      "detail",
      "excerpt",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .where("station_id", "=", stationId)
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
