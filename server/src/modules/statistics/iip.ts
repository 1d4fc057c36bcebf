/**
 * The index of industrial production (IIP) by the national method. Pure: no I/O.
 *
 * 1. Product relative: this period's quantity against the base year's monthly average, × 100.
 * 2. VSIC class (4 digits): the mean of its products' relatives weighted by their base-year
 *    output value.
 * 3. Division (2 digits), section (B–E) and total: the mean of their classes' indices weighted by the
 *    classes' base-year value added.
 * Indices against the same month of last year, the previous month or the same period to date are
 * ratios of indices on the base year; a component's contribution to the total's growth, in
 * percentage points, is its change weighted by its share of the base-year value added, over the
 * total's earlier index, so the contributions add up to the total's growth.
 */

export interface BasketItem {
  /** Product code (the product list's, or any unique key). */
  product: string;
  /** VSIC 2025 class (4 digits) the product belongs to. */
  vsic: string;
  /** Base year's monthly average quantity. */
  base_quantity: number;
  current_quantity: number;
  /** Base-year output value: the product's weight inside its class. */
  weight: number;
}

export interface Level {
  code: string;
  index: number;
  /** Base-year value added of the level (its weight one level up). */
  weight: number;
}

export interface IipResult {
  products: Array<{ product: string; vsic: string; relative: number }>;
  classes: Level[];
  divisions: Level[];
  sections: Level[];
  total: number;
}

/** The section letter of a VSIC division (2 digits), industry only (B–E). */
export function sectionOf(division: string): "B" | "C" | "D" | "E" {
  const n = Number(division);
  if (n >= 5 && n <= 9) return "B";
  if (n >= 10 && n <= 33) return "C";
  if (n === 35) return "D";
  if (n >= 36 && n <= 39) return "E";
  throw new RangeError(`VSIC division ${division} is not industry (B–E)`);
}

function weighted(parts: ReadonlyArray<{ index: number; weight: number }>): number {
  const w = parts.reduce((a, p) => a + p.weight, 0);
  if (!(w > 0)) throw new RangeError("weights must add up to more than zero");
  return parts.reduce((a, p) => a + p.index * p.weight, 0) / w;
}

function group(levels: readonly Level[], key: (code: string) => string): Level[] {
  const by = Map.groupBy(levels, (l) => key(l.code));
  return [...by]
    .map(([code, parts]) => ({
      code,
      index: weighted(parts),
      weight: parts.reduce((a, p) => a + p.weight, 0),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Indices on the base year (= 100) for a basket, with `classWeights` the base-year value added of
 * each VSIC class present. Stored values stay unrounded; rounding is for display only.
 */
export function computeIip(
  items: readonly BasketItem[],
  classWeights: ReadonlyMap<string, number>,
): IipResult {
  const products = items.map((i) => {
    if (!(i.base_quantity > 0))
      throw new RangeError(`product ${i.product}: the base quantity must be above zero`);
    return { product: i.product, vsic: i.vsic, relative: (i.current_quantity / i.base_quantity) * 100 };
  });
  const classes = [...Map.groupBy(items, (i) => i.vsic)]
    .map(([code, list]) => {
      const weight = classWeights.get(code);
      if (weight === undefined) throw new RangeError(`class ${code} has no value-added weight`);
      const index = weighted(
        list.map((i) => ({ index: (i.current_quantity / i.base_quantity) * 100, weight: i.weight })),
      );
      return { code, index, weight };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const divisions = group(classes, (c) => c.slice(0, 2));
  const sections = group(divisions, sectionOf);
  return { products, classes, divisions, sections, total: weighted(sections) };
}

/** Growth in per cent between two indices on the same base (index now against index then). */
export const growth = (now: number, then: number): number => (now / then - 1) * 100;

/** An index against another period, × 100 (same month last year, previous month). */
export const relativeTo = (now: number, then: number): number => (now / then) * 100;

/** Year to date against the same months of last year: the ratio of the months' summed indices, × 100. */
export function yearToDate(thisYear: readonly number[], lastYear: readonly number[]): number {
  if (thisYear.length !== lastYear.length || thisYear.length === 0)
    throw new RangeError("year to date needs the same months in both years");
  return (thisYear.reduce((a, b) => a + b, 0) / lastYear.reduce((a, b) => a + b, 0)) * 100;
}

/**
 * Contributions of components (sections or divisions) to the total's growth, in percentage points:
 * (component now − component before) × its value-added share / total before × 100. They add up to the
 * total's growth when the total is the weighted mean of the components.
 */
export function contributions(
  components: ReadonlyArray<{ code: string; now: number; before: number; weight: number }>,
): Array<{ code: string; points: number }> {
  const sum = components.reduce((a, c) => a + c.weight, 0);
  const totalThen = components.reduce((a, c) => a + (c.before * c.weight) / sum, 0);
  return components.map((c) => ({
    code: c.code,
    points: (((c.now - c.before) * c.weight) / sum / totalThen) * 100,
  }));
}

/**
 * Chain-links a series after a change of base year: indices on the new base are multiplied by the
 * old series' average over the new base year (÷ 100), so the linked series continues the old one.
 */
export function chainLink(oldSeriesOverNewBaseYear: readonly number[], newBaseIndex: number): number {
  if (oldSeriesOverNewBaseYear.length === 0)
    throw new RangeError("the link needs the old series over the new base year");
  const link = oldSeriesOverNewBaseYear.reduce((a, b) => a + b, 0) / oldSeriesOverNewBaseYear.length;
  return (newBaseIndex * link) / 100;
}

/** One base's own stretch of a series: its base year and its indices (on that base, = 100) by month "YYYY-MM". */
export interface Segment {
  code: string;
  base_year: number;
  points: ReadonlyMap<string, number>;
}

/**
 * Joins the stretches of a series computed on successive bases into one series on the `reference`
 * base (annual overlap): each later base also holds its own base year, and the link between two
 * bases is the earlier one's average over the later one's base year (all twelve months; a missing
 * month breaks the link, and months beyond a broken link are left out). Months on an earlier base
 * are divided by the links up to the reference (re-referenced: the reference base year averages
 * 100), months on a later base multiplied by them (chain-linked, as `chainLink`). Where two bases
 * hold a month, the one nearest the reference gives it. Growth within a stretch is unchanged;
 * the year-on-year growth of the overlap year is the earlier base's, as published at the time.
 */
export function linkedSeries(
  segments: readonly Segment[],
  reference: string,
): Map<string, { index: number; base: string }> {
  const sorted = [...segments].sort((a, b) => a.base_year - b.base_year);
  const r = sorted.findIndex((s) => s.code === reference);
  if (r < 0) throw new RangeError(`unknown reference base ${reference}`);
  // links[j]: base j's average over base j+1's base year, / 100.
  const links = sorted.slice(0, -1).map((s, j) => {
    const year = (sorted[j + 1] as Segment).base_year;
    const months = Array.from({ length: 12 }, (_, k) =>
      s.points.get(`${year}-${String(k + 1).padStart(2, "0")}`),
    );
    return months.every((v) => v !== undefined && v > 0)
      ? (months as number[]).reduce((a, b) => a + b, 0) / 1200
      : Number.NaN;
  });
  const factor = (k: number): number => {
    let f = 1;
    for (let j = k; j < r; j++) f /= links[j] as number;
    for (let j = r; j < k; j++) f *= links[j] as number;
    return f;
  };
  const out = new Map<string, { index: number; base: string }>();
  const months = new Set(sorted.flatMap((s) => [...s.points.keys()]));
  for (const month of [...months].sort()) {
    const holders = sorted.map((s, k) => [s, k] as const).filter(([s]) => s.points.has(month));
    holders.sort((a, b) => Math.abs(a[1] - r) - Math.abs(b[1] - r) || b[1] - a[1]);
    const [segment, k] = holders[0] as readonly [Segment, number];
    const f = factor(k);
    if (Number.isFinite(f))
      out.set(month, { index: (segment.points.get(month) as number) * f, base: segment.code });
  }
  return out;
}
