/**
 * A fresh migrated database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards). Reference data is always loaded.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { App } from "../src/http/types.ts";
import { seedDemoCity } from "../src/modules/demo/demo.service.ts";
import { loadReferenceData } from "../src/modules/reference/reference.service.ts";

export const DEMO_TODAY = "2026-11-21";

export interface TestContext {
  app: App;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hp_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const pgDb = url ? await freshPostgres(url) : null;
  // Dropping the database at the end ends its connections; that is expected, not an error.
  const handle = await openDatabase({
    databaseUrl: pgDb?.url,
    dataDir: "memory://",
    maxConnections: 4,
    onPoolError: () => {},
  });
  await migrateToLatest(handle.db);
  await loadReferenceData(handle.db);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await pgDb?.drop();
    },
  };
}

export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestContext> {
  const { handle, drop } = await openTestDatabase();
  if (options.demo) await seedDemoCity(handle.db, { seed: 20261121, today: DEMO_TODAY });
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: "memory://",
    IMPORT_MAX_BYTES: String(2 * 1024 * 1024),
  });
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config }, { logger: false });
  await app.ready();
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A point inside commune 10507 (Phường Thành Đông) and one in the sea outside the city. */
export const INSIDE = { lon: 106.335, lat: 20.975 };
export const OUTSIDE = { lon: 105.8, lat: 21.03 };
