/** Costs of identity and audit: password hashing at the production cost, audit appends and verification. */
import type { DatabaseKind } from "../server/src/db/database.ts";
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from "../server/src/modules/audit/audit.service.ts";
import { hashPassword, verifyPassword } from "../server/src/modules/identity/passwords.ts";
import { freshDatabase } from "./databases.ts";

export interface HashResult {
  cost: number;
  /** Milliseconds per hash, each of `runs` runs. */
  ms: number[];
}

export interface AuditResult {
  kind: DatabaseKind;
  /** One change, one transaction, one entry: as an API write appends it. */
  singleAppendsPerSecond: number;
  singleAppends: number;
  /** Entries verified per second over the whole chain. */
  verifyPerSecond: number;
  chainLength: number;
}

export async function measureHashing(cost: number, runs: number): Promise<HashResult> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const hash = await hashPassword(`bench-password-${i}`, cost);
    ms.push(performance.now() - started);
    if (!(await verifyPassword(`bench-password-${i}`, hash, cost)).ok)
      throw new Error("hash does not verify");
  }
  return { cost, ms };
}

export async function measureAudit(kind: DatabaseKind, singles: number, bulk: number): Promise<AuditResult> {
  const bench = await freshDatabase(kind);
  const { db } = bench.handle;
  try {
    const started = performance.now();
    for (let i = 0; i < singles; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, SYSTEM_ACTOR, {
          action: "update",
          entityType: "zone",
          entityId: `KCN-${i % 100}`,
          changes: { leased_land_ha: [i, i + 1] },
        }),
      );
    }
    const singleSeconds = (performance.now() - started) / 1000;
    // A longer chain for verification, appended in batches as imports would.
    for (let done = 0; done < bulk; done += 1_000) {
      await db.transaction().execute((trx) =>
        recordAudit(
          trx,
          SYSTEM_ACTOR,
          Array.from({ length: 1_000 }, (_, i) => ({
            action: "update",
            entityType: "enterprise",
            entityId: String(done + i),
            changes: { workers: [done, done + i] },
          })),
        ),
      );
    }
    const verifyStarted = performance.now();
    const check = await verifyAuditChain(db);
    if (!check.ok) throw new Error(`chain broken: ${JSON.stringify(check.first_broken)}`);
    return {
      kind,
      singleAppendsPerSecond: singles / singleSeconds,
      singleAppends: singles,
      verifyPerSecond: check.checked / ((performance.now() - verifyStarted) / 1000),
      chainLength: check.checked,
    };
  } finally {
    await bench.dispose();
  }
}
