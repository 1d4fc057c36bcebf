/** SQL for the audit log: append under a lock, read in pages and in chunks for verification. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";

/** One writer at a time extends the chain; held until the transaction ends. */
const CHAIN_LOCK = 7_420_112_201;

export async function lockChain(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`.execute(trx);
}

export async function chainHead(db: Db): Promise<{ seq: string; hash: string } | undefined> {
  return db
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Columns of an appended entry with their SQL types, for jsonb_to_recordset. */
const ENTRY_COLUMNS = {
  seq: "bigint",
  at: "timestamptz",
  actor_id: "uuid",
  actor_username: "text",
  actor_role: "text",
  actor_via: "text",
  action: "text",
  entity_type: "text",
  entity_id: "text",
  changes: "jsonb",
  request_id: "text",
  client_ip: "text",
  prev_hash: "text",
  hash: "text",
  search_text: "text",
} as const;

export type EntryRow = { [K in keyof typeof ENTRY_COLUMNS]: K extends "changes" ? unknown : string | null };

/**
 * Appends entries as one JSON parameter expanded by jsonb_to_recordset: an import's thousands of
 * entries bind as one value instead of tens of thousands of scalar parameters.
 */
export async function insertEntries(trx: Db, rows: readonly EntryRow[]): Promise<void> {
  const columns = sql.raw(Object.keys(ENTRY_COLUMNS).join(", "));
  const record = sql.raw(
    Object.entries(ENTRY_COLUMNS)
      .map(([c, t]) => `${c} ${t}`)
      .join(", "),
  );
  await sql`
    insert into audit_log (${columns})
    select ${columns} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${record})`.execute(trx);
}

export interface AuditFilter {
  q?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  entity_type?: string | undefined;
  entity_id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom("audit_log");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("search_text", "like", pattern);
  if (f.actor) q = q.where("actor_username", "=", f.actor.toLowerCase());
  if (f.action) q = q.where("action", "=", f.action);
  if (f.entity_type) q = q.where("entity_type", "=", f.entity_type);
  if (f.entity_id) q = q.where("entity_id", "=", f.entity_id);
  // Dates are whole days in Vietnam's time zone (UTC+7, no daylight saving).
  if (f.from) q = q.where("at", ">=", new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where("at", "<", new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000));
  return q;
}

const COLUMNS = [
  "seq",
  "at",
  "actor_id",
  "actor_username",
  "actor_role",
  "actor_via",
  "action",
  "entity_type",
  "entity_id",
  "changes",
  "request_id",
  "client_ip",
  "prev_hash",
  "hash",
] as const;

export async function listEntries(
  db: Db,
  f: AuditFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return filtered(db, f)
    .select(COLUMNS)
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${sql.ref(sort.field)} ${sql.raw(sort.direction)}`)
    .orderBy("seq", sort.direction)
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countEntries(db: Db, f: AuditFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries after `afterSeq` in chain order, for verification. */
export async function chainChunk(db: Db, afterSeq: string, limit: number) {
  return db
    .selectFrom("audit_log")
    .select(COLUMNS)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
}

export async function countAll(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
