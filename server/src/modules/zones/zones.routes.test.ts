import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, INSIDE, OUTSIDE, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const zone = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name_vi: `Khu công nghiệp Thử nghiệm ${code}`,
  kind: "kcn",
  location: INSIDE,
  total_area_ha: 200,
  industrial_land_ha: 150,
  leased_land_ha: 60,
  status: "operating",
  ...extra,
});
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.inject({ method: "POST", url: "/api/v1/zones", payload: payload as object, headers });

describe("creating zones", () => {
  it("derives the commune, territory and occupancy", async () => {
    const res = await post(zone("KCN-T1", { name_vi: "Khu công nghiệp Đình Vũ Thử" }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      commune_codes: ["10507"],
      legacy_territory: "west",
      occupancy: 0.4,
      vacant_land_ha: 90,
      has_boundary: false,
    });
  });

  it("accepts an economic zone as parent of an industrial zone", async () => {
    expect(
      (await post({ ...zone("KKT-T"), kind: "kkt", industrial_land_ha: null, leased_land_ha: null }))
        .statusCode,
    ).toBe(201);
    const child = await post(zone("KCN-T2", { parent_code: "KKT-T" }));
    expect(child.statusCode).toBe(201);
    expect(child.json().parent_code).toBe("KKT-T");
  });

  it.each([
    ["negative area", { total_area_ha: -1 }, "common.validation_failed", "total_area_ha"],
    [
      "leased land above industrial land",
      { leased_land_ha: 151 },
      "registry.leased_land_exceeds_industrial",
      "leased_land_ha",
    ],
    [
      "industrial land above the total",
      { industrial_land_ha: 201, leased_land_ha: 10 },
      "registry.industrial_land_exceeds_total",
      "industrial_land_ha",
    ],
    ["a point outside Hải Phòng", { location: OUTSIDE }, "registry.point_outside_city", "location"],
    ["an unknown commune", { commune_codes: ["00004"] }, "registry.commune_unknown", "commune_codes"],
    [
      "a parent that is not an economic zone",
      { parent_code: "KCN-T1" },
      "registry.parent_zone_invalid",
      "parent_code",
    ],
  ])("refuses %s with a stable code and the field", async (_name, extra, code, field) => {
    const res = await post(zone("KCN-BAD", extra));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it("refuses a duplicate code with 409", async () => {
    const res = await post(zone("KCN-T1"));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("registry.zone_code_duplicate");
  });

  it("answers in English when asked", async () => {
    const res = await post(zone("KCN-BAD", { location: OUTSIDE }), { "accept-language": "en" });
    expect(res.json().error.message).toContain("outside Hải Phòng");
  });
});

describe("reading zones", () => {
  beforeAll(async () => {
    await post(
      zone("CCN-T3", {
        kind: "ccn",
        name_vi: "Cụm công nghiệp Tràng Duệ Thử",
        total_area_ha: 50,
        industrial_land_ha: 40,
        leased_land_ha: 40,
      }),
    );
  });

  it("searches without accents", async () => {
    const res = await t.inject({ url: "/api/v1/zones?q=dinh%20vu" });
    expect(res.json().items.map((z: { code: string }) => z.code)).toEqual(["KCN-T1"]);
  });

  it("filters, sorts and pages", async () => {
    const byKind = await t.inject({ url: "/api/v1/zones?kind=ccn" });
    expect(byKind.json().items.map((z: { code: string }) => z.code)).toEqual(["CCN-T3"]);
    const sorted = await t.inject({ url: "/api/v1/zones?sort=-occupancy&page_size=1&page=1" });
    expect(sorted.json()).toMatchObject({ total: 4, page_size: 1 });
    expect(sorted.json().items[0].code).toBe("CCN-T3");
    const page2 = await t.inject({ url: "/api/v1/zones?sort=code&page_size=2&page=2" });
    expect(page2.json().items.map((z: { code: string }) => z.code)).toEqual(["KCN-T2", "KKT-T"]);
  });

  it("updates a zone and re-validates it", async () => {
    const ok = await t.inject({
      method: "PATCH",
      url: "/api/v1/zones/KCN-T1",
      payload: { leased_land_ha: 150 },
    });
    expect(ok.json().occupancy).toBe(1);
    const bad = await t.inject({
      method: "PATCH",
      url: "/api/v1/zones/KCN-T1",
      payload: { industrial_land_ha: 100 },
    });
    expect(bad.json().error.code).toBe("registry.leased_land_exceeds_industrial");
  });

  it("exports CSV, XLSX and GeoJSON with the same filters", async () => {
    const csv = await t.inject({ url: "/api/v1/zones/export?kind=kcn&format=csv" });
    expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="khu-cong-nghiep-.*\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Tỷ lệ lấp đầy");
    expect(lines).toHaveLength(3);

    const xlsx = await t.inject({
      url: "/api/v1/zones/export?format=xlsx",
      headers: { "accept-language": "en" },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("Zone code");
    expect(sheet?.rowCount).toBe(5);

    const geo = await t.inject({ url: "/api/v1/zones/geojson?kind=kcn" });
    expect(geo.json().features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual([
      "Point",
      "Point",
    ]);
  });

  it("summarises a zone, including the zones inside an economic zone", async () => {
    const res = await t.inject({ url: "/api/v1/zones/KKT-T/summary" });
    expect(res.statusCode).toBe(200);
    expect(res.json().zones).toMatchObject({ kkt: 1, kcn: 1, industrial_land_ha: 150, leased_land_ha: 60 });
  });

  it("leaves the fields a PATCH does not name untouched", async () => {
    await t.inject({
      method: "PATCH",
      url: "/api/v1/zones/KCN-T2",
      payload: { eco_status: "programme", developer: "Công ty Hạ tầng" },
    });
    const res = await t.inject({
      method: "PATCH",
      url: "/api/v1/zones/KCN-T2",
      payload: { name_en: "Test Zone 2" },
    });
    expect(res.json()).toMatchObject({
      name_en: "Test Zone 2",
      eco_status: "programme",
      developer: "Công ty Hạ tầng",
      parent_code: "KKT-T",
    });
  });
});

describe("languages of answers", () => {
  it("exports in the language a link names with ?lang, whatever the browser sends", async () => {
    const res = await t.app.inject({
      url: "/api/v1/zones/export?format=csv&lang=en",
      headers: { "accept-language": "vi" },
    });
    expect(res.body.replace(/^\uFEFF/, "").split("\n")[0]).toContain("Zone code");
  });

  it("says a required text is missing rather than quoting the schema", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/zones",
      payload: zone("KCN-EMPTY", { name_vi: "" }),
    });
    expect(res.json().error.details[0]).toMatchObject({ field: "name_vi", message: "Bắt buộc nhập." });
    const en = await t.inject({
      method: "POST",
      url: "/api/v1/zones",
      headers: { "accept-language": "en" },
      payload: zone("KCN-EMPTY", { name_vi: "" }),
    });
    expect(en.json().error.details[0].message).toBe("Required.");
  });
});

describe("sorting names", () => {
  it("orders Vietnamese names by their letters, not by the bytes of their accents", async () => {
    for (const [code, name] of [
      ["CCN-S1", "Cụm công nghiệp An Hưng"],
      ["CCN-S2", "Cụm công nghiệp An Hải"],
      ["CCN-S3", "Cụm công nghiệp Đông Sơn"],
      ["CCN-S4", "Cụm công nghiệp Nam Sơn"],
    ]) {
      await t.inject({
        method: "POST",
        url: "/api/v1/zones",
        payload: zone(code as string, { kind: "ccn", name_vi: name }),
      });
    }
    const names = (await t.app.inject({ url: "/api/v1/zones?kind=ccn&q=cum&sort=name_vi" }))
      .json()
      .items.map((z: { name_vi: string }) => z.name_vi.replace("Cụm công nghiệp ", ""));
    expect(names.filter((n: string) => ["An Hưng", "An Hải", "Đông Sơn", "Nam Sơn"].includes(n))).toEqual([
      "An Hải",
      "An Hưng",
      "Đông Sơn",
      "Nam Sơn",
    ]);
  });
});
