/**
 * The structure of production value from the production reports, at the current base's prices:
 * shares by ownership, section and division, and the high-tech share of manufacturing.
 */
import type { Db } from "../../db/database.ts";
import * as repo from "./iip.repository.ts";
import { sectionOf } from "./iip.ts";
import type { Territory } from "./statistics.table.ts";

/**
 * The structure of production value in each year from `from` to `to`, at the base year's prices
 * (each product's output value in the base year over its quantity): shares by ownership, by section
 * and division, and the high-tech share of manufacturing (section C). Shares are unrounded and add
 * up to 100 by construction; `ownership_sum` shows it. Years without figures are left out.
 */
export async function structures(
  db: Db,
  q: { from: number; to: number; territory: Territory; highTech: ReadonlySet<string> },
) {
  const base = await repo.currentBase(db);
  if (!base) return [];
  const [weightRows, baseRows, rows] = await Promise.all([
    repo.weights(db, base.code),
    repo.baseQuantities(db, base.code),
    repo.groupedQuantities(db, `${q.from}-01-01`, `${q.to}-12-01`, "year"),
  ]);
  const cityBase = new Map(
    baseRows
      .filter((b) => b.territory === "city" && b.ownership === "all")
      .map((b) => [b.product_code, b.quantity]),
  );
  const price = new Map(
    weightRows
      .filter((w) => w.kind === "product" && (cityBase.get(w.code) ?? 0) > 0)
      .map((w) => [w.code, w.weight / ((cityBase.get(w.code) as number) * 12)]),
  );
  return [...Map.groupBy(rows, (r) => r.month)]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([year, yearRows]) => {
      const byOwnership = new Map<string, number>();
      const bySection = new Map<string, number>();
      const byDivision = new Map<string, number>();
      let total = 0;
      let highTech = 0;
      for (const r of yearRows) {
        const p = price.get(r.product_code);
        if (p === undefined) continue;
        if (q.territory !== "city" && r.side !== q.territory) continue;
        const value = r.quantity * p;
        total += value;
        byOwnership.set(r.ownership, (byOwnership.get(r.ownership) ?? 0) + value);
        const division = r.product_code.slice(0, 2);
        const section = sectionOf(division);
        bySection.set(section, (bySection.get(section) ?? 0) + value);
        byDivision.set(division, (byDivision.get(division) ?? 0) + value);
        if (section === "C" && q.highTech.has(r.product_code.slice(0, 4))) highTech += value;
      }
      const shares = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([code, value]) => ({ code, value, share: total ? (value / total) * 100 : 0 }));
      const ownership = shares(byOwnership);
      return {
        year: Number(year),
        territory: q.territory,
        base: base.code,
        total_value: total,
        by_ownership: ownership,
        ownership_sum: ownership.reduce((a, o) => a + o.share, 0),
        by_section: shares(bySection),
        by_division: shares(byDivision),
        high_tech_share_manufacturing:
          (bySection.get("C") ?? 0) > 0 ? (highTech / (bySection.get("C") as number)) * 100 : null,
      };
    });
}

/** The structure of one year (`structures`); with no base, null; with no figures, empty shares. */
export async function structure(
  db: Db,
  q: { year: number; territory: Territory; highTech: ReadonlySet<string> },
) {
  const base = await repo.currentBase(db);
  if (!base) return null;
  const [one] = await structures(db, { ...q, from: q.year, to: q.year });
  return (
    one ?? {
      year: q.year,
      territory: q.territory,
      base: base.code,
      total_value: 0,
      by_ownership: [],
      ownership_sum: 0,
      by_section: [],
      by_division: [],
      high_tech_share_manufacturing: null,
    }
  );
}
