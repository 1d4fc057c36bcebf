import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { ImportRunTable } from "./imports.table.ts";

export async function insertRun(db: Db, row: Insertable<ImportRunTable>) {
  await db.insertInto("import_run").values(row).execute();
}

export async function findRun(db: Db, id: string) {
  return db.selectFrom("import_run").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface RunFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: "applied" | "rejected" | "valid" | undefined;
  /** Only this user's runs (importers see their own history; administrators and leaders see all). */
  user_id?: string | undefined;
}

function filtered(db: Db, f: RunFilter) {
  let q = db.selectFrom("import_run");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("search_text", "like", pattern);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.user_id) q = q.where("user_id", "=", f.user_id);
  return q;
}

const RUN_COLUMNS = [
  "id",
  "kind",
  "file_name",
  "format",
  "status",
  "total_rows",
  "inserted",
  "updated",
  "username",
  "created_at",
] as const;

export async function listRuns(
  db: Db,
  f: RunFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return filtered(db, f)
    .select(RUN_COLUMNS)
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${sql.ref(sort.field)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("id")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countRuns(db: Db, f: RunFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}
