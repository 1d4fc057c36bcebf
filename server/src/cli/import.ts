/** `npm run import -- <zones|enterprises|projects> <file> [--dry-run]`: the same import as the API, with progress. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { openConfiguredDatabase, prepareDatabase } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { operatorActor } from "../modules/audit/audit.service.ts";
import { IMPORT_KINDS, type ImportKind } from "../modules/imports/columns.ts";
import { runImport } from "../modules/imports/imports.service.ts";
import { AppError } from "../platform/errors.ts";
import { progressBar } from "./progress.ts";

const [kind, file] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!kind || !file || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
  console.error(
    `Cách dùng / usage: npm run import -- <${IMPORT_KINDS.join("|")}> <file.csv|file.xlsx> [--dry-run]`,
  );
  process.exit(2);
}

const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? "false" });
const handle = await openConfiguredDatabase(config);
let exitCode = 0;
try {
  await prepareDatabase(handle, config, { info: () => {} });
  const bar = progressBar(path.basename(file));
  const started = performance.now();
  const report = await runImport(handle.db, {
    kind: kind as ImportKind,
    actor: operatorActor(),
    buffer: await readFile(file),
    fileName: path.basename(file),
    dryRun: process.argv.includes("--dry-run"),
    onProgress: (phase, done, total) => bar(done, total, phase),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${report.status}: ${report.total_rows} dòng/rows, ${report.inserted} mới/new, ${report.updated} cập nhật/updated, ${seconds.toFixed(1)} s`,
  );
  for (const issue of report.issues.slice(0, 50))
    console.log(
      `  dòng/row ${issue.row} · ${issue.column ?? ""} · ${issue.code}: ${issue.message.vi} / ${issue.message.en}`,
    );
  if (report.issues.length > 50)
    console.log(`  … ${report.issues.length - 50} lỗi khác / more (GET /api/v1/imports/${report.id})`);
  if (report.status === "rejected") exitCode = 1;
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.code}: ${error.text.vi} / ${error.text.en}`);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);
