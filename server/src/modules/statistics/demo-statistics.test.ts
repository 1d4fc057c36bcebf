import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { DEMO_GROWTH } from "./demo-statistics.ts";

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
    const parts = (
      await t.app.inject({ url: "/api/v1/statistics/iip/contributions?level=section&month=2024-06" })
    ).json();
    const june = (await t.app.inject({ url: "/api/v1/statistics/iip/series?from=2024-06&to=2024-06" })).json()
      .points[0];
    const sum = parts.reduce((a: number, p: { points: number }) => a + p.points, 0);
    expect(sum).toBeCloseTo(june.vs_same_month - 100, 9);
  });
});
