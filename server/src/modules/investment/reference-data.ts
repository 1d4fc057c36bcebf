/**
 * Reference data every installation needs for investment: the dated legal thresholds and the
 * clearly labelled sample catalogue (data/investment/SOURCE.md), each loaded once into empty tables.
 */
import type { Db } from "../../db/database.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { readJson } from "../reference/reference-files.ts";
import * as repo from "./catalogue.repository.ts";
import { versionInput } from "./catalogue.schemas.ts";
import { createVersionIn, publishVersionIn } from "./catalogue.service.ts";
import { ensureLegalRules } from "./legal-rules.ts";

export async function ensureSampleCatalogue(db: Db): Promise<boolean> {
  if ((await repo.countVersions(db, {})) > 0) return false;
  const versions = (await readJson<unknown[]>("investment/catalogue-sample.json")).map((raw) =>
    versionInput.parse(raw),
  );
  const { vsic } = await referenceIndex(db);
  // One transaction under the catalogue's lock: a crash leaves nothing half-loaded, and a second
  // instance starting at the same moment waits, then finds the versions there.
  return db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx);
    if ((await repo.countVersions(trx, {})) > 0) return false;
    // In order: a version is published after the one it supersedes, which then ends the day before.
    // Reference data, like the regulation limit tables: loaded at installation, not an official's act.
    for (const version of versions) {
      await createVersionIn(trx, SYSTEM_ACTOR, version, vsic, { audit: false });
      await publishVersionIn(trx, SYSTEM_ACTOR, version.code, { audit: false });
    }
    return true;
  });
}

export async function ensureInvestmentReference(db: Db): Promise<boolean> {
  const rules = await ensureLegalRules(db);
  const catalogue = await ensureSampleCatalogue(db);
  return rules || catalogue;
}
