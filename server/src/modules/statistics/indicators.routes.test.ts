import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let official: TestUser;
let officer: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  official = await t.user("industry_official");
  officer = await t.user("environment_inspector");
});
afterAll(() => t.close());

describe("the indicator registry", () => {
  it("ships the registry with the published figures, their sources and statuses", async () => {
    const list = (await t.app.inject({ url: "/api/v1/statistics/indicators?q=tang truong iip" })).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(["iip_growth"]);
    const values = (
      await t.app.inject({
        url: "/api/v1/statistics/indicators/iip_growth/values?territory=east&sort=period_end",
      })
    ).json();
    const byPeriod = (p: string) => values.items.filter((v: { period: string }) => v.period === p);
    // 2021: the seed article's official 18,15 % and a press estimate of 18,5 %, each with its status.
    expect(
      byPeriod("2021")
        .map((v: { value: number; status: string }) => [v.value, v.status])
        .sort(),
    ).toEqual([
      [18.15, "official"],
      [18.5, "estimate"],
    ]);
    expect(byPeriod("2024")[0]).toMatchObject({
      value: 15.43,
      status: "official",
      period_start: "2024-01-01",
    });
    expect(byPeriod("2024")[0].source_url).toMatch(/^https:\/\//);
    const west = (
      await t.app.inject({ url: "/api/v1/statistics/indicators/iip_growth/values?territory=west" })
    ).json();
    expect(west.items.map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([
      ["2025-01..06", 14.07],
    ]);
  });

  it("keeps ownership shares as one indicator's breakdown, adding up to 100 where all three are published", async () => {
    const shares = (
      await t.app.inject({
        url: "/api/v1/statistics/indicators/production_value_share/values?breakdown_kind=ownership&from=2017&to=2017",
      })
    ).json();
    const sum = shares.items.reduce((a: number, v: { value: number }) => a + v.value, 0);
    expect(shares.items.map((v: { breakdown_code: string }) => v.breakdown_code).sort()).toEqual([
      "fdi",
      "non_state",
      "state",
    ]);
    expect(sum).toBeCloseTo(100, 9);
  });

  it("refuses ownership shares of a period that do not add up to 100", async () => {
    const share = (breakdown_code: string, value: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/statistics/indicators/production_value_share/values",
        headers: official.headers,
        payload: { period: "2025", territory: "city", breakdown_kind: "ownership", breakdown_code, value },
      });
    expect((await share("fdi", 70)).statusCode).toBe(200);
    expect((await share("non_state", 22)).statusCode).toBe(200);
    const off = await share("state", 9);
    expect(off.statusCode).toBe(422);
    expect(off.json().error.details[0]).toMatchObject({ field: "value", code: "statistics.shares_not_100" });
    expect((await share("state", 8)).statusCode).toBe(200);
  });

  it("exports values as CSV, XLSX and SDMX-CSV", async () => {
    const sdmx = await t.app.inject({
      url: "/api/v1/statistics/indicators/iip_growth/values/export?format=sdmx&territory=east&from=2024&to=2024",
    });
    expect(sdmx.headers["content-type"]).toMatch(/application\/vnd\.sdmx\.data\+csv/);
    expect(sdmx.body.endsWith("\r\n")).toBe(true);
    const lines = sdmx.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "DATAFLOW,REF_AREA,INDICATOR,BREAKDOWN,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,SOURCE",
    );
    expect(
      lines.some((l) => l.startsWith("HPI:INDUSTRY_STATS(1.0),VN31_EAST,IIP_GROWTH,_T,2024,15.43,PT,A,")),
    ).toBe(true);
    expect(lines.some((l) => l.includes(",2024-01-01/P182D,15.24,"))).toBe(true);
    // One observation per key and period: 2021 has an official figure and an estimate; the official one goes out.
    const y2021 = await t.app.inject({
      url: "/api/v1/statistics/indicators/iip_growth/values/export?format=sdmx&territory=east&from=2021&to=2021",
    });
    expect(
      y2021.body
        .trim()
        .split("\r\n")
        .filter((l) => l.includes(",2021,")),
    ).toEqual(["HPI:INDUSTRY_STATS(1.0),VN31_EAST,IIP_GROWTH,_T,2021,18.15,PT,A,"]);
    const xlsx = await t.app.inject({
      url: "/api/v1/statistics/indicators/iip_growth/values/export?format=xlsx",
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("judges each target by a documented rule on the year's own value", async () => {
    const board = (await t.app.inject({ url: "/api/v1/statistics/dashboard?year=2024" })).json();
    const iip = board.find(
      (b: { indicator_code: string; territory: string }) =>
        b.indicator_code === "iip_growth" && b.territory === "east",
    );
    expect(iip).toMatchObject({ target: 15, actual: 15.43, actual_period: "2024", progress: "on_track" });
    expect(iip.gap).toBeCloseTo(0.43, 9);
    // The GRDP plan of 2024 was 11,5 %; 11,01 % is within 10 % of it.
    const grdp = board.find((b: { indicator_code: string }) => b.indicator_code === "grdp_growth");
    expect(grdp).toMatchObject({ target: 11.5, actual: 11.01, progress: "at_risk" });
  });

  it("loads every published row: zone-only figures, and estimates only where the note says so", async () => {
    const zones = (await t.app.inject({ url: "/api/v1/statistics/indicators/fdi_zones/values" })).json();
    expect(zones.items.map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([
      ["2023", 3500],
    ]);
    const grdp = (
      await t.app.inject({ url: "/api/v1/statistics/indicators/grdp_growth/values?from=2024&to=2024" })
    ).json();
    expect(grdp.items[0]).toMatchObject({ value: 11.01, status: "official" });
  });

  it("judges a total (a level) only on its full year, never on part of it", async () => {
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/statistics/indicators/exports/targets",
      headers: official.headers,
      payload: { year: 2026, territory: "city", value: 55 },
    });
    await t.app.inject({
      method: "POST",
      url: "/api/v1/statistics/indicators/exports/values",
      headers: official.headers,
      payload: { period: "2026-01..09", territory: "city", value: 40, status: "estimate" },
    });
    const row = (await t.app.inject({ url: "/api/v1/statistics/dashboard?year=2026" }))
      .json()
      .find((b: { indicator_code: string }) => b.indicator_code === "exports");
    expect(row).toMatchObject({ actual: null, progress: "no_data" });
  });

  it("lets the Department of Industry and Trade record values and targets, audited; others may not", async () => {
    const value = await t.app.inject({
      method: "POST",
      url: "/api/v1/statistics/indicators/iip_growth/values",
      headers: official.headers,
      payload: {
        period: "2026-01..09",
        territory: "city",
        value: 12.1,
        status: "estimate",
        source_note: "Ước tính 9 tháng",
      },
    });
    expect(value.statusCode).toBe(200);
    expect(value.json()).toMatchObject({
      period_start: "2026-01-01",
      period_end: "2026-09-30",
      status: "estimate",
    });
    const target = await t.app.inject({
      method: "PUT",
      url: "/api/v1/statistics/indicators/iip_growth/targets",
      headers: official.headers,
      payload: { year: 2026, territory: "city", value: 15, source: "Kế hoạch 2026 (thử)" },
    });
    const row = target.json().find((b: { indicator_code: string }) => b.indicator_code === "iip_growth");
    expect(row).toMatchObject({ actual: 12.1, actual_period: "2026-01..09", progress: "off_track" });
    for (const period of ["2026-13", "0000"]) {
      const bad = await t.app.inject({
        method: "POST",
        url: "/api/v1/statistics/indicators/iip_growth/values",
        headers: official.headers,
        payload: { period, value: 1 },
      });
      expect(bad.json().error.details[0]).toMatchObject({
        field: "period",
        code: "statistics.period_invalid",
      });
    }
    // A correction answers with the value it recorded and keeps the old one in the audit log.
    const corrected = await t.app.inject({
      method: "POST",
      url: "/api/v1/statistics/indicators/iip_growth/values",
      headers: official.headers,
      payload: { period: "2026-01..09", territory: "city", value: 12.4, status: "estimate" },
    });
    expect(corrected.json()).toMatchObject({ period: "2026-01..09", value: 12.4 });
    const trail = (await t.inject({ url: "/api/v1/audit?entity_type=stat_value" })).json();
    expect(trail.items[0].changes.value).toEqual([12.1, 12.4]);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/statistics/indicators/iip_growth/values",
      headers: officer.headers,
      payload: { period: "2026", value: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const audit = (await t.inject({ url: "/api/v1/audit?entity_type=stat_target" })).json();
    expect(audit.items[0]).toMatchObject({ action: "set_target" });
  });
});
