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

  it("feeds the indicators with values computed from the reports, replacing them at each recomputation", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/statistics/iip/recompute",
      payload: { all: true },
    });
    expect(res.json()).toMatchObject({ months: 24, indicator_values: expect.any(Number) });
    const values = async (code: string) =>
      (
        await t.app.inject({
          url: `/api/v1/statistics/indicators/${code}/values?status=computed&page_size=200`,
        })
      ).json().items as Array<{ period: string; territory: string; breakdown_code: string; value: number }>;
    const growth = await values("iip_growth");
    // 2021 against 2020: eleven months at 108 and March at 126, against 100 a month: +9,5 %.
    expect(growth.filter((v) => v.period === "2021" && v.breakdown_code === "")).toEqual([
      expect.objectContaining({ territory: "city", value: expect.closeTo(9.5, 9) }),
      expect.objectContaining({ territory: "west", value: expect.closeTo(-10, 9) }),
    ]);
    expect(growth.find((v) => v.period === "2021" && v.breakdown_code === "C")?.value).toBeCloseTo(9.5, 9);
    // 1.470 phones at 1/1.200 against 540 t of pork at 1/600: 1,225 of 2,125.
    const electronics = await values("electronics_share_output");
    expect(electronics.map((v) => [v.period, v.value])).toEqual([
      ["2020", expect.closeTo(50, 9)],
      ["2021", expect.closeTo((1.225 / 2.125) * 100, 9)],
    ]);
    const shares = await values("production_value_share");
    expect(shares.map((v) => [v.period, v.breakdown_code, v.value])).toContainEqual(["2021", "fdi", 100]);
    // A revision and a recomputation replace the derived values rather than adding to them.
    await report(E1, "2021-03", "2630.01", 120, "nghìn chiếc");
    await t.inject({ method: "POST", url: "/api/v1/statistics/iip/recompute", payload: {} });
    const again = (await values("iip_growth")).filter((v) => v.period === "2021" && v.territory === "city");
    expect(again).toHaveLength(2);
    expect(again.find((v) => v.breakdown_code === "")?.value).toBeCloseTo(8, 9);
    await report(E1, "2021-03", "2630.01", 150, "nghìn chiếc");
    await t.inject({ method: "POST", url: "/api/v1/statistics/iip/recompute", payload: {} });
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

// A new base 2021 with other weights (phones value added 500, pork 100). In 2022: 150 phones and
// 40 t of pork a month, so on base 2021 (120 and 45 a month) the total is
// (125 × 500 + 88,89 × 100) / 600 = 118,98; the link to base 2020 is its 2021 average, 108.
describe("a change of base", () => {
  const onBase2021 = (125 * 500 + (40 / 45) * 100 * 100) / 600;
  beforeAll(async () => {
    await report(E1, "2021-03", "2630.01", 120, "nghìn chiếc");
    for (const m of months(2022)) {
      await report(E1, m, "2630.01", 150, "nghìn chiếc");
      await report(E2, m, "1010.01", 40, "tấn");
    }
    await recompute(t.handle.db);
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/statistics/iip/bases",
      payload: {
        code: "2021",
        base_year: 2021,
        product_weights: { "2630.01": 1, "1010.01": 1 },
        class_weights: { "2630": 500, "1010": 100 },
      },
    });
    expect(res.statusCode).toBe(201);
    // The new base's months (2021 onwards) are marked; base 2020 no longer holds 2022.
    expect((await recompute(t.handle.db)).months).toBe(24);
  });

  it("re-references the old stretch and chain-links the series on the new base", async () => {
    const body = (await series("from=2020-06&to=2022-12")).json();
    expect(body.base).toEqual({ code: "2021", base_year: 2021 });
    const at = (m: string) => body.points.find((p: { month: string }) => p.month === m);
    expect(at("2020-06")).toMatchObject({ index: expect.closeTo(100 / 1.08, 9), computed_on: "2020" });
    expect(at("2021-06")).toMatchObject({ index: expect.closeTo(100, 9), computed_on: "2021" });
    expect(at("2022-06")).toMatchObject({ index: expect.closeTo(onBase2021, 9), computed_on: "2021" });
    // Growth is read on the base that holds both months: 2021 against 2020 on base 2020.
    expect(at("2021-06").vs_same_month).toBeCloseTo(108, 9);
    expect(at("2022-06").vs_same_month).toBeCloseTo(onBase2021, 9);
    expect(at("2022-12").year_to_date).toBeCloseTo(onBase2021, 9);
    const old = (await series("base=2020&from=2022-06&to=2022-06")).json();
    expect(old.base).toEqual({ code: "2020", base_year: 2020 });
    expect(old.points[0].index).toBeCloseTo(onBase2021 * 1.08, 9);
  });

  it("gives contributions on the new base's weights that add up to its growth", async () => {
    const res = (
      await t.app.inject({ url: "/api/v1/statistics/iip/contributions?level=division&month=2022-06" })
    ).json();
    expect(res).toEqual([
      { code: "10", points: expect.closeTo(((40 / 45 - 1) * 100 * 100) / 600, 9) },
      { code: "26", points: expect.closeTo((25 * 500) / 600, 9) },
    ]);
    expect(res[0].points + res[1].points).toBeCloseTo(onBase2021 - 100, 9);
  });

  it("exports the series, the contributions and the structure as CSV, XLSX and SDMX-CSV", async () => {
    const sdmx = await t.app.inject({
      url: "/api/v1/statistics/iip/series/export?format=sdmx&ownership=foreign&level=division&code=26&from=2022-06&to=2022-06",
    });
    expect(sdmx.headers["content-type"]).toContain("application/vnd.sdmx.data+csv");
    const lines = sdmx.body.split("\r\n");
    expect(lines[0]).toBe(
      "DATAFLOW,REF_AREA,INDICATOR,BREAKDOWN,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,SOURCE",
    );
    // Phones on base 2021: 150 / 120 = 125, against the same month 125 %, the previous month 100 %.
    expect(lines.slice(1, 4)).toEqual([
      "HPI:INDUSTRY_STATS(1.0),VN31,IIP_B2021,OWNERSHIP_FDI+INDUSTRY_26,2022-06,125,IX,A,",
      "HPI:INDUSTRY_STATS(1.0),VN31,IIP_YOY,OWNERSHIP_FDI+INDUSTRY_26,2022-06,125,IX,A,",
      "HPI:INDUSTRY_STATS(1.0),VN31,IIP_MOM,OWNERSHIP_FDI+INDUSTRY_26,2022-06,100,IX,A,",
    ]);
    const csv = await t.app.inject({
      url: "/api/v1/statistics/iip/series/export?from=2022-01&to=2022-12",
      headers: { "accept-language": "en" },
    });
    expect(csv.body.split("\n")[0]).toContain("Index on the base year");
    expect(csv.body.trim().split("\n")).toHaveLength(13);
    // In the table's order, newest first.
    const sorted = await t.app.inject({
      url: "/api/v1/statistics/iip/series/export?from=2022-01&to=2022-12&sort=-month",
    });
    expect(sorted.body.split("\n")[1]?.startsWith("2022-12")).toBe(true);
    const xlsx = await t.app.inject({
      url: "/api/v1/statistics/iip/contributions/export?format=xlsx&level=division&month=2022-06",
    });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const contributions = await t.app.inject({
      url: "/api/v1/statistics/iip/contributions/export?format=sdmx&level=division&month=2022-06",
    });
    expect(contributions.body).toContain(",IIP_YOY_CONTRIBUTION,INDUSTRY_26,2022-06,20.83333333333333");
    const structure = await t.app.inject({
      url: "/api/v1/statistics/structure/export?format=sdmx&year=2022",
    });
    expect(structure.body).toContain(",PRODUCTION_VALUE_SHARE,OWNERSHIP_FDI,2022,100,PT,A,");
  });

  it("lists the bases with the months each holds, and refuses a second base for a year", async () => {
    const bases = (await t.app.inject({ url: "/api/v1/statistics/iip/bases" })).json();
    expect(
      bases.map((b: { code: string; holds_from: string; holds_to: string; current: boolean }) => [
        b.code,
        b.holds_from,
        b.holds_to,
        b.current,
      ]),
    ).toEqual([
      ["2020", null, "2021-12", false],
      ["2021", "2021-01", null, true],
    ]);
    const again = await t.inject({
      method: "POST",
      url: "/api/v1/statistics/iip/bases",
      payload: {
        code: "2021b",
        base_year: 2021,
        product_weights: { "2630.01": 1 },
        class_weights: { "2630": 1 },
      },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details[0]).toMatchObject({
      field: "base_year",
      code: "statistics.base_exists",
    });
    const unknown = await series("base=1999&from=2022-01&to=2022-01");
    expect(unknown.statusCode).toBe(422);
  });

  it("counts a component that produced nothing a year before, and a month that produced nothing", async () => {
    // No pork in June 2021: a year later the total (125 × 500 + 88,89 × 100) / 600 stands against
    // (100 × 500 + 0) / 600 = 83,33, and pork's whole output counts as its contribution.
    await report(E2, "2021-06", "1010.01", 0, "tấn");
    await report(E1, "2022-08", "2630.01", 0, "nghìn chiếc");
    await report(E2, "2022-08", "1010.01", 0, "tấn");
    await recompute(t.handle.db);
    const before = (100 * 500) / 600;
    const june = (await series("from=2022-06&to=2022-06")).json().points[0];
    expect(june.vs_same_month).toBeCloseTo((onBase2021 / before) * 100, 9);
    const parts = (
      await t.app.inject({ url: "/api/v1/statistics/iip/contributions?level=division&month=2022-06" })
    ).json();
    expect(parts).toEqual([
      { code: "10", points: expect.closeTo((((40 / 45) * 100 * 100) / 600 / before) * 100, 9) },
      { code: "26", points: expect.closeTo(((25 * 500) / 600 / before) * 100, 9) },
    ]);
    expect(parts[0].points + parts[1].points).toBeCloseTo(june.vs_same_month - 100, 9);
    // Nothing produced in August 2022: a fall of 100 %, not a missing figure.
    const august = (await series("from=2022-08&to=2022-08")).json().points[0];
    expect(august).toMatchObject({ index: 0, vs_same_month: 0 });
  });

  it("refuses a base year without reports for all twelve months", async () => {
    await report(E1, "2023-01", "2630.01", 150, "nghìn chiếc");
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/statistics/iip/bases",
      payload: {
        code: "2023",
        base_year: 2023,
        product_weights: { "2630.01": 1 },
        class_weights: { "2630": 1 },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({
      field: "base_year",
      code: "statistics.base_year_incomplete",
      message: "Năm gốc 2023 mới có báo cáo 1/12 tháng; năm gốc phải đủ 12 tháng.",
    });
  });
});
