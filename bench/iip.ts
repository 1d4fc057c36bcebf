/**
 * `npm run bench:iip`: on PostgreSQL, one month's IIP over 50.000 production report rows (target
 * under 1 s) and a full recomputation of seven years (target under 30 s), every territory and
 * ownership group and level included. Writes its section of bench/RESULTS.md.
 */
import { sql } from "kysely";
import { SYSTEM_ACTOR } from "../server/src/modules/audit/audit.service.ts";
import {
  computeMonths,
  establishBase,
  recompute,
} from "../server/src/modules/statistics/iip-series.service.ts";
import { feedIndicators } from "../server/src/modules/statistics/indicator-feed.ts";
import { createRng } from "../server/src/platform/random.ts";
import { buildCity, writeZones } from "./city.ts";
import { freshDatabase } from "./databases.ts";
import { describeMachine } from "./machine.ts";
import { seedRegistry, syntheticEnterprises } from "./registry.ts";
import { writeResultsSection } from "./results-section.ts";

const ENTERPRISES = 5_000;
const PRODUCTS_EACH = 10;
const log = (m: string) => console.error(`[bench:iip ${new Date().toISOString().slice(11, 19)}] ${m}`);
const seconds = (ms: number) => (ms / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 2 });

async function main(): Promise<void> {
  const bench = await freshDatabase("postgres");
  const db = bench.handle.db;
  try {
    const rng = createRng(20261123);
    log(`seeding ${ENTERPRISES} enterprises`);
    const city = await buildCity(db, rng);
    await writeZones(db, city);
    await seedRegistry(db, syntheticEnterprises(rng, city, ENTERPRISES, "02"), []);
    log("seeding seven years of monthly production (2019-01 to 2025-12)");
    const t0 = performance.now();
    // Each enterprise reports about 10 of the 32 products every month, growing 12 % a year with a
    // seasonal swing; generated in the database, set-based.
    await sql`
      insert into stat_production (enterprise_tax_code, product_code, month, quantity, status, flags, channel, is_synthetic)
      select e.tax_code, p.code, m::date,
        (10 + abs(hashtext(e.tax_code || p.code)) % 1000)
          * power(1.12, extract(year from m) - 2019) * (1 + 0.1 * sin(extract(month from m))),
        'submitted', '[]', 'demo', true
      from enterprise e
      cross join stat_product p
      cross join generate_series('2019-01-01'::date, '2025-12-01'::date, interval '1 month') m
      where abs(hashtext(e.tax_code || '|' || p.code)) % (select count(*) from stat_product) < ${PRODUCTS_EACH}`.execute(
      db,
    );
    await sql`analyze stat_production`.execute(db);
    const { rows: count } = await sql<{ n: number; per_month: number }>`
      select count(*)::int as n, (count(*) / 84)::int as per_month from stat_production`.execute(db);
    const seedMs = performance.now() - t0;
    log(`${count[0]?.n} rows in ${Math.round(seedMs)} ms`);

    const { rows: products } = await sql<{
      code: string;
      vsic_class: string;
    }>`select code, vsic_class from stat_product`.execute(db);
    const classes = [...new Set(products.map((p) => p.vsic_class))];
    await establishBase(db, SYSTEM_ACTOR, {
      code: "2020",
      base_year: 2020,
      product_weights: Object.fromEntries(products.map((p) => [p.code, 1 + rng.int(1, 100)])),
      class_weights: Object.fromEntries(classes.map((c) => [c, 100 + rng.int(1, 1000)])),
    });

    log("one month");
    const m0 = performance.now();
    const one = await computeMonths(db, ["2025-06-01"]);
    const monthMs = performance.now() - m0;
    log(`one month: ${Math.round(monthMs)} ms, ${one.rows} indices`);
    log("seven years");
    const all = await recompute(db, { all: true });
    log(`seven years: ${all.ms} ms, ${all.rows} indices`);
    log("indicator values from the series and the structure");
    const f0 = performance.now();
    const fed = await feedIndicators(db);
    const feedMs = performance.now() - f0;
    log(`indicator values: ${fed} in ${Math.round(feedMs)} ms`);

    const machine = await describeMachine();
    const met = (ms: number, limit: number) => (ms < limit ? "met" : "**not met**");
    const section = `## Industrial production index (PostgreSQL)

\`npm run bench:iip\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine.cores} cores, ${machine.cpu}, Node.js ${machine.node}.
${ENTERPRISES.toLocaleString("vi-VN")} synthetic enterprises, each reporting about ${PRODUCTS_EACH} of the 32 sample products every month: ${count[0]?.n.toLocaleString("vi-VN")} report rows over 84 months (${count[0]?.per_month.toLocaleString("vi-VN")} a month), generated in the database in ${seconds(seedMs)} s. Base 2020. The reports are summed in the database (one pass over the span) by month, product, ownership and old province; for each month, every territory (city, east, west) and ownership group (all, state, non-state, foreign) gets indices for the total, sections, divisions and classes, written in one transaction a month. The indicator values then read the stored series and one pass of the structure over the years.

| computation | months | indices stored | time | target | |
| --- | ---: | ---: | ---: | --- | --- |
| one month (2025-06) | 1 | ${one.rows.toLocaleString("vi-VN")} | ${seconds(monthMs)} s | < 1 s | ${met(monthMs, 1000)} |
| full recomputation, 2019-01 to 2025-12 | ${all.months} | ${all.rows.toLocaleString("vi-VN")} | ${seconds(all.ms)} s | < 30 s | ${met(all.ms, 30_000)} |
| then the indicator values it feeds (${fed} values: growth by territory and section, structure by year) | — | — | ${seconds(feedMs)} s | — | |
| recomputation and indicator values together (what \`POST /iip/recompute\` does) | ${all.months} | — | ${seconds(all.ms + feedMs)} s | < 30 s | ${met(all.ms + feedMs, 30_000)} |
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
