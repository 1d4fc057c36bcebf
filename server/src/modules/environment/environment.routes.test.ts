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
