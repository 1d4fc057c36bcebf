/** Database upkeep that bulk writers ask for. */
import { sql } from "kysely";
import type { Db } from "./database.ts";
import type { Database } from "./schema.ts";

/**
 * Refreshes planner statistics after a bulk load. PGlite runs single-user without autovacuum, so
 * without this its plans would rest on default estimates forever.
 */
export async function analyzeTables(db: Db, tables: ReadonlyArray<keyof Database>): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
