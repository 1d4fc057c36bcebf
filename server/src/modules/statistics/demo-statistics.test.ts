import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { DEMO_GROWTH, DEMO_STRUCTURE, rake } from "./demo-statistics.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ demo: true, statistics: true });
});
afterAll(() => t.close());

describe("the demo's production reports", () => {
  it("reproduce the published IIP growth of the city within rounding", async () => {
    const body = (
      await t.app.inject({ url: "/api/v1/statistics/iip/series?from=2018-01&to=2024-12" })
    ).json();
    expect(body.base).toMatchObject({ code: "2020", base_year: 2020 });
    const december = new Map(
      body.points.map((p: { month: string; year_to_date: number | null }) => [p.month, p.year_to_date]),
    );
    // The year to December against the last: 2019 +24,29 %, 2020 +14,58 %, 2021 +18,15 %, 2022 +14,56 %, 2024 +15,43 %.
    for (const year of [2019, 2020, 2021, 2022, 2024]) {
      const ytd = december.get(`${year}-12`) as number;
      expect(Math.round((ytd - 100) * 100) / 100).toBe(DEMO_GROWTH[year]);
    }
  });

  it("are flagged synthetic and add up to contributions that match the growth", async () => {
    const rows = (await t.inject({ url: "/api/v1/statistics/production?page_size=1" })).json();
    expect(rows.items[0]).toMatchObject({ is_synthetic: true, channel: "demo" });
    // An enterprise's own figure for a demo month replaces it and is no longer synthetic; only the
    // lines sent come back.
    const demo = rows.items[0];
    const sent = await t.inject({
      method: "POST",
      url: "/api/v1/statistics/production",
      payload: {
        tax_code: demo.enterprise_tax_code,
        month: demo.month,
        lines: [{ product: demo.product_code, quantity: demo.quantity, unit: demo.unit }],
      },
    });
    expect(sent.json()).toEqual([
      expect.objectContaining({ product_code: demo.product_code, is_synthetic: false, revision: 2 }),
    ]);
    const parts = (
      await t.app.inject({ url: "/api/v1/statistics/iip/contributions?level=section&month=2024-06" })
    ).json();
    const june = (await t.app.inject({ url: "/api/v1/statistics/iip/series?from=2024-06&to=2024-06" })).json()
      .points[0];
    const sum = parts.reduce((a: number, p: { points: number }) => a + p.points, 0);
    expect(sum).toBeCloseTo(june.vs_same_month - 100, 9);
  });

  it("reproduce the published ownership, electronics and high-tech shares within rounding", async () => {
    const round = (x: number) => Math.round(x * 100) / 100;
    for (const year of [2018, 2020, 2022, 2025]) {
      const s = (await t.app.inject({ url: `/api/v1/statistics/structure?year=${year}` })).json();
      expect(
        Object.fromEntries(
          s.by_ownership.map((o: { code: string; share: number }) => [o.code, round(o.share)]),
        ),
      ).toEqual(DEMO_STRUCTURE.ownership);
      expect(round(s.by_division.find((d: { code: string }) => d.code === "26").share)).toBe(
        DEMO_STRUCTURE.electronics,
      );
      expect(round(s.high_tech_share_manufacturing)).toBe(DEMO_STRUCTURE.highTechOfManufacturing);
    }
    // And the registry carries them as values computed from the (synthetic) reports.
    const values = (
      await t.app.inject({
        url: "/api/v1/statistics/indicators/electronics_share_output/values?status=synthetic",
      })
    ).json().items;
    expect(values.find((v: { period: string }) => v.period === "2020")).toMatchObject({
      value: expect.closeTo(45.68, 2),
      source_note: expect.stringContaining("báo cáo sản lượng"),
    });
  });
});

describe("raking a table to its margins", () => {
  it("meets row and column targets and refuses what cannot be met", () => {
    const cells = new Map([
      [
        "a",
        new Map([
          ["x", 1],
          ["y", 1],
        ]),
      ],
      [
        "b",
        new Map([
          ["x", 1],
          ["y", 3],
        ]),
      ],
    ]);
    const f = rake(
      cells,
      new Map([
        ["a", 60],
        ["b", 40],
      ]),
      new Map([
        ["x", 30],
        ["y", 70],
      ]),
    );
    const cell = (r: string, c: string) => (cells.get(r)?.get(c) as number) * (f.get(r)?.get(c) as number);
    expect(cell("a", "x") + cell("a", "y")).toBeCloseTo(60, 9);
    expect(cell("a", "x") + cell("b", "x")).toBeCloseTo(30, 9);
    expect(cell("b", "x") + cell("b", "y")).toBeCloseTo(40, 9);
    // Row b makes only y, row a only x: a (60) cannot give 70 of y.
    const stuck = new Map([
      ["a", new Map([["x", 1]])],
      ["b", new Map([["y", 1]])],
    ]);
    expect(() =>
      rake(
        stuck,
        new Map([
          ["a", 60],
          ["b", 40],
        ]),
        new Map([
          ["x", 30],
          ["y", 70],
        ]),
      ),
    ).toThrow(RangeError);
  });
});
