/** Import rate: the same service call the upload route makes, on a fresh database, then again as all updates. */
import type { DatabaseKind } from "../server/src/db/database.ts";
import { SYSTEM_ACTOR } from "../server/src/modules/audit/audit.service.ts";
import { type Phase, runImport } from "../server/src/modules/imports/imports.service.ts";
import type { BenchCity } from "./city.ts";
import { writeZones } from "./city.ts";
import { freshDatabase } from "./databases.ts";

export interface ImportTiming {
  seconds: number;
  /** Seconds spent in each phase the service reports: read (parse CSV), validate, write. */
  phases: Partial<Record<Exclude<Phase, "done">, number>>;
  inserted: number;
  updated: number;
}

export interface ImportResult {
  rows: number;
  first: ImportTiming;
  again: ImportTiming;
}

async function timedImport(db: Parameters<typeof runImport>[0], buffer: Buffer): Promise<ImportTiming> {
  const starts = new Map<Phase, number>();
  const started = performance.now();
  const report = await runImport(db, {
    kind: "enterprises",
    actor: SYSTEM_ACTOR,
    buffer,
    fileName: "doanh-nghiep.csv",
    onProgress: (phase) => {
      if (!starts.has(phase)) starts.set(phase, performance.now());
    },
  });
  const ended = performance.now();
  if (report.status !== "applied") {
    const first = report.issues.slice(0, 3).map((i) => `row ${i.row} ${i.column ?? ""}: ${i.message.en}`);
    throw new Error(`import ${report.status} with ${report.issues.length} issues, e.g.\n${first.join("\n")}`);
  }
  const at = (phase: Phase) => starts.get(phase) ?? ended;
  return {
    seconds: (ended - started) / 1000,
    phases: {
      read: (at("validate") - at("read")) / 1000,
      validate: (at("write") - at("validate")) / 1000,
      write: (at("done") - at("write")) / 1000,
    },
    inserted: report.inserted,
    updated: report.updated,
  };
}

export async function measureImport(
  kind: DatabaseKind,
  city: BenchCity,
  csv: Buffer,
  rows: number,
): Promise<ImportResult> {
  const bench = await freshDatabase(kind);
  try {
    // Zones exist before the file arrives, as they would in practice; the rows refer to them.
    await writeZones(bench.handle.db, city);
    const first = await timedImport(bench.handle.db, csv);
    const again = await timedImport(bench.handle.db, csv);
    if (first.inserted !== rows || again.updated !== rows) {
      throw new Error(
        `expected ${rows} inserts then ${rows} updates, got ${first.inserted} and ${again.updated}`,
      );
    }
    return { rows, first, again };
  } finally {
    await bench.dispose();
  }
}
