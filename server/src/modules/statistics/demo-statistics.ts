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

function levels(): Map<number, number> {
  const out = new Map<number, number>([[FIRST_YEAR, 1]]);
  for (let y = FIRST_YEAR + 1; y <= 2030; y++)
    out.set(y, (out.get(y - 1) as number) * (1 + (DEMO_GROWTH[y] ?? 12) / 100));
  return out;
}

export async function seedStatisticsDemo(db: Db, options: { seed: number; today: string }) {
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
            product,
            level: 20 + rng.int(0, 480),
            season: Array.from({ length: 12 }, () => 0.85 + rng.next() * 0.3),
          },
        ]
      : [];
  });
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
    base.map((b) => [b.product_code, Number(b.quantity) * (1 + rng.int(1, 50))]),
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
  return { rows: months.length, months: computed.months };
}
