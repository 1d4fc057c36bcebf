/**
 * A fresh migrated database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards). Reference data is always loaded.
 */
import { randomBytes } from "node:crypto";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { loadReference } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { App } from "../src/http/types.ts";
import { SYSTEM_ACTOR } from "../src/modules/audit/audit.service.ts";
import { seedDemoCity } from "../src/modules/demo/demo.service.ts";
import { grantablePermissions, type Role } from "../src/modules/identity/policy.ts";
import { createToken } from "../src/modules/identity/tokens.service.ts";
import { createUser } from "../src/modules/identity/users.service.ts";

export const DEMO_TODAY = "2026-11-21";

export interface TestContext {
  app: App;
  handle: DatabaseHandle;
  /** app.inject as an administrator's API token: for tests about something other than access. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A new account of the role with its scopes, and a bearer token with every permission it may carry. */
  user(role: Role, scopes?: { zones?: string[]; taxCodes?: string[] }): Promise<TestUser>;
  /** Signs in with a password: the session cookie and CSRF token a browser would hold. */
  login(username: string, password?: string): Promise<TestSession>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  headers: { authorization: string };
}

export interface TestSession {
  cookie: string;
  csrf: string;
  /** Headers for an unsafe request in this session (cookie and CSRF token). */
  headers: Record<string, string>;
}

export const TEST_PASSWORD = "kiem-thu-Hai-Phong-2026";
let userCounter = 0;

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
  await loadReference(handle.db);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await pgDb?.drop();
    },
  };
}

export async function createTestApp(
  options: { demo?: boolean; statistics?: boolean; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const { handle, drop } = await openTestDatabase();
  // The demo's seven years of production (and the IIP over them) only where a test asks for it.
  if (options.demo)
    await seedDemoCity(handle.db, {
      seed: 20261121,
      today: DEMO_TODAY,
      statistics: options.statistics ?? false,
    });
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: "memory://",
    IMPORT_MAX_BYTES: String(2 * 1024 * 1024),
    // Cheap hashes keep the suite fast; the production cost is the default (see config.ts).
    PASSWORD_HASH_COST: "10",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    ...options.env,
  });
  const app = await buildApp(
    { db: handle.db, dbKind: handle.kind, config, copyTransaction: handle.copyTransaction },
    { logger: false },
  );
  await app.ready();

  const user = async (
    role: Role,
    scopes: { zones?: string[]; taxCodes?: string[] } = {},
  ): Promise<TestUser> => {
    userCounter += 1;
    const username = `${role.replaceAll("_", "-")}-${userCounter}`;
    const created = await createUser(handle.db, config, SYSTEM_ACTOR, {
      username,
      display_name: `Người kiểm thử ${userCounter}`,
      role,
      email: null,
      zone_codes: scopes.zones ?? [],
      tax_codes: scopes.taxCodes ?? [],
      password: TEST_PASSWORD,
      must_change_password: false,
    });
    const token = await createToken(handle.db, SYSTEM_ACTOR, created, {
      name: "test",
      permissions: grantablePermissions(role),
      expires_in_days: 1,
    });
    return {
      id: created.id,
      username,
      password: TEST_PASSWORD,
      headers: { authorization: `Bearer ${token.token}` },
    };
  };
  const admin = await user("admin");
  const login = async (username: string, password = TEST_PASSWORD): Promise<TestSession> => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "hpi_session")?.value as string;
    const csrf = res.json().csrf_token as string;
    return { cookie, csrf, headers: { cookie: `hpi_session=${cookie}`, "x-csrf-token": csrf } };
  };
  return {
    app,
    handle,
    inject: (options) => app.inject({ ...options, headers: { ...admin.headers, ...options.headers } }),
    user,
    login,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A point inside commune 10507 (Phường Thành Đông) and one in the sea outside the city. */
export const INSIDE = { lon: 106.335, lat: 20.975 };
export const OUTSIDE = { lon: 105.8, lat: 21.03 };
