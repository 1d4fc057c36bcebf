/**
 * Synthetic monthly production for the demo (flagged synthetic, deterministic from the seed),
 * calibrated so that the city's IIP reproduces the published annual growth: every product of every
 * enterprise grows by the published rate from one year to the next, and its seasonal pattern and
 * its own noise depend on the calendar month only, so a month against the same month of last year,
 * and a year against the last, move exactly by that rate. Base year 2020.
 */
import type { Db } from "../../db/database.ts";
import { createRng } from "../../platform/random.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { allEnterprises } from "../enterprises/enterprises.service.ts";
import { establishBase, recompute } from "./iip-series.service.ts";
import { feedIndicators } from "./indicator-feed.ts";
import * as production from "./production.repository.ts";

/**
 * Growth of the city's IIP by year (published: 2019–2022 and 2024 full years, seed article and
 * statistics office; 2023 and 2025 their latest published spans, 10 and 6 months; 2026 assumed).
 */
export const DEMO_GROWTH: Record<number, number> = {
  2019: 24.29,
  2020: 14.58,
  2021: 18.15,
  2022: 14.56,
  2023: 13.01,
  2024: 15.43,
  2025: 15.01,
  2026: 12,
};
const FIRST_YEAR = 2018;

/**
 * The published structure the demo reproduces (seed article): production value by ownership, FDI /
 * non-state / state, 67,25 / 23,96 / 8,79 % (2017, the latest published); electronics (VSIC
 * division 26) 45,68 % of industrial production value (2020); high technology 53,39 % of
 * manufacturing (2022). Every product grows by the same rate, so the shares hold in every year.
 */
export const DEMO_STRUCTURE = {
  ownership: { foreign: 67.25, non_state: 23.96, state: 8.79 } as Record<string, number>,
  electronics: 45.68,
  highTechOfManufacturing: 53.39,
};

/** Product kinds for the calibration: electronics, other high-tech manufacturing, other manufacturing, other industry. */
type Kind = "electronics" | "high_tech" | "manufacturing" | "other";

/**
 * Iterative proportional fitting: scales the cells of a table (rows × columns) until its row and
 * column sums meet the targets (which must have the same total). Returns each cell's factor.
 */
export function rake(
  cells: ReadonlyMap<string, ReadonlyMap<string, number>>,
  rowTargets: ReadonlyMap<string, number>,
  columnTargets: ReadonlyMap<string, number>,
): Map<string, Map<string, number>> {
  const value = new Map([...cells].map(([r, cols]) => [r, new Map(cols)]));
  const factor = new Map([...cells].map(([r, cols]) => [r, new Map([...cols.keys()].map((c) => [c, 1]))]));
  const scale = (r: string, c: string, f: number) => {
    value.get(r)?.set(c, (value.get(r)?.get(c) as number) * f);
    factor.get(r)?.set(c, (factor.get(r)?.get(c) as number) * f);
  };
  for (let i = 0; i < 500; i++) {
    for (const [r, cols] of value) {
      const sum = [...cols.values()].reduce((a, b) => a + b, 0);
      for (const c of cols.keys()) scale(r, c, (rowTargets.get(r) as number) / sum);
    }
    let worst = 0;
    for (const [c, target] of columnTargets) {
      const sum = [...value.values()].reduce((a, cols) => a + (cols.get(c) ?? 0), 0);
      for (const [r, cols] of value) if (cols.has(c)) scale(r, c, target / sum);
      worst = Math.max(worst, Math.abs(sum - target) / target);
    }
    if (worst < 1e-12) return factor;
  }
  throw new RangeError("the demo's structure cannot be reached from its enterprises and products");
}

function levels(): Map<number, number> {
  const out = new Map<number, number>([[FIRST_YEAR, 1]]);
  for (let y = FIRST_YEAR + 1; y <= 2030; y++)
    out.set(y, (out.get(y - 1) as number) * (1 + (DEMO_GROWTH[y] ?? 12) / 100));
  return out;
}

export async function seedStatisticsDemo(
  db: Db,
  options: { seed: number; today: string; highTech: ReadonlySet<string> },
) {
  const rng = createRng(options.seed ^ 0x5eed);
  const enterprises = await allEnterprises(db, {}, "tax_code");
  const products = await production.productClasses(db);
  const byClass = new Map(products.map((p) => [p.vsic_class, p.code]));
  const byDivision = new Map<string, string>();
  for (const p of products)
    if (!byDivision.has(p.vsic_class.slice(0, 2))) byDivision.set(p.vsic_class.slice(0, 2), p.code);
  const pairs = enterprises.flatMap((e) => {
    const main = e.vsic_main ?? "";
    const product = byClass.get(main.slice(0, 4)) ?? byDivision.get(main.slice(0, 2));
    return product
      ? [
          {
            tax_code: e.tax_code,
            ownership: e.ownership,
            product,
            level: 20 + rng.int(0, 480),
            season: Array.from({ length: 12 }, () => 0.85 + rng.next() * 0.3),
          },
        ]
      : [];
  });
  // A synthetic price per product; each pair's level then scaled so the structure of production
  // value (at these prices) meets the published shares.
  const price = new Map(products.map((p) => [p.code, 1 + rng.int(1, 50)]));
  const kindOf = (product: string): Kind => {
    const division = Number(product.slice(0, 2));
    if (division === 26) return "electronics";
    if (division < 10 || division > 33) return "other";
    return options.highTech.has(product.slice(0, 4)) ? "high_tech" : "manufacturing";
  };
  const cells = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const row = cells.get(p.ownership) ?? new Map<string, number>();
    cells.set(p.ownership, row);
    const value = p.level * p.season.reduce((a, b) => a + b, 0) * (price.get(p.product) as number);
    row.set(kindOf(p.product), (row.get(kindOf(p.product)) ?? 0) + value);
  }
  const factors = rake(cells, new Map(Object.entries(DEMO_STRUCTURE.ownership)), kindTargets(cells));
  for (const p of pairs) p.level *= factors.get(p.ownership)?.get(kindOf(p.product)) as number;
  const lastMonth = new Date(`${options.today.slice(0, 7)}-01T00:00:00Z`);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const level = levels();
  const taxCodes: string[] = [];
  const productCodes: string[] = [];
  const months: string[] = [];
  const quantities: number[] = [];
  for (let d = new Date(Date.UTC(FIRST_YEAR, 0, 1)); d <= lastMonth; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 10);
    for (const p of pairs) {
      taxCodes.push(p.tax_code);
      productCodes.push(p.product);
      months.push(month);
      quantities.push(
        p.level * (level.get(d.getUTCFullYear()) as number) * (p.season[d.getUTCMonth()] as number),
      );
    }
  }
  await production.insertSynthetic(db, { taxCodes, products: productCodes, months, quantities });
  // Weights: base-year output value of each product (its 2020 quantity at a synthetic price), and
  // value added of each class at a 30 % ratio of its output value.
  const base = await production.yearTotals(db, 2020);
  const productWeights = Object.fromEntries(
    base.map((b) => [b.product_code, Number(b.quantity) * (price.get(b.product_code) as number)]),
  );
  const classWeights: Record<string, number> = {};
  for (const [code, value] of Object.entries(productWeights))
    classWeights[code.slice(0, 4)] = (classWeights[code.slice(0, 4)] ?? 0) + value * 0.3;
  if (base.length === 0) return { rows: 0, months: 0 };
  await establishBase(db, SYSTEM_ACTOR, {
    code: "2020",
    base_year: 2020,
    product_weights: productWeights,
    class_weights: classWeights,
    note: "Gốc mô phỏng: quyền số tổng hợp từ dữ liệu mô phỏng / synthetic base: weights from synthetic data",
  });
  const computed = await recompute(db, { all: true });
  await feedIndicators(db);
  return { rows: months.length, months: computed.months };
}

/**
 * Shares of production value by product kind that give the published electronics share and
 * high-tech share of manufacturing: with no industry outside manufacturing among the enterprises,
 * manufacturing is all and other high tech fills the gap; without other high-tech products,
 * manufacturing is what makes electronics that share of it; with both, industry outside
 * manufacturing keeps its own share (between 2 and 14 %) and other high tech fills the gap.
 */
function kindTargets(cells: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<Kind, number> {
  const present = (k: Kind) => [...cells.values()].some((row) => (row.get(k) ?? 0) > 0);
  const total = [...cells.values()].reduce((a, row) => a + [...row.values()].reduce((x, y) => x + y, 0), 0);
  const naturalOther = [...cells.values()].reduce((a, row) => a + (row.get("other") ?? 0), 0) / total;
  const { electronics, highTechOfManufacturing: h } = DEMO_STRUCTURE;
  const manufacturing = !present("other")
    ? 100
    : present("high_tech")
      ? 100 - Math.min(14, Math.max(2, naturalOther * 100))
      : (electronics / h) * 100;
  const targets = new Map<Kind, number>([
    ["electronics", electronics],
    ["high_tech", (h / 100) * manufacturing - electronics],
    ["manufacturing", manufacturing - (h / 100) * manufacturing],
    ["other", 100 - manufacturing],
  ]);
  for (const [k, v] of targets) if (!present(k) || v <= 0) targets.delete(k);
  return targets;
}
