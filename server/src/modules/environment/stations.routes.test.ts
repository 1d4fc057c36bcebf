import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let inspector: TestUser;
let owner: TestUser;
let stranger: TestUser;
let taxCode: string;
let zoneCode: string;
const at = (minutes: number) =>
  new Date(Date.parse("2026-11-20T00:00:00+07:00") + minutes * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const list = (await t.inject({ url: "/api/v1/enterprises?page_size=2&sort=tax_code" })).json();
  const [mine, other] = list.items as Array<{ tax_code: string; zone_code: string | null }>;
  taxCode = mine?.tax_code as string;
  zoneCode = (await t.inject({ url: "/api/v1/zones?page_size=1&kind=kcn" })).json().items[0].code;
  inspector = await t.user("environment_inspector");
  owner = await t.user("enterprise", { taxCodes: [taxCode] });
  stranger = await t.user("enterprise", { taxCodes: [other?.tax_code as string] });
});
afterAll(() => t.close());

const station = {
  code: "NT-DINHVU-01",
  name_vi: "Trạm nước thải Đình Vũ",
  kind: "wastewater",
  limit_table: "QCVN40:2011",
  limit_column: "B",
  coefficients: { Kq: 0.9, Kf: 1 },
  interval_seconds: 300,
  location: { lon: 106.75, lat: 20.84 },
  parameters: [{ parameter: "COD" }, { parameter: "pH" }, { parameter: "TSS" }, { parameter: "Flow" }],
};

describe("stations", () => {
  it("lets an inspector register a station for an enterprise, and refuses the enterprise", async () => {
    const body = { ...station, zone_code: zoneCode, enterprise_tax_code: taxCode };
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations",
      headers: owner.headers,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations",
      headers: inspector.headers,
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: "NT-DINHVU-01",
      enterprise_tax_code: taxCode,
      silent: true,
      has_credentials: false,
    });
    expect(res.json().parameters.map((p: { unit: string }) => p.unit)).toEqual(["mg/L", "-", "mg/L", "m3/h"]);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations",
      headers: inspector.headers,
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations",
      headers: inspector.headers,
      payload: { ...body, code: "NT-X", limit_table: "QCVN05:2023", parameters: [{ parameter: "Xyz" }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["limit_table", "parameters.0.unit"]);
  });

  it("finds stations without accents, filters, sorts and exports them", async () => {
    const found = (
      await t.app.inject({ url: "/api/v1/environment/stations?q=dinh%20vu&kind=wastewater" })
    ).json();
    expect(found.items.map((s: { code: string }) => s.code)).toEqual(["NT-DINHVU-01"]);
    const csv = await t.app.inject({ url: "/api/v1/environment/stations/export?format=csv&q=dinh%20vu" });
    expect(csv.body).toContain("NT-DINHVU-01");
    expect(csv.body.split("\n")[0]).toContain("Mã trạm");
  });

  it("takes bulk JSON and CSV from the owner, and refuses readings for stations outside its scope", async () => {
    const readings = Array.from({ length: 24 }, (_, i) => ({
      station: "NT-DINHVU-01",
      parameter: "COD",
      value: i < 12 ? 100 : 160,
      time: at(i * 5),
    }));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/observations",
      headers: owner.headers,
      payload: readings,
    });
    expect(res.json()).toMatchObject({ received: 24, stored: 24, rejected: 0 });
    const csv = `station,parameter,time,value,unit\nNT-DINHVU-01,pH,${at(0)},7.1,\nNT-DINHVU-01,pH,${at(5)},abc,\n`;
    const fromCsv = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/observations",
      headers: { ...owner.headers, "content-type": "text/csv" },
      payload: csv,
    });
    expect(fromCsv.json()).toMatchObject({
      stored: 1,
      rejected: 1,
      refusals: [{ where: "dòng 3 / line 3", reason: "value.invalid" }],
    });
    const foreign = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/observations",
      headers: stranger.headers,
      payload: readings.slice(0, 2),
    });
    expect(foreign.json()).toMatchObject({
      stored: 0,
      rejected: 2,
      refusals: [{ reason: "station.not_permitted" }, {}],
    });
  });

  it("takes a data logger file and shows series with the permit's limit line", async () => {
    const file = Array.from(
      { length: 12 },
      (_, i) => `COD\t120,5\tmg/l\t202611200${i < 2 ? "2" : "2"}${String(i * 5).padStart(2, "0")}00\t00`,
    ).join("\r\n");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations/NT-DINHVU-01/datalogger",
      headers: { ...owner.headers, "content-type": "text/plain" },
      payload: file,
    });
    expect(res.json()).toMatchObject({ received: 12, stored: 12 });
    const series = (
      await t.app.inject({
        url: `/api/v1/environment/stations/NT-DINHVU-01/series?parameter=COD&resolution=1h&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(240))}`,
      })
    ).json();
    expect(series.limit).toMatchObject({ value: 135, table: "QCVN40:2011", verified: true });
    expect(series.points.map((p: [string, number]) => p[1])).toEqual([100, 160, 120.5]);
  });

  it("keeps out of the owner's log what others send for its station", async () => {
    const spoof = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/observations",
      headers: stranger.headers,
      payload: [{ station: "NT-DINHVU-01", parameter: "COD", value: "GOI 0900 LUA DAO", time: at(0) }],
    });
    expect(spoof.json()).toMatchObject({ rejected: 1, refusals: [{ reason: "value.invalid" }] });
    const log = await t.app.inject({
      url: "/api/v1/environment/stations/NT-DINHVU-01/rejections",
      headers: owner.headers,
    });
    expect(JSON.stringify(log.json())).not.toContain("LUA DAO");
  });

  it("checks a zone officer's station change against the new zone too", async () => {
    const officer = await t.user("zone_officer", { zones: [zoneCode] });
    const other = (await t.inject({ url: "/api/v1/zones?page_size=5&kind=kcn&sort=-code" }))
      .json()
      .items.find((z: { code: string }) => z.code !== zoneCode).code;
    const move = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/environment/stations/NT-DINHVU-01",
      headers: officer.headers,
      payload: { zone_code: other },
    });
    expect(move.statusCode).toBe(403);
    const rename = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/environment/stations/NT-DINHVU-01",
      headers: officer.headers,
      payload: { name_en: "Dinh Vu wastewater outlet" },
    });
    expect(rename.json()).toMatchObject({ name_en: "Dinh Vu wastewater outlet", zone_code: zoneCode });
  });

  it("shows refused readings to the owner and inspectors only", async () => {
    const mine = await t.app.inject({
      url: "/api/v1/environment/stations/NT-DINHVU-01/rejections",
      headers: owner.headers,
    });
    expect(mine.json().items[0]).toMatchObject({ reason: "value.invalid", channel: "http" });
    expect(
      (
        await t.app.inject({
          url: "/api/v1/environment/stations/NT-DINHVU-01/rejections",
          headers: stranger.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: "/api/v1/environment/stations/NT-DINHVU-01/rejections" })).statusCode,
    ).toBe(401);
  });

  it("issues MQTT credentials once and audits it", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/stations/NT-DINHVU-01/credentials",
      headers: inspector.headers,
    });
    expect(res.json()).toMatchObject({
      username: "NT-DINHVU-01",
      topic: "hpi/v1/stations/NT-DINHVU-01/readings",
    });
    expect(res.json().password).toMatch(/^st_/);
    const audit = await t.inject({ url: "/api/v1/audit?entity_type=env_station&action=credentials_issue" });
    expect(audit.json().items[0]).toMatchObject({ entity_id: "NT-DINHVU-01" });
    expect(JSON.stringify(audit.json())).not.toContain(res.json().password);
  });
});

describe("limit tables", () => {
  it("lists the versions with their verified counts", async () => {
    const items = (await t.app.inject({ url: "/api/v1/environment/limit-tables" })).json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([
      "QCVN05:2023",
      "QCVN19:2009",
      "QCVN19:2024",
      "QCVN40:2011",
      "QCVN40:2025",
    ]);
    expect(items.find((i: { code: string }) => i.code === "QCVN40:2025")).toMatchObject({
      row_count: 0,
      supersedes: "QCVN40:2011",
    });
  });

  it("lets an administrator replace a version from CSV, all or nothing, and audits it", async () => {
    const admin = await t.user("admin");
    const url = "/api/v1/environment/limit-tables/QCVN40:2025";
    const bad = "parameter,averaging,column,limit,unit,verified\nCOD,1h,B,xx,mg/L,true\n";
    const refused = await t.app.inject({
      method: "PUT",
      url,
      headers: { ...admin.headers, "content-type": "text/csv" },
      payload: bad,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ row: 2, column: "limit" });
    const good =
      "parameter,averaging,column,limit,unit,coefficients_apply,verified\nCOD,1h,B,120,mg/L,true,false\npH,1h,B,5.5-9,-,false,false\n";
    expect(
      (
        await t.app.inject({
          method: "PUT",
          url,
          headers: { ...inspector.headers, "content-type": "text/csv" },
          payload: good,
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.app.inject({
      method: "PUT",
      url,
      headers: { ...admin.headers, "content-type": "text/csv" },
      payload: good,
    });
    expect(res.json()).toEqual({ code: "QCVN40:2025", rows: 2, unverified: 2 });
    const rows = (await t.app.inject({ url })).json().rows;
    expect(rows[1]).toMatchObject({ parameter: "pH", min: 5.5, max: 9, verified: false });
    const check = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/limits/evaluate",
      payload: { regulation: "QCVN40:2025", parameter: "COD", value: 110, coefficients: { Kq: 0.9, Kf: 1 } },
    });
    expect(check.json()).toMatchObject({ cmax: 108, exceeded: true, verified: false });
    const audit = await t.inject({ url: "/api/v1/audit?entity_type=limit_table" });
    expect(audit.json().items[0]).toMatchObject({ entity_id: "QCVN40:2025", action: "replace" });
  });
});

describe("AQI map", () => {
  it("keeps the public AQI map current after a station is added and readings arrive, compressed as asked", async () => {
    const map = async (encoding?: string) => {
      const res = await t.app.inject({
        url: "/api/v1/environment/aqi/latest",
        headers: encoding ? { "accept-encoding": encoding } : {},
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers.vary).toContain("accept-encoding");
      const raw = res.rawPayload;
      const text =
        res.headers["content-encoding"] === "br"
          ? brotliDecompressSync(raw).toString()
          : res.headers["content-encoding"] === "gzip"
            ? gunzipSync(raw).toString()
            : raw.toString();
      return {
        encoding: res.headers["content-encoding"],
        items: JSON.parse(text).items as Array<{ code: string; aqi: { aqi: number } | null }>,
      };
    };
    const before = await map();
    expect(before.items.some((i) => i.code === "KK-MAP-01")).toBe(false);
    // Eight stations, so that the answer is large enough (≥ 1 kB) to be compressed.
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const created = await t.app.inject({
        method: "POST",
        url: "/api/v1/environment/stations",
        headers: inspector.headers,
        payload: {
          code: `KK-MAP-0${n}`,
          name_vi: `Trạm không khí bản đồ ${n}`,
          kind: "ambient_air",
          limit_table: "QCVN05:2023",
          coefficients: {},
          interval_seconds: 300,
          zone_code: zoneCode,
          location: { lon: 106.7 + n / 100, lat: 20.86 },
          parameters: [{ parameter: "PM2.5" }, { parameter: "PM10" }],
        },
      });
      expect(created.statusCode).toBe(201);
    }
    // Seen at once, although the previous answer is less than 5 s old.
    const added = (await map()).items.find((i) => i.code === "KK-MAP-01");
    expect(added).toMatchObject({ aqi: null });
    const readings = Array.from({ length: 24 }, (_, i) => ({
      station: "KK-MAP-01",
      parameter: "PM2.5",
      value: 80,
      unit: "µg/m3",
      time: at(i * 5),
    }));
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/v1/environment/observations",
      headers: inspector.headers,
      payload: readings,
    });
    expect(sent.json()).toMatchObject({ stored: 24 });
    const plain = await map();
    expect(plain.encoding).toBeUndefined();
    expect(plain.items.find((i) => i.code === "KK-MAP-01")?.aqi?.aqi).toBeGreaterThan(100);
    for (const encoding of ["br", "gzip"]) {
      const packed = await map(`${encoding}, deflate`);
      expect(packed.encoding).toBe(encoding);
      expect(packed.items).toEqual(plain.items);
    }
    expect((await map("br;q=0, gzip")).encoding).toBe("gzip");
    expect((await map("gzip;q=0")).encoding).toBeUndefined();
    expect((await map("br;q=0, *")).encoding).toBe("gzip");
  });
});
