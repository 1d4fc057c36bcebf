import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const aqi = (payload: object, lang = "vi") =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/environment/aqi",
    payload,
    headers: { "accept-language": lang },
  });

describe("POST /api/v1/environment/aqi", () => {
  it("computes the decision's hourly example from a 12-hour PM2.5 series, for anyone", async () => {
    const series = [20.6, 19.6, 22.4, 20.3, 16.5, 19.0, 16.5, 19.5, 23.5, 20.5, 24.7, 26.9];
    const res = await aqi({ period: "hour", concentrations: { O3: 136.1, NO2: 118.7, "PM2.5": series } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      aqi: 59,
      dominant: "NO2",
      subIndices: { O3: 43, NO2: 59, "PM2.5": 41 },
      category: { vi: "Trung bình", colour: "#FFFF00" },
    });
  });

  it("computes the decision's daily example", async () => {
    const res = await aqi({
      period: "day",
      concentrations: { O3_8h: 89.3, O3: 114.6, NO2: 130.8, "PM2.5": 55.7 },
    });
    expect(res.json()).toMatchObject({ aqi: 110, dominant: "PM2.5", category: { level: 3 } });
  });

  it("explains in both languages when no dust value is given, naming the field", async () => {
    const vi = await aqi({ period: "hour", concentrations: { O3: 100 } });
    expect(vi.statusCode).toBe(422);
    expect(vi.json().error).toMatchObject({
      code: "environment.pm_required",
      details: [{ field: "concentrations" }],
    });
    expect((await aqi({ period: "hour", concentrations: { O3: 100 } }, "en")).json().error.message).toContain(
      "PM10 or PM2.5",
    );
    const negative = await aqi({ period: "hour", concentrations: { "PM2.5": -1 } });
    expect(negative.json().error.details[0].field).toBe("concentrations.PM2.5");
  });
});

describe("POST /api/v1/environment/limits/evaluate", () => {
  const evaluate = (payload: object) =>
    t.app.inject({ method: "POST", url: "/api/v1/environment/limits/evaluate", payload });

  it("applies the PM2.5 limit in force on the day", async () => {
    const before = await evaluate({
      regulation: "QCVN05:2023",
      parameter: "PM2.5",
      averaging: "24h",
      value: 47,
      on: "2025-12-31",
    });
    const after = await evaluate({
      regulation: "QCVN05:2023",
      parameter: "PM2.5",
      averaging: "24h",
      value: 47,
      on: "2026-01-01",
    });
    expect([before.json().exceeded, after.json().exceeded]).toEqual([false, true]);
    expect(after.json()).toMatchObject({ cmax: 45, unit: "ug/Nm3" });
  });

  it("computes Cmax = C × Kq × Kf for wastewater and says whether the row was verified", async () => {
    const res = await evaluate({
      regulation: "QCVN40:2011",
      parameter: "COD",
      column: "B",
      value: 140,
      coefficients: { Kq: 0.9, Kf: 1.0 },
    });
    expect(res.json()).toMatchObject({ limit: 150, cmax: 135, factor: 0.9, exceeded: true, verified: true });
  });

  it("names the unknown parameter and lists the known ones", async () => {
    const res = await evaluate({ regulation: "QCVN19:2009", parameter: "Unobtainium", value: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "environment.limit_unknown",
      details: [{ field: "parameter" }],
    });
    expect(res.json().error.message).toContain("Total dust");
  });
});
