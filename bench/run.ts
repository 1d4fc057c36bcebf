/**
 * `npm run bench`: the measurements the performance issue asks for, on PGlite and PostgreSQL, written
 * to bench/RESULTS.md, then the modules' own benchmarks (ingestion, the AQI map, investment, the
 * IIP), each writing its section. `npm run bench -- --quick` runs a small version of the first part
 * and only prints it; `npm run bench -- --core` leaves out the modules' benchmarks.
 */
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRng } from "../server/src/platform/random.ts";
import { type ApiResult, measureApi } from "./api.ts";
import { buildCity } from "./city.ts";
import { enterpriseCsv } from "./csv.ts";
import { freshDatabase, postgresInfo } from "./databases.ts";
import { type AuditResult, measureAudit, measureHashing } from "./identity.ts";
import { measureImport } from "./import-rate.ts";
import { describeMachine, loadAverage } from "./machine.ts";
import { syntheticEnterprises } from "./registry.ts";
import { type BenchResults, renderReport } from "./report.ts";
import { keepOtherSections } from "./results-section.ts";
import { measureStartup } from "./startup.ts";
import { buildWeb, measureWeb } from "./web.ts";

const QUICK = process.argv.includes("--quick");
const SCALE = QUICK
  ? { enterprises: 2_000, projects: 1_000, importRows: 5_000, seconds: 2, warmupSeconds: 1, warmRuns: 1 }
  : { enterprises: 10_000, projects: 5_000, importRows: 50_000, seconds: 10, warmupSeconds: 3, warmRuns: 3 };
const SEED = 20261121;
const RESULTS = new URL("./RESULTS.md", import.meta.url);

const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Zones and locations depend only on reference data, so one city (from a scratch PGlite) serves every database. */
async function benchCity() {
  const scratch = await freshDatabase("pglite");
  try {
    return await buildCity(scratch.handle.db, createRng(SEED));
  } finally {
    await scratch.dispose();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadAverage();
  // First, so a broken build stops the run before minutes of database work.
  log("building the web app");
  buildWeb();
  const [machine, postgres] = await Promise.all([describeMachine(), postgresInfo()]);
  const kinds = postgres ? (["pglite", "postgres"] as const) : (["pglite"] as const);
  if (!postgres) log("PostgreSQL unreachable: measuring PGlite only");
  const city = await benchCity();

  const api: ApiResult[] = [];
  for (const kind of kinds) {
    log(`${kind}: seeding ${SCALE.enterprises} enterprises and ${SCALE.projects} projects, then HTTP load`);
    api.push(await measureApi(kind, city, createRng(SEED + 1), SCALE));
  }

  // Different tax codes from the HTTP data (prefix 08), though each import gets its own database anyway.
  const csv = enterpriseCsv(syntheticEnterprises(createRng(SEED + 2), city, SCALE.importRows, "08"));
  const imports: BenchResults["imports"] = [];
  for (const kind of kinds) {
    log(`${kind}: importing ${SCALE.importRows} rows twice`);
    imports.push({ kind, result: await measureImport(kind, city, csv, SCALE.importRows) });
  }

  log("password hashing at the production cost, audit appends and chain verification");
  const hashing = await measureHashing(17, QUICK ? 2 : 5);
  const audit: AuditResult[] = [];
  for (const kind of kinds) audit.push(await measureAudit(kind, QUICK ? 200 : 1_000, QUICK ? 5_000 : 50_000));

  log("cold start and warm restarts");
  const startup = await measureStartup(SCALE.warmRuns);

  log("web app in headless Chromium: initial JavaScript, largest contentful paint");
  const web = await measureWeb(QUICK ? 2 : 5);

  const report = renderReport({
    date: new Date().toISOString().slice(0, 16).replace("T", " ").concat(" UTC"),
    command: QUICK ? "npm run bench -- --quick" : "npm run bench",
    machine,
    postgres,
    load: { start: loadAtStart },
    scale: SCALE,
    csvBytes: csv.length,
    api,
    imports,
    hashing,
    audit,
    startup,
    web,
    totalSeconds: (performance.now() - started) / 1000,
  });
  if (!QUICK)
    await writeFile(RESULTS, keepOtherSections(report, await readFile(RESULTS, "utf8").catch(() => "")));
  console.log(report);
  if (QUICK || process.argv.includes("--core")) return;
  // The modules' own benchmarks, each replacing its section of RESULTS.md.
  for (const name of MODULE_BENCHES) {
    log(`bench/${name}.ts`);
    const run = spawnSync(process.execPath, ["scripts/node.mjs", `bench/${name}.ts`], { stdio: "inherit" });
    if (run.status !== 0) {
      log(`bench/${name}.ts failed (exit ${run.status}); its section keeps its last result`);
      process.exitCode = 1;
    }
  }
}

/** On PostgreSQL (and Mosquitto for ingestion): environment, investment, the IIP. */
const MODULE_BENCHES = ["ingest", "aqi-map", "investment", "iip"];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
