/** SQL for violation cases and their history. */
import { sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { CaseFilter, ExceedanceFilter } from "./cases.schemas.ts";
import type { EnvCaseTable } from "./monitoring.table.ts";

const ACTIVE = ["open", "under_review", "notice_issued"] as const;

/** The active case of each (stream, averaging) pair, locked for the transaction, keyed "ds|averaging". */
export async function activeCasesFor(
  db: Db,
  pairs: ReadonlyArray<{ datastream_id: number; averaging: string }>,
): Promise<Map<string, { id: number; last_period_end: Date }>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<{ id: number; datastream_id: number; averaging: string; last_period_end: Date }>`
    select c.id, c.datastream_id, c.averaging, c.last_period_end
    from env_case c
    join unnest(${pairs.map((p) => p.datastream_id)}::int4[], ${pairs.map((p) => p.averaging)}::text[]) as k(ds, a)
      on c.datastream_id = k.ds and c.averaging = k.a
    where c.status in ('open', 'under_review', 'notice_issued')
    order by c.datastream_id, c.averaging, c.last_period_end desc
    for update of c`.execute(db);
  // There is one active case per pair; should there be more, the newest takes the exceedances.
  const out = new Map<string, { id: number; last_period_end: Date }>();
  for (const r of rows) {
    const key = `${r.datastream_id}|${r.averaging}`;
    if (!out.has(key)) out.set(key, { id: r.id, last_period_end: new Date(r.last_period_end) });
  }
  return out;
}

/** VP-<year in Vietnam>-<id, at least 5 digits>. */
const CODE = sql`'VP-' || to_char((now() at time zone 'UTC') + interval '7 hours', 'YYYY') || '-' || lpad(n.id::text, greatest(5, length(n.id::text)), '0')`;

export interface NewCase {
  station_id: number;
  datastream_id: number;
  parameter: string;
  averaging: string;
  period_end: string;
  value: number;
  ratio: number | null;
  limit_value: number;
  limit_table: string;
  verified: boolean;
}

/** Opens a case numbered VP-<year>-<id>, against the station's owner and zone. */
export async function insertCase(db: Db, c: NewCase): Promise<{ id: number; code: string }> {
  const { rows } = await sql<{ id: number; code: string }>`
    with n as (select nextval(pg_get_serial_sequence('env_case', 'id'))::int as id)
    insert into env_case (id, code, station_id, datastream_id, parameter, averaging, enterprise_id, zone_id,
      first_period_end, last_period_end, peak_value, peak_ratio, limit_value, limit_table, limit_verified, search_text)
    select n.id, ${CODE}, s.id, ${c.datastream_id},
      ${c.parameter}, ${c.averaging}, s.enterprise_id, s.zone_id, ${c.period_end}::timestamptz,
      ${c.period_end}::timestamptz, ${c.value}, ${c.ratio}, ${c.limit_value}, ${c.limit_table}, ${c.verified},
      lower(${CODE} || ' ' || s.search_text || ' ' || ${c.parameter})
    from n, env_station s where s.id = ${c.station_id}
    returning id, code`.execute(db);
  return rows[0] as { id: number; code: string };
}

export interface CaseExtension {
  id: number;
  last_period_end: string;
  peak_value: number;
  peak_ratio: number;
  count: number;
}

/** Adds each case's new exceedances to its counters, in one statement. */
export async function extendCases(db: Db, rows: readonly CaseExtension[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update env_case c set
      last_period_end = greatest(c.last_period_end, r.last_period_end),
      exceedance_count = c.exceedance_count + r.count,
      peak_value = greatest(c.peak_value, r.peak_value),
      peak_ratio = greatest(c.peak_ratio, r.peak_ratio),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(id int4, last_period_end timestamptz, peak_value float8, peak_ratio float8, count int4)
    where c.id = r.id`.execute(db);
}

export interface CaseLink {
  case_id: number;
  datastream_id: number;
  averaging: string;
  period_end: string;
}

export async function linkExceedances(db: Db, rows: readonly CaseLink[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update env_exceedance x set case_id = r.case_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(case_id int4, datastream_id int4, averaging text, period_end timestamptz)
    where x.datastream_id = r.datastream_id and x.averaging = r.averaging and x.period_end = r.period_end`.execute(
    db,
  );
}

export interface CaseEvent {
  case_id: number;
  user_id: string | null;
  username: string | null;
  kind: "opened" | "extended" | "assigned" | "status" | "comment" | "answer";
  from_status?: string | null;
  to_status?: string | null;
  note?: string | null;
  data?: unknown;
}

export async function insertCaseEvents(db: Db, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("env_case_event")
    .values(
      events.map((e) => ({
        case_id: e.case_id,
        user_id: e.user_id,
        username: e.username,
        kind: e.kind,
        from_status: e.from_status ?? null,
        to_status: e.to_status ?? null,
        note: e.note ?? null,
        data: e.data === undefined ? null : JSON.stringify(e.data),
      })),
    )
    .execute();
}

export async function insertCaseEvent(db: Db, e: CaseEvent): Promise<void> {
  await insertCaseEvents(db, [e]);
}

function casesQuery(db: Db, f: CaseFilter & { code?: string }) {
  let q = db
    .selectFrom("env_case as c")
    .innerJoin("env_station as s", "s.id", "c.station_id")
    .leftJoin("zone as z", "z.id", "c.zone_id")
    .leftJoin("enterprise as e", "e.id", "c.enterprise_id")
    .leftJoin("app_user as u", "u.id", "c.inspector_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("c.search_text", "like", pattern);
  if (f.code) q = q.where("c.code", "=", f.code);
  if (f.status) q = q.where("c.status", "=", f.status);
  if (f.active) q = q.where("c.status", f.active === "true" ? "in" : "not in", ACTIVE);
  if (f.station) q = q.where("s.code", "=", f.station);
  if (f.zone) q = q.where("z.code", "=", f.zone);
  if (f.enterprise) q = q.where("e.tax_code", "=", f.enterprise);
  if (f.parameter) q = q.where("c.parameter", "=", f.parameter);
  if (f.inspector) q = q.where("u.username", "=", f.inspector);
  if (f.enterprises) {
    const codes = f.enterprises;
    q = q.where((eb) =>
      codes.length === 0
        ? eb.val(false)
        : eb.or(codes.flatMap((c) => [eb("e.tax_code", "=", c), eb("e.tax_code", "like", `${c}-%`)])),
    );
  }
  if (f.zones) q = f.zones.length ? q.where("z.code", "in", f.zones) : q.where(sql<boolean>`false`);
  return q;
}

export async function listCases(
  db: Db,
  f: CaseFilter & { code?: string },
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return casesQuery(db, f)
    .selectAll("c")
    .select([
      "s.code as station_code",
      "s.name_vi as station_name",
      "z.code as zone_code",
      "e.tax_code as enterprise_tax_code",
      "e.name_vi as enterprise_name",
      "u.username as inspector",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`c.${sort.field}`)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("c.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export async function countCases(db: Db, f: CaseFilter): Promise<number> {
  const row = await casesQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lockCase(db: Db, code: string) {
  return db.selectFrom("env_case").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export async function updateCase(db: Db, id: number, patch: Updateable<EnvCaseTable>): Promise<void> {
  await db
    .updateTable("env_case")
    .set({ ...patch, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function caseEvents(db: Db, caseId: number) {
  return db.selectFrom("env_case_event").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}

export async function caseExceedances(db: Db, caseId: number) {
  return db
    .selectFrom("env_exceedance")
    .select(["period_end", "value", "limit_value", "ratio"])
    .where("case_id", "=", caseId)
    .orderBy("period_end", "desc")
    .limit(500)
    .execute();
}

/** The zone and owner of a case's station, for access checks. */
export async function casePlace(db: Db, code: string) {
  return db
    .selectFrom("env_case as c")
    .leftJoin("zone as z", "z.id", "c.zone_id")
    .leftJoin("enterprise as e", "e.id", "c.enterprise_id")
    .select(["z.code as zone_code", "z.kind as zone_kind", "e.tax_code"])
    .where("c.code", "=", code)
    .executeTakeFirst();
}

export async function inspectorByUsername(db: Db, username: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "username", "role", "status"])
    .where("username", "=", username)
    .executeTakeFirst();
}

function exceedancesQuery(db: Db, f: ExceedanceFilter) {
  let q = db
    .selectFrom("env_exceedance as x")
    .innerJoin("env_datastream as d", "d.id", "x.datastream_id")
    .innerJoin("env_station as s", "s.id", "d.station_id")
    .leftJoin("zone as z", "z.id", "s.zone_id")
    .leftJoin("enterprise as e", "e.id", "s.enterprise_id")
    .leftJoin("env_case as c", "c.id", "x.case_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("s.search_text", "like", pattern);
  if (f.station) q = q.where("s.code", "=", f.station);
  if (f.parameter) q = q.where("d.parameter", "=", f.parameter);
  if (f.averaging) q = q.where("x.averaging", "=", f.averaging);
  if (f.zone) q = q.where("z.code", "=", f.zone);
  if (f.from) q = q.where("x.period_end", ">=", new Date(f.from));
  if (f.to) q = q.where("x.period_end", "<", new Date(f.to));
  return q;
}

export async function listExceedances(
  db: Db,
  f: ExceedanceFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return exceedancesQuery(db, f)
    .select([
      "s.code as station_code",
      "s.name_vi as station_name",
      "z.code as zone_code",
      "d.parameter",
      "d.unit",
      "x.averaging",
      "x.period_end",
      "x.value",
      "x.limit_value",
      "x.ratio",
      "x.limit_table",
      "x.verified",
      "c.code as case_code",
      "e.tax_code as owner_tax_code",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`x.${sort.field}`)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("s.code")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countExceedances(db: Db, f: ExceedanceFilter): Promise<number> {
  const row = await exceedancesQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
