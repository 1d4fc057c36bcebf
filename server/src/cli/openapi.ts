/** Writes the OpenAPI document to docs/openapi.json, or with --check fails when it differs. */
import { readFile, writeFile } from "node:fs/promises";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";

const target = new URL("../../../docs/openapi.json", import.meta.url);
const check = process.argv.includes("--check");

const handle = await openDatabase({ dataDir: "memory://" });
const app = await buildApp(
  { db: handle.db, dbKind: handle.kind, config: loadConfig({ LOG_LEVEL: "silent" }) },
  { logger: false },
);
await app.ready();
const spec = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await handle.close();

if (check) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== spec) {
    console.error(
      "docs/openapi.json khác với mã nguồn; chạy `npm run openapi`. / docs/openapi.json is out of date; run `npm run openapi`.",
    );
    process.exit(1);
  }
  console.log("OpenAPI snapshot is up to date.");
} else {
  await writeFile(target, spec);
  console.log(`Wrote ${target.pathname}`);
}
