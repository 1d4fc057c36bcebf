import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, INSIDE, OUTSIDE, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.inject({
    method: "POST",
    url: "/api/v1/zones",
    payload: {
      code: "KCN-E1",
      name_vi: "KCN Thử",
      kind: "kcn",
      location: INSIDE,
      total_area_ha: 100,
      status: "operating",
    },
  });
});
afterAll(() => t.close());

const enterprise = (taxCode: string, extra: Record<string, unknown> = {}) => ({
  tax_code: taxCode,
  name_vi: "Công ty TNHH Điện tử Hải Âu",
  ownership: "foreign",
  investor_countries: [{ country: "KR", share: 100 }],
  vsic_main: "2640",
  zone_code: "KCN-E1",
  location: INSIDE,
  workers: 1200,
  workers_as_of: "2025-12-31",
  ...extra,
});
const post = (payload: unknown) =>
  t.inject({ method: "POST", url: "/api/v1/enterprises", payload: payload as object });

describe("registering enterprises", () => {
  it("stores the VSIC version and derives the commune from the location", async () => {
    const res = await post(enterprise("0100109106"));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      tax_code: "0100109106",
      vsic_version: "2025",
      commune_code: "10507",
      is_synthetic: false,
    });
  });

  it("normalises a 13-digit branch code", async () => {
    const res = await post(
      enterprise("0100109106001", {
        name_vi: "Chi nhánh Hải Phòng",
        ownership: "state",
        investor_countries: [],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().tax_code).toBe("0100109106-001");
  });

  it.each([
    ["a bad check digit", enterprise("0100109107"), "registry.tax_code_invalid", "tax_code"],
    [
      "an unknown VSIC code",
      enterprise("0300588569", { vsic_main: "2610" }),
      "registry.vsic_unknown",
      "vsic_main",
    ],
    [
      "an unknown commune",
      enterprise("0300588569", { commune_code: "00004" }),
      "registry.commune_unknown",
      "commune_code",
    ],
    [
      "an unknown zone",
      enterprise("0300588569", { zone_code: "KCN-NONE" }),
      "registry.zone_unknown",
      "zone_code",
    ],
    [
      "a point outside the city",
      enterprise("0300588569", { location: OUTSIDE }),
      "registry.point_outside_city",
      "location",
    ],
    [
      "shares above 100%",
      enterprise("0300588569", {
        investor_countries: [
          { country: "KR", share: 60 },
          { country: "JP", share: 50 },
        ],
      }),
      "registry.investor_shares_invalid",
      "investor_countries",
    ],
    [
      "an unknown country",
      enterprise("0300588569", { investor_countries: [{ country: "XX", share: 100 }] }),
      "registry.country_unknown",
      "investor_countries",
    ],
  ])("refuses %s", async (_name, payload, code, field) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details[0].field).toBe(field);
  });

  it("refuses a duplicate tax code with 409, also when spelled differently", async () => {
    const res = await post(enterprise("0100109106-001".replace("-", "")));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("registry.tax_code_duplicate");
  });

  it("reports the registration through the tax-code endpoint", async () => {
    const res = await t.inject({ url: "/api/v1/reference/tax-codes/0100109106" });
    expect(res.json()).toMatchObject({
      registered: true,
      enterprise: { name_vi: "Công ty TNHH Điện tử Hải Âu" },
    });
  });
});

describe("listing enterprises", () => {
  beforeAll(async () => {
    await post(
      enterprise("0300588569", {
        name_vi: "Công ty Cổ phần Thực phẩm Đồ Sơn",
        ownership: "non_state",
        investor_countries: [],
        vsic_main: "1010",
        zone_code: null,
        workers: 90,
      }),
    );
    await post(
      enterprise("0900189284", {
        name_vi: '=HYPERLINK("http://x")',
        investor_countries: [{ country: "JP", share: 100 }],
        vsic_main: "2619",
        workers: 3000,
      }),
    );
  });

  it("searches accent-insensitively and by tax code prefix", async () => {
    const byName = await t.inject({ url: "/api/v1/enterprises?q=do%20son" });
    expect(byName.json().items.map((e: { tax_code: string }) => e.tax_code)).toEqual(["0300588569"]);
    const byCode = await t.inject({ url: "/api/v1/enterprises?q=0100109" });
    expect(byCode.json().total).toBe(2);
  });

  it.each([
    ["ownership=foreign", ["0100109106", "0900189284"]],
    ["country=JP", ["0900189284"]],
    ["vsic=26", ["0100109106", "0100109106-001", "0900189284"]],
    ["zone=none", ["0300588569"]],
    ["zone=KCN-E1&sort=-workers", ["0900189284", "0100109106", "0100109106-001"]],
    ["commune=10507&sort=tax_code&page_size=2&page=2", ["0300588569", "0900189284"]],
  ])("filters with %s", async (query, expected) => {
    const res = await t.inject({ url: `/api/v1/enterprises?${query}` });
    const codes = res.json().items.map((e: { tax_code: string }) => e.tax_code);
    if (query.includes("sort")) expect(codes).toEqual(expected);
    else expect(codes.sort()).toEqual(expected.sort());
  });

  it("neutralises formulas in CSV exports", async () => {
    const res = await t.inject({ url: "/api/v1/enterprises/export?format=csv&country=JP" });
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("updates an enterprise and keeps its tax code", async () => {
    const res = await t.inject({
      method: "PATCH",
      url: "/api/v1/enterprises/0300588569",
      payload: { workers: 120, high_tech: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tax_code: "0300588569", workers: 120, high_tech: true });
    const missing = await t.inject({
      method: "PATCH",
      url: "/api/v1/enterprises/0101248141",
      payload: { workers: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("leaves the fields a PATCH does not name untouched", async () => {
    await t.inject({
      method: "PATCH",
      url: "/api/v1/enterprises/0900189284",
      payload: { status: "suspended", high_tech: true, vsic_other: ["2620"] },
    });
    const res = await t.inject({
      method: "PATCH",
      url: "/api/v1/enterprises/0900189284",
      payload: { workers: 3100 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      workers: 3100,
      status: "suspended",
      high_tech: true,
      vsic_other: ["2620"],
      investor_countries: [{ country: "JP", share: 100 }],
    });
  });
});
