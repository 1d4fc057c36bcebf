/**
 * The IIP from the enterprises' monthly production reports, by the national method (iip.ts): for
 * each territory (the city, and the pre-merger east and west) and ownership group (all, state,
 * non-state, foreign), each product's quantity summed over the group's enterprises against the
 * base year's monthly average, weighted as the base fixes. Indices are stored per month, unrounded;
 * growth against the same month, the previous month and the year to date is derived on reading.
 * A product with a base but no report in a month counts as not produced that month.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { invalid } from "../../platform/errors.ts";
import { addMonths } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { issue } from "../registry-issues.ts";
import * as repo from "./iip.repository.ts";
import { type BasketItem, computeIip, contributions, linkedSeries } from "./iip.ts";
import type { Ownership, StatIipIndexTable, Territory } from "./statistics.table.ts";

export const TERRITORIES: readonly Territory[] = ["city", "east", "west"];
export const OWNERSHIPS: readonly Ownership[] = ["all", "state", "non_state", "foreign"];

/** The first days of the months from `first` to `last`, both included (none if either is missing). */
function monthsBetween(first: string | null | undefined, last: string | null | undefined): string[] {
  const out: string[] = [];
  if (first && last) for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The months each base holds: from its base year (the oldest base: from the start) to before the
 * next base's first month of use. A later base's base year is thus held by both, which links them.
 */
export interface Holding {
  code: string;
  base_year: number;
  from: string | null;
  to: string | null;
}
export function holdings(
  bases: ReadonlyArray<{ code: string; base_year: number; valid_from: string }>,
): Holding[] {
  const sorted = [...bases].sort((a, b) => a.base_year - b.base_year);
  return sorted.map((b, i) => ({
    code: b.code,
    base_year: b.base_year,
    from: i === 0 ? null : `${b.base_year}-01-01`,
    to: sorted[i + 1]?.valid_from.slice(0, 10) ?? null,
  }));
}
const holds = (h: Holding, month: string) =>
  (h.from === null || month >= h.from) && (h.to === null || month < h.to);

type Grouped = Awaited<ReturnType<typeof repo.groupedQuantities>>[number];

/** The groups a figure counts in: the city and its old province; all and its ownership. */
function groupsOf(r: Grouped): Array<[Territory, Ownership]> {
  const territories: Territory[] = r.side ? ["city", r.side] : ["city"];
  return territories.flatMap((t) => [[t, "all"] as [Territory, Ownership], [t, r.ownership as Ownership]]);
}

const groupKey = (t: string, o: string, product: string) => `${t}|${o}|${product}`;

/** Sums quantities by group and product; `months` divides (12 for a year's monthly average). */
function sumByGroup(rows: readonly Grouped[], months = 1): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows)
    for (const [t, o] of groupsOf(r)) {
      const k = groupKey(t, o, r.product_code);
      out.set(k, (out.get(k) ?? 0) + r.quantity / months);
    }
  return out;
}

export interface BaseInput {
  code: string;
  base_year: number;
  /** Base-year output value of each product (its weight inside its class). */
  product_weights: Record<string, number>;
  /** Base-year value added of each VSIC class. */
  class_weights: Record<string, number>;
  note?: string | null;
}

/** Fixes a base: its weights, and each group's monthly average quantities from the base year's reports. */
export async function establishBase(
  db: Db,
  actor: Actor,
  input: BaseInput,
): Promise<{ products: number; quantities: number }> {
  const rows = await repo.groupedQuantities(
    db,
    `${input.base_year}-01-01`,
    `${input.base_year}-12-01`,
    "month",
  );
  const reported = new Set(rows.map((r) => r.month)).size;
  if (reported < 12)
    throw invalid([
      issue(
        reported === 0 ? "statistics.base_without_reports" : "statistics.base_year_incomplete",
        "base_year",
        reported === 0
          ? `Không có báo cáo sản lượng năm ${input.base_year} để làm gốc.`
          : `Năm gốc ${input.base_year} mới có báo cáo ${reported}/12 tháng; năm gốc phải đủ 12 tháng.`,
        reported === 0
          ? `No production reports in ${input.base_year} to base on.`
          : `Base year ${input.base_year} has reports for ${reported} of 12 months; a base year needs all twelve.`,
        reported,
      ),
    ]);
  if ((await repo.allBases(db)).some((b) => b.base_year === input.base_year || b.code === input.code))
    throw invalid([
      issue(
        "statistics.base_exists",
        "base_year",
        `Đã có gốc ${input.code} hoặc gốc năm ${input.base_year}.`,
        `A base ${input.code} or a base for ${input.base_year} already exists.`,
      ),
    ]);
  const averages = sumByGroup(rows, 12);
  return db.transaction().execute(async (trx) => {
    await repo.insertBase(
      trx,
      input.code,
      input.base_year,
      `${input.base_year + 1}-01-01`,
      input.note ?? null,
    );
    await repo.insertWeights(trx, [
      ...Object.entries(input.product_weights).map(([code, weight]) => ({
        base_code: input.code,
        kind: "product" as const,
        code,
        weight,
      })),
      ...Object.entries(input.class_weights).map(([code, weight]) => ({
        base_code: input.code,
        kind: "class" as const,
        code,
        weight,
      })),
    ]);
    const quantities = [...averages]
      .filter(([k, q]) => q > 0 && input.product_weights[k.split("|")[2] as string] !== undefined)
      .map(([k, quantity]) => {
        const [territory, ownership, product_code] = k.split("|") as [Territory, Ownership, string];
        return { base_code: input.code, territory, ownership, product_code, quantity };
      });
    await repo.insertBaseQuantities(trx, quantities);
    // Every base now holds a new stretch of months: drop what each no longer holds, and mark the
    // new base's months (its base year onwards) for computing.
    const spans = holdings(await repo.allBases(trx));
    for (const b of spans) await repo.pruneIndices(trx, b.code, b.from, b.to);
    const own = spans.find((b) => b.code === input.code) as Holding;
    const span = await repo.productionMonths(trx);
    await repo.mark(trx, monthsBetween(own.from ?? span.first, own.to ? addMonths(own.to, -1) : span.last));
    await recordAudit(trx, actor, {
      action: "establish_base",
      entityType: "iip_base",
      entityId: input.code,
      changes: {
        base_year: [null, input.base_year],
        products: [null, Object.keys(input.product_weights).length],
      },
    });
    return { products: Object.keys(input.product_weights).length, quantities: quantities.length };
  });
}

/** A base's weights and base quantities, as the computation reads them. */
async function baseContext(db: Db, code: string) {
  const [weightRows, baseRows] = await Promise.all([repo.weights(db, code), repo.baseQuantities(db, code)]);
  const productWeight = new Map(
    weightRows.filter((w) => w.kind === "product").map((w) => [w.code, w.weight]),
  );
  const classWeights = new Map(weightRows.filter((w) => w.kind === "class").map((w) => [w.code, w.weight]));
  return { code, productWeight, classWeights, baseRows };
}

/** One month's indices on one base, for every group and level. */
function monthIndices(
  base: Awaited<ReturnType<typeof baseContext>>,
  month: string,
  current: ReadonlyMap<string, number>,
): Insertable<StatIipIndexTable>[] {
  const vsicOf = (product: string) => product.slice(0, 4);
  const rows: Insertable<StatIipIndexTable>[] = [];
  for (const territory of TERRITORIES)
    for (const ownership of OWNERSHIPS) {
      const items: BasketItem[] = base.baseRows
        .filter(
          (b) =>
            b.territory === territory &&
            b.ownership === ownership &&
            base.classWeights.has(vsicOf(b.product_code)),
        )
        .map((b) => ({
          product: b.product_code,
          vsic: vsicOf(b.product_code),
          base_quantity: b.quantity,
          current_quantity: current.get(groupKey(territory, ownership, b.product_code)) ?? 0,
          weight: base.productWeight.get(b.product_code) ?? 0,
        }))
        .filter((it) => it.weight > 0);
      if (items.length === 0) continue;
      const r = computeIip(items, base.classWeights);
      const add = (
        level: StatIipIndexTable["level"],
        list: ReadonlyArray<{ code: string; index: number; weight: number }>,
      ) => {
        for (const l of list)
          rows.push({
            base_code: base.code,
            month,
            territory,
            ownership,
            level,
            code: l.code,
            index: l.index,
            weight: l.weight,
          });
      };
      add("total", [{ code: "", index: r.total, weight: r.sections.reduce((a, s) => a + s.weight, 0) }]);
      add("section", r.sections);
      add("division", r.divisions);
      add("class", r.classes);
    }
  return rows;
}

/**
 * Computes and stores the indices of the given months on every base that holds them (every group
 * and level), one transaction per month.
 */
export async function computeMonths(
  db: Db,
  months: readonly string[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ months: number; rows: number }> {
  const spans = holdings(await repo.allBases(db));
  if (spans.length === 0) return { months: 0, rows: 0 };
  // Every month's sums in one pass over the span (a month not asked for is left alone).
  const sorted = [...months].sort();
  const all = sorted.length
    ? Map.groupBy(
        await repo.groupedQuantities(db, sorted[0] as string, sorted.at(-1) as string),
        (r) => r.month,
      )
    : new Map<string, Grouped[]>();
  const contexts = new Map<string, Awaited<ReturnType<typeof baseContext>>>();
  let stored = 0;
  for (const [i, month] of months.entries()) {
    const current = sumByGroup(all.get(month.slice(0, 10)) ?? []);
    const perBase: Array<[string, Insertable<StatIipIndexTable>[]]> = [];
    for (const h of spans.filter((b) => holds(b, month))) {
      if (!contexts.has(h.code)) contexts.set(h.code, await baseContext(db, h.code));
      perBase.push([
        h.code,
        monthIndices(contexts.get(h.code) as Awaited<ReturnType<typeof baseContext>>, month, current),
      ]);
    }
    await db.transaction().execute(async (trx) => {
      for (const [code, rows] of perBase) await repo.replaceIndices(trx, code, month, rows);
      await repo.unmark(trx, [month]);
    });
    stored += perBase.reduce((a, [, rows]) => a + rows.length, 0);
    onProgress(i + 1, months.length);
  }
  return { months: months.length, rows: stored };
}

/** The months a revision marked; or, with `all`, every month from the earliest report to the latest. */
export async function recompute(
  db: Db,
  options: { all?: boolean; onProgress?: (done: number, total: number) => void } = {},
) {
  const started = performance.now();
  let months = await repo.markedMonths(db);
  if (options.all) {
    const span = await repo.productionMonths(db);
    months = monthsBetween(span.first, span.last);
  }
  const result = await computeMonths(db, months, options.onProgress);
  return { ...result, ms: Math.round(performance.now() - started) };
}

export interface SeriesQuery {
  territory: Territory;
  ownership: Ownership;
  level: "total" | "section" | "division" | "class";
  code: string;
  from: string;
  to: string;
  /** The base the series is expressed on (= 100 in its base year); the newest if not given. */
  base?: string | undefined;
}

/** The bases, oldest first, with the months each holds and whether it is the one in use. */
export async function bases(db: Db) {
  const all = await repo.allBases(db);
  const spans = holdings(all);
  const current = all.at(-1)?.code;
  return all.map((b, i) => ({
    code: b.code,
    base_year: b.base_year,
    valid_from: b.valid_from,
    note: b.note,
    holds_from: spans[i]?.from?.slice(0, 7) ?? null,
    holds_to: spans[i]?.to ? addMonths(spans[i]?.to as string, -1).slice(0, 7) : null,
    current: b.code === current,
  }));
}

async function referenceBase(db: Db, code: string | undefined) {
  const all = await repo.allBases(db);
  if (code === undefined) return { all, reference: all.at(-1) };
  const reference = all.find((b) => b.code === code);
  if (!reference)
    throw invalid([
      issue("statistics.base_unknown", "base", `Không có gốc ${code}.`, `There is no base ${code}.`),
    ]);
  return { all, reference };
}

/**
 * Indices on the reference base (stretches on other bases re-referenced and chain-linked,
 * `linkedSeries`), and against the same month of last year, the previous month and the year to
 * date. Each growth is a ratio on one base that holds both periods (nearest the reference where two
 * do), so it is what was computed with that base's weights and its contributions add up to it.
 */
export async function series(db: Db, q: SeriesQuery) {
  const { all, reference } = await referenceBase(db, q.base);
  if (!reference) return { base: null, points: [] };
  const rows = await repo.series(db, q);
  const segments = all.map((b) => ({
    code: b.code,
    base_year: b.base_year,
    points: new Map(rows.filter((r) => r.base_code === b.code).map((r) => [r.month.slice(0, 7), r.index])),
  }));
  const linked = linkedSeries(segments, reference.code);
  const r = all.indexOf(reference);
  const byNearness = segments
    .map((sg, k) => [sg, k] as const)
    .sort((a, b) => Math.abs(a[1] - r) - Math.abs(b[1] - r) || b[1] - a[1])
    .map(([sg]) => sg.points);
  /**
   * Σ now / Σ then × 100 on the nearest base that holds every month of both; none when the earlier
   * period produced nothing (growth against nothing is not a number). A month that produced nothing
   * now is a fall of 100 %.
   */
  const ratio = (now: readonly string[], then: readonly string[]): number | null => {
    const points = byNearness.find((p) => [...now, ...then].every((m) => p.has(m)));
    if (!points) return null;
    const sum = (ms: readonly string[]) => ms.reduce((a, m) => a + (points.get(m) as number), 0);
    return sum(then) > 0 ? (sum(now) / sum(then)) * 100 : null;
  };
  const shift = (m: string, n: number) => addMonths(`${m}-01`, n).slice(0, 7);
  const points = [...linked]
    .filter(([m]) => m >= q.from && m <= q.to)
    .map(([m, { index, base }]) => {
      const months = Array.from(
        { length: Number(m.slice(5)) },
        (_, k) => `${m.slice(0, 4)}-${String(k + 1).padStart(2, "0")}`,
      );
      return {
        month: m,
        index,
        computed_on: base,
        vs_same_month: ratio([m], [shift(m, -12)]),
        vs_previous_month: ratio([m], [shift(m, -1)]),
        year_to_date: ratio(
          months,
          months.map((x) => shift(x, -12)),
        ),
      };
    });
  return { base: { code: reference.code, base_year: reference.base_year }, points };
}

/**
 * Contributions of a level's components to the total's growth against the same month of last year,
 * in points, on the base that holds both months (nearest the reference where two do: contributions
 * add up only within one base's weights).
 */
export async function contributionsAt(
  db: Db,
  q: {
    territory: Territory;
    ownership: Ownership;
    level: "section" | "division";
    month: string;
    base?: string | undefined;
  },
) {
  const { all, reference } = await referenceBase(db, q.base);
  if (!reference) return [];
  const month = `${q.month}-01`;
  const r = all.indexOf(reference);
  const spans = holdings(all)
    .map((h, k) => [h, k] as const)
    .filter(([h]) => holds(h, month) && holds(h, addMonths(month, -12)))
    .sort((a, b) => Math.abs(a[1] - r) - Math.abs(b[1] - r) || b[1] - a[1]);
  const base = spans[0]?.[0];
  if (!base) return [];
  const [now, then] = await Promise.all([
    repo.levelAt(db, { ...q, base: base.code, month }),
    repo.levelAt(db, { ...q, base: base.code, month: addMonths(month, -12) }),
  ]);
  // Every component counts, one that produced nothing a year ago too (its whole output is growth);
  // only a total that produced nothing a year ago has no growth to split.
  const before = new Map(then.map((t) => [t.code, t.index]));
  const parts = now.map((n) => ({
    code: n.code,
    now: n.index,
    before: before.get(n.code) ?? 0,
    weight: n.weight,
  }));
  const weights = parts.reduce((a, p) => a + p.weight, 0);
  const totalBefore = parts.reduce((a, p) => a + p.before * p.weight, 0) / (weights || 1);
  return parts.length && totalBefore > 0 ? contributions(parts) : [];
}
