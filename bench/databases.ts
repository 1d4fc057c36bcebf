/** Throwaway databases for the benchmark: PGlite in a temp directory, or a new database on a PostgreSQL server. */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { loadReference } from "../server/src/bootstrap.ts";
import { type DatabaseHandle, type DatabaseKind, openDatabase } from "../server/src/db/database.ts";
import { migrateToLatest } from "../server/src/db/migrate.ts";

/** The server the issue names; DATABASE_URL overrides it, as for `npm run test:pg`. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  kind: DatabaseKind;
  handle: DatabaseHandle;
  /** PostgreSQL only: the database's connection string (for raw drivers such as COPY). */
  url?: string;
  dispose(): Promise<void>;
}

/** A migrated database with reference data loaded, as the server would have it after first start. */
export async function freshDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  const bench = kind === "pglite" ? await freshPglite() : await freshPostgres();
  try {
    await migrateToLatest(bench.handle.db);
    await loadReference(bench.handle.db);
  } catch (error) {
    await bench.dispose();
    throw error;
  }
  return bench;
}

async function freshPglite(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), "hp-bench-"));
  const handle = await openDatabase({ dataDir: dir });
  return {
    kind: "pglite",
    handle,
    dispose: async () => {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function freshPostgres(): Promise<BenchDatabase> {
  const name = `hp_bench_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  // The server's own default pool size, so the numbers are what a deployment would see.
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  return {
    kind: "postgres",
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      await dropDatabase(name);
    },
  };
}

const OBJECT_IN_USE = "55006";

/**
 * pg's Pool.end() resolves before its sockets have closed. Dropping "with (force)" at once would kill
 * those sockets and surface as an unhandled pool error, so wait for them to go, forcing only at the end.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await withAdmin((c) => c.query(`drop database if exists ${name}`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}

export interface PostgresInfo {
  version: string;
  /** Settings that move these numbers, e.g. "autovacuum=off". */
  settings: string[];
}

const SETTINGS = [
  "shared_buffers",
  "work_mem",
  "random_page_cost",
  "autovacuum",
  "jit",
  "synchronous_commit",
];

/** The server's version and relevant settings, or null when it cannot be reached. */
export async function postgresInfo(): Promise<PostgresInfo | null> {
  try {
    return await withAdmin(async (c) => {
      const version = (await c.query<{ version: string }>("select version()")).rows[0]?.version ?? "unknown";
      const settings: string[] = [];
      for (const name of SETTINGS) {
        const row = (await c.query<{ value: string }>("select current_setting($1) as value", [name])).rows[0];
        settings.push(`${name}=${row?.value}`);
      }
      return { version, settings };
    });
  } catch {
    return null;
  }
}
