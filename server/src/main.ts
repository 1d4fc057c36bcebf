/** Reads configuration and starts the server. Nothing else. */
import { buildApp } from "./app.ts";
import { openConfiguredDatabase, prepareDatabase, settleDemoUsers } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirBusyError } from "./db/data-dir-lock.ts";
import { createIngester } from "./modules/environment/ingest.service.ts";
import { startMonitoring } from "./modules/environment/monitoring.runtime.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./modules/identity/demo-users.ts";
import { startInvestmentJobs } from "./modules/investment/jobs.runtime.ts";

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  const ingester = createIngester(handle.db, handle.copyTransaction);
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config, ingester });
  await prepareDatabase(handle, config, app.log);
  await settleDemoUsers(handle, config, app.log);
  const address = await app.listen({ port: config.port, host: config.host });
  const monitoring = await startMonitoring(handle.db, ingester, config, app.log);
  const jobs = config.jobs ? startInvestmentJobs(handle.db, app.log) : null;
  app.log.info(
    { address, database: handle.kind, demo: config.demo, ms: Math.round(performance.now() - started) },
    "Hải Phòng Industry is ready",
  );
  console.log(`\n  Hải Phòng Industry: ${address}\n  API docs / Tài liệu API: ${address}/api/docs`);
  if (monitoring.mqtt?.port)
    console.log(`  MQTT (trạm quan trắc / stations): mqtt://${config.host}:${monitoring.mqtt.port}`);
  console.log("");
  if (config.demo) {
    console.log("  Tài khoản demo / Demo accounts (mật khẩu / password: %s):", DEMO_PASSWORD);
    for (const u of DEMO_USERS)
      console.log(`    ${u.username.padEnd(14)} ${u.role.padEnd(22)} ${u.display_name}`);
    console.log("");
  }
  // Ctrl-C reaches both this process and its launcher (scripts/node.mjs), which forwards it: the
  // second signal must not cut the orderly stop short (the database would be left unclosed).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "stopping");
    await monitoring.stop();
    await jobs?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
