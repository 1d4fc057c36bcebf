import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";
import { migrateToLatest, pendingMigrations } from "./migrate.ts";

// PGlite is in-process, so these run in the PostgreSQL pass too.
describe("embedded PGlite", () => {
  it("keeps data across restarts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hp-pglite-"));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrateToLatest(first.db);
      await sql`insert into data_source (code, kind, title) values ('x', 'official', 'Kept')`.execute(
        first.db,
      );
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await pendingMigrations(second.db)).toEqual([]);
      const { rows } = await sql<{ title: string }>`select title from data_source where code = 'x'`.execute(
        second.db,
      );
      expect(rows).toEqual([{ title: "Kept" }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("never interleaves a transaction with other statements on its one connection", async () => {
    const handle = await openDatabase({ dataDir: "memory://" });
    await sql`create table counter (n int)`.execute(handle.db);
    await sql`insert into counter values (0)`.execute(handle.db);
    const transactions = Array.from({ length: 20 }, () =>
      handle.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ n: number }>`select n from counter`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await sql`update counter set n = ${(rows[0]?.n ?? 0) + 1}`.execute(trx);
      }),
    );
    const reads = Array.from({ length: 20 }, () => sql`select n from counter`.execute(handle.db));
    const failing = handle.db.transaction().execute(async (trx) => {
      await sql`update counter set n = -1000`.execute(trx);
      throw new Error("rolled back");
    });
    await Promise.all([...transactions, ...reads, failing.catch(() => undefined)]);
    const { rows } = await sql<{ n: number }>`select n from counter`.execute(handle.db);
    expect(rows[0]?.n).toBe(20);
    await handle.close();
  });
});
