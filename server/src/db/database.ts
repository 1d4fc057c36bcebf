/** One Kysely over either embedded PGlite (stored on disk) or PostgreSQL (DATABASE_URL). */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { lockDataDir } from "./data-dir-lock.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL only: transactions that can also COPY on their own connection. */
  copyTransaction?: CopyTransaction;
  close(): Promise<void>;
}

/** Sends `data` to a `copy … from stdin` statement on the transaction's connection. */
export type CopyIn = (statement: string, data: Uint8Array) => Promise<void>;

/**
 * A transaction whose callback may, besides Kysely queries, COPY data on the same connection, so
 * that a bulk load and the statements around it commit or roll back together.
 */
export type CopyTransaction = <T>(run: (trx: Db, copyIn: CopyIn | undefined) => Promise<T>) => Promise<T>;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Counts and money arrive as numbers; calendar dates stay "YYYY-MM-DD" strings so no time zone shifts them.
const parseNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; "memory://" keeps it in memory (tests). */
  dataDir: string;
  maxConnections?: number;
  /** Errors of idle pooled connections (server restart, dropped database); logged, never fatal. */
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const onError =
      options.onPoolError ??
      ((error: Error) => console.error(`PostgreSQL connection error: ${error.message}`));
    return openPostgres(options.databaseUrl, options.maxConnections ?? 10, onError);
  }
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let location = dataDir;
  let unlock = async () => {};
  if (!dataDir.startsWith("memory://")) {
    location = path.join(dataDir, "pglite");
    await mkdir(location, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  try {
    const client = await PGlite.create(location, {
      extensions: { pg_trgm },
      parsers: { [INT8]: parseNumber, [NUMERIC]: parseNumber, [DATE]: keepText },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: "pglite",
      close: async () => {
        await db.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function openPostgres(
  connectionString: string,
  max: number,
  onError: (error: Error) => void,
): Promise<DatabaseHandle> {
  const parsers: Record<number, (value: string) => unknown> = {
    [INT8]: parseNumber,
    [NUMERIC]: parseNumber,
    [DATE]: keepText,
  };
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener, an error on an idle client (e.g. the server restarting) would crash the process.
  pool.on("error", onError);
  // Planner costs for SSD storage: with the default random_page_cost of 4 the planner never picks
  // the trigram indexes for selective searches (bench/: 6.8 ms → 0.5 ms for a rare name).
  pool.on("connect", (client) => {
    client.query("set random_page_cost = 1.1").catch(onError);
  });
  // Kysely hides its connections; a transaction started inside `copying.run` learns its client here.
  const copying = new AsyncLocalStorage<{ client?: pg.PoolClient }>();
  const dialect = new PostgresDialect({
    pool: {
      connect: async () => {
        const client = await pool.connect();
        const holder = copying.getStore();
        if (holder && !holder.client) holder.client = client;
        return client;
      },
      end: () => pool.end(),
      Client: pg.Client,
      options: pool.options,
    },
  });
  const db = new Kysely<Database>({ dialect });
  const copyTransaction: CopyTransaction = (run) => {
    const holder: { client?: pg.PoolClient } = {};
    return copying.run(holder, () =>
      db.transaction().execute((trx) =>
        run(trx, async (statement, data) => {
          if (!holder.client) throw new Error("COPY outside its transaction");
          const stream = holder.client.query(copyFrom(statement));
          await new Promise<void>((resolve, reject) => {
            stream.on("error", reject);
            stream.on("finish", resolve);
            stream.end(data);
          });
        }),
      ),
    );
  };
  return { db, kind: "postgres", copyTransaction, close: () => db.destroy() };
}

/** True when the database answers a trivial query (readiness). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
