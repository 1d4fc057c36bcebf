/**
 * `npm run bench:investment`: on PostgreSQL, the daily supervision job over 20.000 projects
 * (target under 5 s) and the latency of screening a proposal over HTTP (stored and audited).
 * Writes its section of bench/RESULTS.md.
 */
import { sql } from "kysely";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import { SYSTEM_ACTOR } from "../server/src/modules/audit/audit.service.ts";
import { createToken } from "../server/src/modules/identity/tokens.service.ts";
import { createUser } from "../server/src/modules/identity/users.service.ts";
import { insertProgress } from "../server/src/modules/investment/supervision.repository.ts";
import { runSupervision } from "../server/src/modules/investment/supervision.service.ts";
import { createRng } from "../server/src/platform/random.ts";
import { buildCity, writeZones } from "./city.ts";
import { freshDatabase } from "./databases.ts";
import { describeMachine } from "./machine.ts";
import { seedRegistry, syntheticEnterprises, syntheticProjects } from "./registry.ts";
import { writeResultsSection } from "./results-section.ts";

const PROJECTS = 20_000;
const ENTERPRISES = 5_000;
const SCREENINGS = 300;
const TODAY = "2026-11-21";
const log = (m: string) => console.error(`[bench:investment ${new Date().toISOString().slice(11, 19)}] ${m}`);
const ms = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 1 });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function main(): Promise<void> {
  const bench = await freshDatabase("postgres");
  const db = bench.handle.db;
  try {
    const rng = createRng(20261122);
    log(`seeding ${ENTERPRISES} enterprises and ${PROJECTS} projects with milestones`);
    const city = await buildCity(db, rng);
    await writeZones(db, city);
    const enterprises = syntheticEnterprises(rng, city, ENTERPRISES, "02");
    await seedRegistry(db, enterprises, syntheticProjects(rng, enterprises, PROJECTS));
    // Milestones reached: most of those already due, on time or a little late; the rest are late.
    const { rows: due } = await sql<{ id: number; code: string; due: string }>`
      select p.id, m->>'code' as code, m->>'due' as due
      from project p, jsonb_array_elements(p.milestones) m where m->>'due' <= ${TODAY}`.execute(db);
    const reached = due.filter(() => rng.next() < 0.85);
    await insertProgress(
      db,
      reached.map((r) => ({
        project_id: r.id,
        milestone_code: r.code,
        actual_on: r.due < "2026-11-01" ? r.due : TODAY,
      })),
    );
    await sql`analyze`.execute(db);

    log("supervision job");
    const first = await runSupervision(db, TODAY);
    const again = await runSupervision(db, TODAY, { force: true });
    const next = await runSupervision(db, "2026-11-22");
    const skipped = performance.now();
    const repeat = await runSupervision(db, "2026-11-22");
    const skippedMs = performance.now() - skipped;
    log(`first ${first.ms} ms (${first.cases_opened} cases), again ${again.ms} ms, next day ${next.ms} ms`);

    log(`screening latency: ${SCREENINGS} proposals over HTTP`);
    const config = loadConfig({
      LOG_LEVEL: "silent",
      DATA_DIR: "memory://",
      RATE_LIMIT_PER_MINUTE: "0",
      PASSWORD_HASH_COST: "10",
    });
    const app = await buildApp({ db, dbKind: "postgres", config }, { logger: false });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const user = await createUser(db, config, SYSTEM_ACTOR, {
      username: "bench-screening",
      display_name: "Bench",
      role: "industry_official",
      email: null,
      zone_codes: [],
      tax_codes: [],
      password: "sang-loc-Hai-Phong-2026-dau-tu",
      must_change_password: false,
    });
    const token = await createToken(db, SYSTEM_ACTOR, user, {
      name: "bench",
      permissions: ["screening.run"],
      expires_in_days: 1,
    });
    const codes = ["26190", "26200", "24100", "20111", "13130", "19100", "10101", "27200"];
    const times: number[] = [];
    const categories = new Map<string, number>();
    for (let i = 0; i < SCREENINGS + 20; i++) {
      const body = JSON.stringify({
        title: `Đề xuất ${i}`,
        vsic_codes: [codes[i % codes.length]],
        currency: "USD",
        vnd_per_usd: 25_000,
        capital: 1e6 * (5 + (i % 97)),
        land_ha: 1 + (i % 30),
        technology_level: ["medium", "advanced", "high"][i % 3],
        equipment_year: 2010 + (i % 16),
        water_m3_per_day: 100 * (i % 40),
        ...(i % 2 ? { zone_code: city.zones[0]?.code } : {}),
      });
      const t0 = performance.now();
      const res = await fetch(`${address}/api/v1/investment/screenings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token.token}` },
        body,
      });
      const answer = (await res.json()) as { category: string };
      if (res.status !== 201) throw new Error(`screening answered ${res.status}: ${JSON.stringify(answer)}`);
      // The first 20 warm up the JIT and the pool; they are not counted.
      if (i >= 20) {
        times.push(performance.now() - t0);
        categories.set(answer.category, (categories.get(answer.category) ?? 0) + 1);
      }
    }
    await app.close();
    times.sort((a, b) => a - b);

    const machine = await describeMachine();
    const byStatus = Object.entries(first.by_status)
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n.toLocaleString("vi-VN")}`)
      .join(", ");
    const met = (v: number, limit: number) => (v < limit ? "met" : "**not met**");
    const section = `## Investment supervision and screening (PostgreSQL)

\`npm run bench:investment\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine.cores} cores, ${machine.cpu}, Node.js ${machine.node}.
${PROJECTS.toLocaleString("vi-VN")} synthetic projects of ${ENTERPRISES.toLocaleString("vi-VN")} enterprises, two committed milestones each, ${reached.length.toLocaleString("vi-VN")} of the ${due.length.toLocaleString("vi-VN")} milestones due by ${TODAY} reached. Each run reads every project's milestones, progress and active case, judges it against the legal rules in force, writes the changed schedules and opens a warning case (with its step and audit entry) for each project late beyond the threshold, in one transaction.

| supervision run | projects | cases opened | time | target | |
| --- | ---: | ---: | ---: | --- | --- |
| first run on ${TODAY} | ${first.projects.toLocaleString("vi-VN")} | ${first.cases_opened.toLocaleString("vi-VN")} | ${ms(first.ms)} ms | < 5 s | ${met(first.ms, 5000)} |
| the same day again (forced) | ${again.projects.toLocaleString("vi-VN")} | ${again.cases_opened} | ${ms(again.ms)} ms | < 5 s | ${met(again.ms, 5000)} |
| the next day | ${next.projects.toLocaleString("vi-VN")} | ${next.cases_opened} | ${ms(next.ms)} ms | < 5 s | ${met(next.ms, 5000)} |
| the next day again (not forced: skipped) | — | — | ${ms(skippedMs)} ms | — | ${repeat.skipped ? "skipped" : "**ran**"} |

Statuses after the first run: ${byStatus}.

Screening: ${SCREENINGS} sequential \`POST /api/v1/investment/screenings\` (after 20 unrecorded), end to end over HTTP: version in force, entries, evaluation, stored with its audit entry. Results: ${[...categories].map(([c, n]) => `${c} ${n}`).join(", ")}.

| p50 | p95 | p99 | max |
| ---: | ---: | ---: | ---: |
| ${ms(percentile(times, 50))} ms | ${ms(percentile(times, 95))} ms | ${ms(percentile(times, 99))} ms | ${ms(times.at(-1) as number)} ms |
`;
    await writeResultsSection(section);
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
