/** SQL for violation cases and their history. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

const ACTIVE = ["open", "under_review", "notice_issued"] as const;

/** The stream's newest unresolved case for an averaging period, locked for the transaction. */
export async function activeCaseFor(db: Db, datastreamId: number, averaging: string) {
  return db
    .selectFrom("env_case")
    .selectAll()
    .where("datastream_id", "=", datastreamId)
    .where("averaging", "=", averaging)
    .where("status", "in", ACTIVE)
    .orderBy("last_period_end", "desc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

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
    select n.id, 'VP-' || to_char(now(), 'YYYY') || '-' || lpad(n.id::text, 5, '0'), s.id, ${c.datastream_id},
      ${c.parameter}, ${c.averaging}, s.enterprise_id, s.zone_id, ${c.period_end}::timestamptz,
      ${c.period_end}::timestamptz, ${c.value}, ${c.ratio}, ${c.limit_value}, ${c.limit_table}, ${c.verified},
      lower('vp-' || to_char(now(), 'YYYY') || '-' || lpad(n.id::text, 5, '0') || ' ' || s.search_text || ' ' || ${c.parameter})
    from n, env_station s where s.id = ${c.station_id}
    returning id, code`.execute(db);
  return rows[0] as { id: number; code: string };
}

export async function extendCase(
  db: Db,
  id: number,
  e: { period_end: string; value: number; ratio: number | null },
): Promise<void> {
  await sql`
    update env_case set
      last_period_end = greatest(last_period_end, ${e.period_end}::timestamptz),
      exceedance_count = exceedance_count + 1,
      peak_value = greatest(peak_value, ${e.value}),
      peak_ratio = greatest(peak_ratio, ${e.ratio}),
      updated_at = now()
    where id = ${id}`.execute(db);
}

export async function linkExceedances(
  db: Db,
  caseId: number,
  datastreamId: number,
  averaging: string,
  ends: readonly string[],
): Promise<void> {
  await db
    .updateTable("env_exceedance")
    .set({ case_id: caseId })
    .where("datastream_id", "=", datastreamId)
    .where("averaging", "=", averaging)
    .where(
      "period_end",
      "in",
      ends.map((e) => new Date(e)),
    )
    .execute();
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

export async function insertCaseEvent(db: Db, e: CaseEvent): Promise<void> {
  await db
    .insertInto("env_case_event")
    .values({
      case_id: e.case_id,
      user_id: e.user_id,
      username: e.username,
      kind: e.kind,
      from_status: e.from_status ?? null,
      to_status: e.to_status ?? null,
      note: e.note ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}
