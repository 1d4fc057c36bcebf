/** SQL for the SensorThings read API. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Comparison } from "./sensorthings.ts";

export async function stations(db: Db, code: string | null, top: number, skip: number, desc: boolean) {
  let q = db
    .selectFrom("env_station as s")
    .leftJoin("zone as z", "z.id", "s.zone_id")
    .leftJoin("enterprise as e", "e.id", "s.enterprise_id")
    .select([
      "s.code",
      "s.name_vi",
      "s.name_en",
      "s.kind",
      "s.lon",
      "s.lat",
      "z.code as zone_code",
      "e.tax_code",
      "e.name_vi as owner",
    ])
    .select(sql<number>`count(*) over ()`.as("total"));
  if (code !== null) q = q.where("s.code", "=", code);
  return q
    .orderBy("s.code", desc ? "desc" : "asc")
    .limit(top)
    .offset(skip)
    .execute();
}

export async function datastreams(
  db: Db,
  where: { id?: number; station?: string; parameter?: string },
  top: number,
  skip: number,
  desc: boolean,
) {
  let q = db
    .selectFrom("env_datastream as d")
    .innerJoin("env_station as s", "s.id", "d.station_id")
    .select(["d.id", "d.parameter", "d.unit", "s.code as station", "s.name_vi as station_name"])
    .select(sql<number>`count(*) over ()`.as("total"));
  if (where.id !== undefined) q = q.where("d.id", "=", where.id);
  if (where.station !== undefined) q = q.where("s.code", "=", where.station);
  if (where.parameter !== undefined) q = q.where("d.parameter", "=", where.parameter);
  return q
    .orderBy("d.id", desc ? "desc" : "asc")
    .limit(top)
    .offset(skip)
    .execute();
}

export async function parameters(db: Db, parameter: string | null) {
  let q = db.selectFrom("env_datastream").select(["parameter", "unit"]).distinctOn("parameter");
  if (parameter !== null) q = q.where("parameter", "=", parameter);
  return q.orderBy("parameter").execute();
}

const COLUMN: Record<string, string> = {
  phenomenonTime: "o.phenomenon_time",
  resultTime: "o.received_at",
  result: "o.result",
};

/** The $filter as one SQL condition (true when empty). */
function filterSql(filter: readonly Comparison[]) {
  const parts = filter.map((c) => {
    const column = sql.ref(COLUMN[c.property] as string);
    const value = c.property === "result" ? sql`${Number(c.value)}` : sql`${String(c.value)}::timestamptz`;
    const op = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" }[c.op];
    return sql`${column} ${sql.raw(op)} ${value}`;
  });
  return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;
}

export async function observations(
  db: Db,
  where: { datastream?: number; time?: Date },
  filter: readonly Comparison[],
  order: { property: string; direction: "asc" | "desc" },
  top: number,
  skip: number,
  count: boolean,
) {
  let q = db
    .selectFrom("env_observation as o")
    .select(["o.datastream_id", "o.phenomenon_time", "o.result", "o.status", "o.received_at"]);
  if (where.datastream !== undefined) q = q.where("o.datastream_id", "=", where.datastream);
  if (where.time !== undefined) q = q.where("o.phenomenon_time", "=", where.time);
  q = q.where(filterSql(filter));
  const rows = await q
    .orderBy(sql.ref(COLUMN[order.property] ?? "o.phenomenon_time"), order.direction)
    .orderBy("o.datastream_id")
    .limit(top)
    .offset(skip)
    .execute();
  let total: number | null = null;
  if (count) {
    let c = db.selectFrom("env_observation as o").select((eb) => eb.fn.countAll<string>().as("n"));
    if (where.datastream !== undefined) c = c.where("o.datastream_id", "=", where.datastream);
    c = c.where(filterSql(filter));
    total = Number((await c.executeTakeFirstOrThrow()).n);
  }
  return { rows, total };
}
