import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ImportRunTable } from "./imports.table.ts";

export async function insertRun(db: Db, row: Insertable<ImportRunTable>) {
  await db.insertInto("import_run").values(row).execute();
}

export async function findRun(db: Db, id: string) {
  return db.selectFrom("import_run").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listRuns(db: Db, kind: string | undefined, limit: number, offset: number) {
  let q = db.selectFrom("import_run");
  if (kind) q = q.where("kind", "=", kind);
  const [items, total] = await Promise.all([
    q
      .select([
        "id",
        "kind",
        "file_name",
        "format",
        "status",
        "total_rows",
        "inserted",
        "updated",
        "created_at",
      ])
      .orderBy("created_at", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
