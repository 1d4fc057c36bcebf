/**
 * The audit log: every change appends an entry in the same transaction as the change, chained by
 * hash to the entry before it. Verification recomputes the chain and names the first broken link.
 */
import { createHash } from "node:crypto";
import { userInfo } from "node:os";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { searchText } from "../../platform/text.ts";
import * as repo from "./audit.repository.ts";
import type { AuditEntry, AuditFilter, BreakReason, ChainCheck } from "./audit.schemas.ts";
import { type ChainedFields, diffRecords, entryHash, GENESIS_HASH, plain } from "./audit-hash.ts";

export { diffRecords };

/** Who acts: a signed-in user (by session or API token), or an operator's command or the system. */
export interface Actor {
  userId: string | null;
  username: string;
  role: string | null;
  via: "session" | "token" | "cli" | "system";
  requestId?: string | null;
  clientIp?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: "system", role: null, via: "system" };

/** An operator at the server's console, named by their operating-system account. */
export function operatorActor(): Actor {
  let account = "unknown";
  try {
    account = userInfo().username;
  } catch {
    // Containers may run under a user id without a name.
  }
  return { userId: null, username: `cli:${account}`, role: null, via: "cli" };
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: Record<string, unknown>;
}

/**
 * Appends entries at the end of the chain. Must run inside the transaction that makes the change,
 * so the change and its trace commit or vanish together; the chain lock is held until then.
 */
export async function recordAudit(
  trx: Db,
  actor: Actor,
  records: AuditRecord | AuditRecord[],
): Promise<void> {
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return;
  await repo.lockChain(trx);
  const head = await repo.chainHead(trx);
  let seq = BigInt(head?.seq ?? 0);
  let prev = head?.hash ?? GENESIS_HASH;
  const at = new Date();
  const who = searchText(actor.username);
  const rows = list.map((record): repo.EntryRow => {
    seq += 1n;
    const fields: ChainedFields = {
      seq: seq.toString(),
      at: at.toISOString(),
      actor_id: actor.userId,
      actor_username: actor.username,
      actor_role: actor.role,
      actor_via: actor.via,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      changes: plain(record.changes ?? {}),
      request_id: actor.requestId ?? null,
      client_ip: actor.clientIp ?? null,
    };
    const hash = entryHash(prev, fields);
    const row: repo.EntryRow = {
      ...fields,
      prev_hash: prev,
      hash,
      search_text: `${who} ${searchText(record.action, record.entityType, record.entityId)}`,
    };
    prev = hash;
    return row;
  });
  // Imports append one entry per record: in chunks, so no single JSON parameter grows unbounded.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await repo.insertEntries(trx, rows.slice(i, i + INSERT_CHUNK));
}

const INSERT_CHUNK = 5_000;

/** Large values (geometries) are recorded by a short fingerprint: the log shows that they changed. */
export function fingerprint(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return `sha256:${createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16)}`;
}

/** The audit record of a create (before null) or an update, with only the changed fields. */
export function changeRecord(
  entityType: string,
  entityId: string,
  before: object | null,
  after: object,
  omit: readonly string[] = [],
): AuditRecord {
  return {
    action: before ? "update" : "create",
    entityType,
    entityId,
    changes: diffRecords(before as Record<string, unknown> | null, after as Record<string, unknown>, omit),
  };
}

type Row = Awaited<ReturnType<typeof repo.chainChunk>>[number];

function chained(row: Row): ChainedFields {
  return {
    seq: String(row.seq),
    at: new Date(row.at).toISOString(),
    actor_id: row.actor_id,
    actor_username: row.actor_username,
    actor_role: row.actor_role,
    actor_via: row.actor_via,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    changes: row.changes,
    request_id: row.request_id,
    client_ip: row.client_ip,
  };
}

const VERIFY_CHUNK = 5_000;

/** Walks the whole chain in order; stops at the first entry whose link or hash does not hold. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainCheck> {
  const total = await repo.countAll(db);
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  let after = "0";
  for (;;) {
    const rows = await repo.chainChunk(db, after, VERIFY_CHUNK);
    for (const row of rows) {
      const seq = String(row.seq);
      const broken = (reason: BreakReason): ChainCheck => ({
        ok: false,
        checked,
        total,
        head: null,
        first_broken: { seq, reason, at: new Date(row.at).toISOString() },
      });
      if (BigInt(seq) !== expectedSeq) return broken("missing_entry");
      if (row.prev_hash !== prev) return broken("link_mismatch");
      if (entryHash(prev, chained(row)) !== row.hash) return broken("hash_mismatch");
      prev = row.hash;
      expectedSeq += 1n;
      checked += 1;
      after = seq;
    }
    onProgress?.(checked, total);
    if (rows.length < VERIFY_CHUNK) break;
  }
  return {
    ok: true,
    checked,
    total,
    head: checked ? { seq: after, hash: prev } : null,
    first_broken: null,
  };
}

function present(row: Row): AuditEntry {
  return { ...chained(row), seq: Number(row.seq), changes: row.changes, hash: row.hash };
}

export async function listAudit(
  db: Db,
  filter: AuditFilter,
  sort: string,
  paging: Paging,
): Promise<Page<AuditEntry>> {
  const rows = await repo.listEntries(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(
    rows.map((r) => ({ ...r, total: Number(r.total) })),
    paging,
    () => repo.countEntries(db, filter),
    present,
  );
}

export async function allAudit(db: Db, filter: AuditFilter, sort: string): Promise<AuditEntry[]> {
  return (await exportRows((limit) => repo.listEntries(db, filter, parseSort(sort), limit, 0))).map(present);
}
