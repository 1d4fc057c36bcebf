import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { createIngester } from "./ingest.service.ts";
import { parseFilter, parsePath } from "./sensorthings.ts";
import { createStation } from "./stations.service.ts";

let t: TestContext;
const ROOT = "/api/v1/sensorthings/v1.1";
const at = (minutes: number) => Date.parse("2026-11-20T00:00:00+07:00") + minutes * 60_000;
const get = (path: string) => t.app.inject({ url: `${ROOT}/${path}` });

beforeAll(async () => {
  t = await createTestApp();
  await createStation(t.handle.db, SYSTEM_ACTOR, {
    code: "KK-STA-01",
    name_vi: "Trạm không khí thử SensorThings",
    kind: "ambient_air",
    coefficients: {},
    interval_seconds: 300,
    location: { lon: 106.7, lat: 20.86 },
    parameters: [{ parameter: "PM2.5" }, { parameter: "PM10" }],
  });
  const readings = Array.from({ length: 24 }, (_, i) => ({
    station: "KK-STA-01",
    parameter: "PM2.5",
    value: 10 + i,
    unit: "ug/m3",
    time: at(i * 5),
    status: 0,
    where: "test",
  }));
  await createIngester(t.handle.db).ingest({ parsed: { readings, refusals: [] }, channel: "http" });
});
afterAll(() => t.close());

describe("SensorThings read API", () => {
  it("lists the entity sets and a Thing with its Location and Datastreams", async () => {
    const root = (await t.app.inject({ url: ROOT })).json();
    expect(root.value.map((v: { name: string }) => v.name)).toEqual([
      "Things",
      "Locations",
      "Datastreams",
      "ObservedProperties",
      "Observations",
    ]);
    const thing = (await get("Things('KK-STA-01')")).json();
    expect(thing).toMatchObject({
      "@iot.id": "KK-STA-01",
      description: "Trạm không khí thử SensorThings",
      properties: { kind: "ambient_air" },
    });
    const location = (await get("Things('KK-STA-01')/Locations")).json();
    expect(location.value[0].location).toEqual({ type: "Point", coordinates: [106.7, 20.86] });
    const streams = (await get("Things('KK-STA-01')/Datastreams?$count=true")).json();
    expect(streams["@iot.count"]).toBe(2);
    expect(streams.value[0]).toMatchObject({
      name: "KK-STA-01 PM2.5",
      unitOfMeasurement: { symbol: "ug/Nm3" },
    });
  });

  it("filters, orders, pages and counts Observations", async () => {
    const ds = (await get("Things('KK-STA-01')/Datastreams")).json().value[0]["@iot.id"];
    const from = new Date(at(30)).toISOString();
    const res = await get(
      `Datastreams(${ds})/Observations?$filter=${encodeURIComponent(`phenomenonTime ge ${from} and result lt 30`)}&$orderby=phenomenonTime%20desc&$top=5&$count=true`,
    );
    const body = res.json();
    // Minutes 30…95 are readings 6…19 (values 16…29): 14 of them, newest first.
    expect(body["@iot.count"]).toBe(14);
    expect(body.value.map((o: { result: number }) => o.result)).toEqual([29, 28, 27, 26, 25]);
    expect(body["@iot.nextLink"]).toContain("%24skip=5");
    const one = (await get(`Observations('${body.value[0]["@iot.id"]}')`)).json();
    expect(one).toMatchObject({ result: 29, parameters: { status: "00" } });
    expect((await get(`Observations('${body.value[0]["@iot.id"]}')/Datastream`)).json()["@iot.id"]).toBe(ds);
  });

  it("answers unsupported or malformed queries with a reason, never a crash", async () => {
    for (const bad of [
      "Sensors",
      "Things?$expand=Datastreams",
      "Observations?$filter=foo%20eq%201",
      "Observations?$top=-1",
      "Datastreams(abc)",
    ]) {
      const res = await get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe("sensorthings.bad_query");
    }
    expect((await get("Things('NONE')")).statusCode).toBe(404);
    expect((await get("Things('a%25zz')")).statusCode).toBe(404);
    expect((await get("Observations('1-99999999999999999')")).statusCode).toBe(404);
    expect(parsePath("Things('O''Brien')")).toEqual([{ set: "Things", id: "O'Brien" }]);
    expect(parseFilter("result gt 1.5e2", ["result"])).toEqual([
      { property: "result", op: "gt", value: 150 },
    ]);
  });
});
