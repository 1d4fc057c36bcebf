import type { ColumnType } from "kysely";

export interface AuditLogTable {
  seq: ColumnType<string, number | string, never>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  actor_username: string;
  actor_role: string | null;
  actor_via: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
  /** Derived for accent-insensitive search; not covered by the hash. */
  search_text: string;
}
