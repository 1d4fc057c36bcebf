/** Opens the database and brings it to a usable state; shared by main and the CLI commands. */
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { migrateToLatest, pendingMigrations } from "./db/migrate.ts";
import { seedDemoCity } from "./modules/demo/demo.service.ts";
import { ensureLimitTables } from "./modules/environment/limit-tables.ts";
import { type DemoUser, disableDemoUsers, ensureDemoUsers } from "./modules/identity/demo-users.ts";
import { ensureInvestmentReference } from "./modules/investment/reference-data.ts";
import { loadReferenceData } from "./modules/reference/reference.service.ts";
import { ensureStatisticsReference } from "./modules/statistics/indicators.service.ts";
import { ensureProducts } from "./modules/statistics/production.service.ts";

/** Reference data every installation needs: administrative units, VSIC, countries, regulation limit tables. */
export async function loadReference(db: DatabaseHandle["db"]): Promise<boolean> {
  const loaded = await loadReferenceData(db);
  const limits = await ensureLimitTables(db);
  const investment = await ensureInvestmentReference(db);
  const statistics = await ensureStatisticsReference(db);
  const products = await ensureProducts(db);
  return loaded || limits || investment || statistics || products;
}

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * Embedded mode migrates, loads reference data and (with DEMO) the demo city on first start.
 * PostgreSQL mode expects `npm run db:migrate` to have run and refuses to start otherwise.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  config: Config,
  log: Pick<Logger, "info">,
): Promise<void> {
  if (handle.kind === "postgres") {
    const pending = await pendingMigrations(handle.db);
    if (pending.length) {
      throw new Error(
        `Cơ sở dữ liệu chưa cập nhật; chạy "npm run db:migrate". / Database not migrated; run "npm run db:migrate". Pending: ${pending.join(", ")}`,
      );
    }
  } else {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info({ applied }, "migrations applied");
  }
  if (await loadReference(handle.db)) log.info("reference data loaded");
  if (config.demo) {
    const seeded = await seedDemoCity(handle.db, {
      seed: config.demoSeed,
      onProgress: (step) => log.info({ step }, "demo city"),
    });
    if (seeded) log.info(seeded, "demo city loaded");
  }
}

/**
 * The server and `npm run seed` create the demo accounts in demo mode; the server disables any
 * left over when demo mode is off, so a published demo password never guards real data.
 */
export async function settleDemoUsers(
  handle: DatabaseHandle,
  config: Config,
  log: Pick<Logger, "info" | "warn">,
): Promise<Array<DemoUser & { scope: string | null }>> {
  if (!config.demo) {
    const disabled = await disableDemoUsers(handle.db);
    if (disabled.length) log.warn({ users: disabled }, "demo users disabled: demo mode is off");
    return [];
  }
  const created = await ensureDemoUsers(handle.db, config);
  if (created.length) log.info({ users: created.map((u) => u.username) }, "demo users created");
  return created;
}
