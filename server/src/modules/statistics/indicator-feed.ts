/**
 * Indicator values computed from the stored IIP and the production reports, so the registry, the
 * dashboard and the exports carry them next to the published figures:
 * - `iip_growth`: each full year's growth (year to date at December against the same period), for
 *   the city and the old east and west, and by section for the city; the latest year's spans so far
 *   ("2026-01..10");
 * - `production_value_share` by ownership (FDI, non-state, state), `electronics_share_output`
 *   (division 26) and `high_tech_share_manufacturing`, for each full year, at the base year's prices.
 * Status `computed`, or `synthetic` where a synthetic (demo) report went into the period; each
 * recomputation replaces the set (`derived`). Values stay unrounded.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { addMonths } from "../../platform/time.ts";
import { readCsv } from "../reference/reference-files.ts";
import * as repo from "./iip.repository.ts";
import * as iipSeries from "./iip-series.service.ts";
import { replaceDerived } from "./indicators.repository.ts";
import { parsePeriod } from "./progress.ts";
import { OWNERSHIP_CODE } from "./sdmx.ts";
import type { StatValueTable, Territory } from "./statistics.table.ts";
import * as structure from "./structure.service.ts";

let highTech: Promise<Set<string>> | undefined;
/** The VSIC classes counted as high technology (a sample list, data/statistics/high-tech-classes.csv). */
export function highTechClasses(): Promise<Set<string>> {
  highTech ??= readCsv("statistics/high-tech-classes.csv").then(
    (rows) => new Set(rows.map((r) => r.vsic_class as string)),
  );
  return highTech;
}

/** Recomputes the derived indicator values; returns how many were written. */
export async function feedIndicators(db: Db): Promise<number> {
  const base = await repo.currentBase(db);
  if (!base) {
    await replaceDerived(db, []);
    return 0;
  }
  const series = (territory: Territory, level: "total" | "section", code: string) =>
    iipSeries.series(db, { territory, ownership: "all", level, code, from: "1900-01", to: "2100-12" });
  const totals = new Map<Territory, Awaited<ReturnType<typeof series>>["points"]>();
  for (const territory of ["city", "east", "west"] as const)
    totals.set(territory, (await series(territory, "total", "")).points);
  // The city's months hold every other series' months; a growth also rests on the year before.
  const cityMonths = (totals.get("city") ?? []).map((p) => p.month);
  const synthetic = await repo.syntheticMonths(db, [
    ...cityMonths,
    ...cityMonths.map((m) => addMonths(`${m}-01`, -12).slice(0, 7)),
  ]);
  const note = `Tính từ báo cáo sản lượng tháng, gốc ${base.base_year} / computed from monthly production reports, base ${base.base_year}`;
  const rows: Insertable<StatValueTable>[] = [];
  const add = (
    indicator: string,
    period: string,
    territory: Territory,
    breakdown: readonly ["total" | "industry" | "ownership", string],
    value: number,
  ) => {
    const span = parsePeriod(period);
    if (!span) throw new RangeError(`period ${period}`);
    // Growth also rests on the same period a year before.
    const from =
      indicator === "iip_growth"
        ? `${Number(span.start.slice(0, 4)) - 1}${span.start.slice(4, 7)}`
        : span.start.slice(0, 7);
    const months = [...synthetic].filter((m) => m >= from && m <= span.end.slice(0, 7));
    rows.push({
      indicator_code: indicator,
      period,
      period_start: span.start,
      period_end: span.end,
      territory,
      breakdown_kind: breakdown[0],
      breakdown_code: breakdown[1],
      value,
      status: months.length ? "synthetic" : "computed",
      source_url: null,
      source_note: note,
      derived: true,
    });
  };
  const fullYears = new Set<number>();
  for (const [territory, all] of totals) {
    // The structure is given for the years the city's series covers in full.
    if (territory === "city")
      for (const [year, n] of Map.groupBy(all, (p) => Number(p.month.slice(0, 4))))
        if (n.length === 12) fullYears.add(year);
    const points = all.filter((p) => p.year_to_date !== null);
    const latest = points.at(-1);
    for (const p of points) {
      const [year, month] = [Number(p.month.slice(0, 4)), p.month.slice(5)];
      if (month === "12") {
        add("iip_growth", String(year), territory, ["total", ""], (p.year_to_date as number) - 100);
      } else if (latest && year === Number(latest.month.slice(0, 4)) && latest.month.slice(5) !== "12")
        add(
          "iip_growth",
          month === "01" ? p.month : `${year}-01..${month}`,
          territory,
          ["total", ""],
          (p.year_to_date as number) - 100,
        );
    }
  }
  for (const section of ["B", "C", "D", "E"])
    for (const p of (await series("city", "section", section)).points)
      if (p.month.endsWith("-12") && p.year_to_date !== null)
        add("iip_growth", p.month.slice(0, 4), "city", ["industry", section], p.year_to_date - 100);
  const years = [...fullYears].sort();
  const structures = years.length
    ? await structure.structures(db, {
        from: years[0] as number,
        to: years.at(-1) as number,
        territory: "city",
        highTech: await highTechClasses(),
      })
    : [];
  for (const s of structures) {
    if (!fullYears.has(s.year) || s.total_value <= 0) continue;
    const year = String(s.year);
    for (const o of s.by_ownership)
      if (OWNERSHIP_CODE[o.code])
        add("production_value_share", year, "city", ["ownership", OWNERSHIP_CODE[o.code] as string], o.share);
    add(
      "electronics_share_output",
      year,
      "city",
      ["total", ""],
      s.by_division.find((d) => d.code === "26")?.share ?? 0,
    );
    if (s.high_tech_share_manufacturing !== null)
      add("high_tech_share_manufacturing", year, "city", ["total", ""], s.high_tech_share_manufacturing);
  }
  await replaceDerived(db, rows);
  return rows.length;
}
