/**
 * Reference data every installation needs for investment: the dated legal thresholds and the
 * clearly labelled sample catalogue (data/investment/SOURCE.md), each loaded once into empty tables.
 */
import type { Db } from "../../db/database.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { readJson } from "../reference/reference-files.ts";
import * as repo from "./catalogue.repository.ts";
import { type VersionInput, versionInput } from "./catalogue.schemas.ts";
import { createVersion, publishVersion } from "./catalogue.service.ts";
import { ensureLegalRules } from "./legal-rules.ts";

export async function ensureSampleCatalogue(db: Db): Promise<boolean> {
  if ((await repo.countVersions(db, {})) > 0) return false;
  const versions = await readJson<unknown[]>("investment/catalogue-sample.json");
  // In order: a version is published after the one it supersedes, which then ends the day before.
  for (const raw of versions) {
    const version: VersionInput = versionInput.parse(raw);
    // Reference data, like the regulation limit tables: loaded at installation, not an official's act.
    await createVersion(db, SYSTEM_ACTOR, version, { audit: false });
    await publishVersion(db, SYSTEM_ACTOR, version.code, { audit: false });
  }
  return true;
}

export async function ensureInvestmentReference(db: Db): Promise<boolean> {
  const rules = await ensureLegalRules(db);
  const catalogue = await ensureSampleCatalogue(db);
  return rules || catalogue;
}
