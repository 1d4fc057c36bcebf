import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScopedCity, E1, E2 } from "../../../test/scoped-city.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { establishBase, recompute } from "./iip-series.service.ts";
import { submitProduction } from "./production.service.ts";

let t: TestContext;
const months = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
const report = (taxCode: string, month: string, product: string, quantity: number, unit: string) =>
  submitProduction(t.handle.db, SYSTEM_ACTOR, {
    tax_code: taxCode,
    month,
    lines: [{ product, quantity, unit }],
  });

// Base 2020: phones (class 2630, value added 300) 100 a month from E1, pork (class 1010, value added
// 200) 50 a month from E2. In 2021: 120 phones and 45 t of pork a month, so the total is
// (120/100·100 × 300 + 45/50·100 × 200) / 500 = (36.000 + 18.000) / 500 = 108.
beforeAll(async () => {
  t = await createTestApp();
  await buildScopedCity(t);
  // E2 in Phường Thành Đông, which was in Hải Dương before the 2025 merger (west); E1 has no commune.
  const moved = await t.inject({
    method: "PATCH",
    url: `/api/v1/enterprises/${E2}`,
    payload: { commune_code: "10507" },
  });
  expect(moved.statusCode).toBe(200);
  for (const m of months(2020)) {
    await report(E1, m, "2630.01", 100, "nghìn chiếc");
    await report(E2, m, "1010.01", 50, "tấn");
  }
  for (const m of months(2021)) {
    await report(E1, m, "2630.01", 120, "nghìn chiếc");
    await report(E2, m, "1010.01", 45, "tấn");
  }
  await establishBase(t.handle.db, SYSTEM_ACTOR, {
    code: "2020",
    base_year: 2020,
    product_weights: { "2630.01": 1, "1010.01": 1 },
    class_weights: { "2630": 300, "1010": 200 },
  });
});
afterAll(() => t.close());

const series = (query: string) => t.app.inject({ url: `/api/v1/statistics/iip/series?${query}` });

describe("the IIP from production reports", () => {
  it("computes every month from the reports and the base, and derives growth on reading", async () => {
    const done = await recompute(t.handle.db, { all: true });
    expect(done.months).toBe(24);
    const body = (await series("from=2021-01&to=2021-12")).json();
    expect(body.base).toEqual({ code: "2020", base_year: 2020 });
    expect(body.points).toHaveLength(12);
    expect(body.points[0]).toMatchObject({
      month: "2021-01",
      index: expect.closeTo(108, 9),
      vs_same_month: expect.closeTo(108, 9),
    });
    expect(body.points[1].vs_previous_month).toBeCloseTo(100, 9);
    expect(body.points[11].year_to_date).toBeCloseTo(108, 9);
    const phones = (await series("level=division&code=26&from=2021-06&to=2021-06")).json();
    expect(phones.points[0].index).toBeCloseTo(120, 9);
  });

  it("gives contributions of divisions that add up to the total's growth", async () => {
    const res = (
      await t.app.inject({ url: "/api/v1/statistics/iip/contributions?level=division&month=2021-06" })
    ).json();
    expect(res).toEqual([
      { code: "10", points: expect.closeTo(-4, 9) },
      { code: "26", points: expect.closeTo(12, 9) },
    ]);
  });

  it("gives the structure of production value at base-year prices, its shares adding up to 100", async () => {
    const body = (await t.app.inject({ url: "/api/v1/statistics/structure?year=2021" })).json();
    // At base-year prices phones are worth 1/1.200 and pork 1/600 a unit: 1.440 phones = 1,2 and
    // 540 t of pork = 0,9; the high-tech share of manufacturing is 1,2 / 2,1.
    expect(body.total_value).toBeCloseTo(2.1, 9);
    expect(body.by_ownership).toEqual([
      { code: "foreign", value: expect.closeTo(2.1, 9), share: expect.closeTo(100, 9) },
    ]);
    expect(body.ownership_sum).toBeCloseTo(100, 9);
    expect(body.by_division.map((d: { code: string; share: number }) => [d.code, d.share])).toEqual([
      ["10", expect.closeTo((0.9 / 2.1) * 100, 9)],
      ["26", expect.closeTo((1.2 / 2.1) * 100, 9)],
    ]);
    expect(body.high_tech_share_manufacturing).toBeCloseTo((1.2 / 2.1) * 100, 9);
  });

  it("recomputes only the months a revision touched", async () => {
    await report(E1, "2021-03", "2630.01", 150, "nghìn chiếc");
    const done = await recompute(t.handle.db);
    expect(done.months).toBe(1);
    const march = (await series("from=2021-03&to=2021-03")).json().points[0];
    // (150 × 300 + 90 × 200) / 500 = 126.
    expect(march.index).toBeCloseTo(126, 9);
  });

  it("breaks the city down by the old provinces and by ownership", async () => {
    const [west, east, foreign] = await Promise.all([
      series("territory=west&from=2021-01&to=2021-01"),
      series("territory=east&from=2021-01&to=2021-01"),
      series("ownership=foreign&level=division&code=26&from=2021-01&to=2021-01"),
    ]);
    // The west holds E2's pork only: 45/50 · 100 = 90; nothing reported in the east.
    expect(west.json().points[0].index).toBeCloseTo(90, 9);
    expect(east.json().points).toEqual([]);
    expect(foreign.json().points[0].index).toBeCloseTo(120, 9);
  });

  it("lets only officials recompute and set bases", async () => {
    const officer = await t.user("environment_inspector");
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/statistics/iip/recompute",
          headers: officer.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.inject({ method: "POST", url: "/api/v1/statistics/iip/recompute", payload: {} });
    expect(res.json()).toMatchObject({ months: 0 });
  });
});
