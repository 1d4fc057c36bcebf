/** Seeds one backend at the scale, serves it with the real app and loads each scenario in turn. */
import { sql } from "kysely";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import type { DatabaseKind, Db } from "../server/src/db/database.ts";
import { SYSTEM_ACTOR } from "../server/src/modules/audit/audit.service.ts";
import { grantablePermissions } from "../server/src/modules/identity/policy.ts";
import { createToken } from "../server/src/modules/identity/tokens.service.ts";
import { createUser } from "../server/src/modules/identity/users.service.ts";
import type { Rng } from "../server/src/platform/random.ts";
import { type BenchCity, writeZones } from "./city.ts";
import { freshDatabase } from "./databases.ts";
import { type LoadResult, probe, runLoad, type Scenario } from "./load.ts";
import { seedRegistry, syntheticEnterprises, syntheticProjects } from "./registry.ts";

const search = (resource: string, queries: string[]) =>
  queries.map((q) => `/api/v1/${resource}?q=${encodeURIComponent(q)}`);

// Broad and narrow, a company stem, a tax-code fragment and one that matches almost everything.
const EIGHT_SEARCHES = search("enterprises", [
  "hanil",
  "co khi",
  "thuc pham",
  "nichiwa viet nam",
  "bach dang",
  "may mac",
  "0200",
  "cong ty tnhh",
]);

export const SCENARIOS: Scenario[] = [
  { name: "Enterprise search, one query", target: "search", paths: search("enterprises", ["dien tu"]) },
  {
    name: "Enterprise search, 8 queries in turn",
    target: "search",
    paths: EIGHT_SEARCHES,
  },
  {
    name: "Enterprise list, filtered and sorted",
    paths: ["/api/v1/enterprises?ownership=foreign&sort=-established_on&page=3"],
  },
  { name: "Project search", target: "search", paths: search("projects", ["dien tu"]) },
  {
    // Not an issue target: the same 8 searches one at a time show the cost of a request without queueing.
    name: "Enterprise search, 8 queries, 1 connection (unloaded)",
    paths: EIGHT_SEARCHES,
    connections: 1,
  },
  { name: "City summary", paths: ["/api/v1/summary"] },
  {
    // The cost of identity: the same filtered list, authenticated by an API token of a zone officer
    // (token lookup, scope expansion, per-row check of restricted fields).
    name: "Enterprise list, filtered and sorted, as an officer (API token)",
    paths: ["/api/v1/enterprises?ownership=foreign&sort=-established_on&page=3"],
    authenticated: true,
  },
];

/** A zone officer assigned the first zone, with an API token carrying every permission the role may give. */
async function officerToken(db: Db, city: BenchCity): Promise<string> {
  const settings = { passwordHashCost: 12, sessionIdleMinutes: 60, sessionMaxHours: 8 };
  const user = await createUser(db, settings, SYSTEM_ACTOR, {
    username: "bench-officer",
    display_name: "Bench officer",
    email: null,
    role: "zone_officer",
    zone_codes: [city.zones[0]?.code as string],
    tax_codes: [],
    password: "bench-password-2026",
    must_change_password: false,
  });
  const token = await createToken(db, SYSTEM_ACTOR, user, {
    name: "bench",
    permissions: grantablePermissions("zone_officer"),
    expires_in_days: 1,
  });
  return token.token;
}

export interface ScenarioResult extends LoadResult {
  scenario: Scenario;
  /** Rows matching each path (the `total` of the first page); null for answers that are not lists. */
  matches: Array<number | null>;
}

export interface ApiResult {
  kind: DatabaseKind;
  seedSeconds: number;
  results: ScenarioResult[];
}

export interface ApiOptions {
  enterprises: number;
  projects: number;
  seconds: number;
  warmupSeconds: number;
}

export async function measureApi(
  kind: DatabaseKind,
  city: BenchCity,
  rng: Rng,
  options: ApiOptions,
): Promise<ApiResult> {
  const bench = await freshDatabase(kind);
  const { db } = bench.handle;
  try {
    const started = performance.now();
    await writeZones(db, city);
    const enterprises = syntheticEnterprises(rng, city, options.enterprises, "02");
    await seedRegistry(db, enterprises, syntheticProjects(rng, enterprises, options.projects));
    // Statistics as each backend would have them in service: PostgreSQL's autovacuum analyzes a
    // freshly loaded table within a minute; PGlite runs single-user, with no autovacuum, so never.
    if (kind === "postgres") await sql`analyze`.execute(db);
    const seedSeconds = (performance.now() - started) / 1000;

    // The per-client rate limit would throttle the load generator itself: it is not what is measured.
    const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: "unused", RATE_LIMIT_PER_MINUTE: "0" });
    const token = await officerToken(db, city);
    const app = await buildApp({ db, dbKind: kind, config }, { logger: false });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      // JIT, plan caches and the connection pool warm up once, on every path, before anything is recorded.
      await runLoad(
        address,
        SCENARIOS.flatMap((s) => s.paths),
        options.warmupSeconds,
      );
      const results: ScenarioResult[] = [];
      for (const scenario of SCENARIOS) {
        const headers: Record<string, string> = scenario.authenticated
          ? { authorization: `Bearer ${token}` }
          : {};
        const matches = await probe(address, scenario.paths, headers);
        results.push({
          scenario,
          matches,
          ...(await runLoad(address, scenario.paths, options.seconds, scenario.connections, headers)),
        });
      }
      return { kind, seedSeconds, results };
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}
