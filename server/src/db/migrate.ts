// biome-ignore-all lint/suspicious/noExplicitAny: migrations run against any database shape.
/** Runs the frozen migrations in order. Listed explicitly so bundlers and type stripping see them. */
import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/2026-11-21T0001-reference-and-registry.ts";
import * as m0002 from "./migrations/2026-11-22T0001-identity-and-audit.ts";
import * as m0003 from "./migrations/2026-11-22T0100-environment-monitoring.ts";
import * as m0004 from "./migrations/2026-11-22T0200-observation-load-path.ts";
import * as m0005 from "./migrations/2026-11-22T0300-investment.ts";
import * as m0006 from "./migrations/2026-11-22T0400-statistics-indicators.ts";
import * as m0007 from "./migrations/2026-11-22T0500-production-reports.ts";
import * as m0008 from "./migrations/2026-11-22T0600-iip-series.ts";
import * as m0009 from "./migrations/2026-11-22T0700-iip-rebasing.ts";

const migrations: Record<string, Migration> = {
  "2026-11-21T0001-reference-and-registry": m0001,
  "2026-11-22T0001-identity-and-audit": m0002,
  "2026-11-22T0100-environment-monitoring": m0003,
  "2026-11-22T0200-observation-load-path": m0004,
  "2026-11-22T0300-investment": m0005,
  "2026-11-22T0400-statistics-indicators": m0006,
  "2026-11-22T0500-production-reports": m0007,
  "2026-11-22T0600-iip-series": m0008,
  "2026-11-22T0700-iip-rebasing": m0009,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
