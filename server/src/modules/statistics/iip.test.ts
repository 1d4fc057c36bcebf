import { describe, expect, it } from "vitest";
import { readCsv } from "../reference/reference-files.ts";
import {
  chainLink,
  computeIip,
  contributions,
  growth,
  linkedSeries,
  relativeTo,
  sectionOf,
  yearToDate,
} from "./iip.ts";

// A worked example, computed by hand:
//   class 1010: (120/100·100 × 30 + 45/50·100 × 70) / 100 = (3.600 + 6.300) / 100 = 99
//   class 2610: 15/10 · 100 = 150;  class 3510: 1.100/1.000 · 100 = 110
//   section C (VA 200 + 300): (99 × 200 + 150 × 300) / 500 = 129,6;  section D: 110
//   total (VA 500 + 500): (129,6 × 500 + 110 × 500) / 1.000 = 119,8
const basket = [
  { product: "P1", vsic: "1010", base_quantity: 100, current_quantity: 120, weight: 30 },
  { product: "P2", vsic: "1010", base_quantity: 50, current_quantity: 45, weight: 70 },
  { product: "P3", vsic: "2610", base_quantity: 10, current_quantity: 15, weight: 1 },
  { product: "P4", vsic: "3510", base_quantity: 1000, current_quantity: 1100, weight: 1 },
];
const valueAdded = new Map([
  ["1010", 200],
  ["2610", 300],
  ["3510", 500],
]);

describe("the IIP of a basket", () => {
  it("weights product relatives by output value into classes, and classes by value added upwards", () => {
    const r = computeIip(basket, valueAdded);
    // Unrounded: 1.100 / 1.000 · 100 is 110,00000000000001 in binary floating point.
    expect(r.products.map((p) => p.relative)).toEqual([120, 90, 150, expect.closeTo(110, 12)]);
    expect(r.classes.map((c) => [c.code, c.index])).toEqual([
      ["1010", 99],
      ["2610", 150],
      ["3510", expect.closeTo(110, 12)],
    ]);
    expect(r.divisions.map((d) => [d.code, d.index, d.weight])).toEqual([
      ["10", 99, 200],
      ["26", 150, 300],
      ["35", expect.closeTo(110, 12), 500],
    ]);
    expect(r.sections.map((s) => [s.code, s.index])).toEqual([
      ["C", expect.closeTo(129.6, 10)],
      ["D", expect.closeTo(110, 12)],
    ]);
    expect(r.total).toBeCloseTo(119.8, 10);
  });

  it("refuses a product without a base quantity and a class without a weight", () => {
    expect(() => computeIip([{ ...basket[0], base_quantity: 0 } as (typeof basket)[0]], valueAdded)).toThrow(
      /P1/,
    );
    expect(() => computeIip(basket, new Map([["1010", 1]]))).toThrow(/2610/);
  });

  it("maps divisions to the industrial sections B–E", () => {
    expect(["05", "09", "10", "33", "35", "36", "39"].map(sectionOf)).toEqual([
      "B",
      "B",
      "C",
      "C",
      "D",
      "E",
      "E",
    ]);
    expect(() => sectionOf("41")).toThrow();
  });
});

describe("indices between periods", () => {
  it("compares with the same month last year, the previous month, and the year to date", () => {
    expect(relativeTo(119.8, 110)).toBeCloseTo(108.909_090_9, 6);
    expect(growth(119.8, 110)).toBeCloseTo(8.909_090_9, 6);
    expect(yearToDate([110, 120], [100, 100])).toBeCloseTo(115, 12);
    expect(() => yearToDate([110], [100, 100])).toThrow();
  });

  it("gives contributions of sections in percentage points that add up to the total's growth", () => {
    const parts = [
      { code: "C", now: 129.6, before: 120, weight: 500 },
      { code: "D", now: 110, before: 100, weight: 500 },
    ];
    const c = contributions(parts);
    expect(c.map((x) => x.points)).toEqual([expect.closeTo(4.363_636, 5), expect.closeTo(4.545_454, 5)]);
    const total = growth(119.8, 110);
    expect(c.reduce((a, x) => a + x.points, 0)).toBeCloseTo(total, 10);
  });

  it("chain-links a new base onto the old series through the new base year's average", () => {
    expect(chainLink([140, 160], 110)).toBe(165);
    expect(() => chainLink([], 100)).toThrow();
  });
});

describe("a change of base", () => {
  // Base 2015 holds 2019 (every month 120) and 2020 (140 to June, 160 from July: average 150, the
  // link 1,5). Base 2020 holds its own year (95 to June, 105 from July: average 100) and 2021 (110).
  const months = (year: number, value: (m: number) => number) =>
    Array.from(
      { length: 12 },
      (_, k) => [`${year}-${String(k + 1).padStart(2, "0")}`, value(k + 1)] as const,
    );
  const old = {
    code: "2015",
    base_year: 2015,
    points: new Map([...months(2019, () => 120), ...months(2020, (m) => (m <= 6 ? 140 : 160))]),
  };
  const next = {
    code: "2020",
    base_year: 2020,
    points: new Map([...months(2020, (m) => (m <= 6 ? 95 : 105)), ...months(2021, () => 110)]),
  };

  it("re-references the old stretch onto the new base and keeps its growth", () => {
    const s = linkedSeries([next, old], "2020");
    expect(s.get("2019-03")).toEqual({ index: 80, base: "2015" });
    expect(s.get("2020-03")).toEqual({ index: 95, base: "2020" });
    expect(s.get("2021-12")).toEqual({ index: 110, base: "2020" });
    const year = (y: number) => months(y, () => 0).reduce((a, [m]) => a + (s.get(m)?.index as number), 0);
    // 2020 against 2019 on the linked series is the old base's own growth: 150 / 120.
    expect(year(2020) / year(2019)).toBeCloseTo(1.25, 12);
    expect(year(2020) / 12).toBeCloseTo(100, 12);
  });

  it("chain-links the new stretch onto the old base", () => {
    const s = linkedSeries([old, next], "2015");
    expect(s.get("2019-03")?.index).toBe(120);
    expect(s.get("2020-08")).toEqual({ index: 160, base: "2015" });
    expect(s.get("2021-05")?.index).toBeCloseTo(chainLink([140, 160], 110), 12);
  });

  it("leaves out what lies beyond a link with a missing month", () => {
    const gap = { ...old, points: new Map([...old.points].filter(([m]) => m !== "2020-11")) };
    const s = linkedSeries([gap, next], "2020");
    expect(s.has("2019-03")).toBe(false);
    expect(s.get("2020-11")?.index).toBe(105);
    expect(() => linkedSeries([old], "2020")).toThrow(/unknown reference/);
  });
});

describe("the published contribution tables", () => {
  it("add up to the published growth within their rounding", async () => {
    const rows = await readCsv("haiphong-published-figures/indicators.csv");
    const tables = rows
      .filter((r) => r.indicator === "IIP growth yoy")
      .map((r) => {
        const note = r.source_note ?? "";
        // "contributions C +16.11, E +0.02, D -0.87, B -0.09 pp", or "B -9.92 (-0.02pp), C +16.21 (+15.61pp)".
        const listed = /contributions (.*) pp/.exec(note);
        const points = listed
          ? [...(listed[1] as string).matchAll(/\b[BCDE] ([+-]\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]))
          : [...note.matchAll(/\b[BCDE] [+-][\d.]+ \(([+-][\d.]+)pp\)/g)].map((m) => Number(m[1]));
        return { period: r.period, growth: Number(r.value), points };
      })
      .filter((t) => t.points.length > 0);
    expect(tables.map((t) => [t.period, t.points.length])).toEqual([
      ["2025-01", 4],
      ["2025-01..04", 4],
    ]);
    for (const t of tables) {
      const sum = t.points.reduce((a, b) => a + b, 0);
      // Each published figure is rounded to 0,01: the sum may be off by half of that per term.
      expect(Math.abs(sum - t.growth)).toBeLessThanOrEqual(0.005 * (t.points.length + 1) + 1e-9);
    }
  });
});
