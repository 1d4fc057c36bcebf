/**
 * Privileges of the role the server runs as on PostgreSQL (DATABASE_APP_ROLE): everything it needs
 * on every table, but on audit_log only SELECT and INSERT, so the application cannot rewrite history
 * even if the append-only trigger were dropped. Migrations run as the owner, never as this role.
 */
import { sql } from "kysely";
import type { Db } from "./database.ts";

export async function grantAppRole(db: Db, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`grant usage on schema public to ${r}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${r}`.execute(db);
  await sql`revoke update, delete, truncate on audit_log from ${r}`.execute(db);
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${r}`.execute(db);
  await sql`grant select on kysely_migration, kysely_migration_lock to ${r}`.execute(db);
}
