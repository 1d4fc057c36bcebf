import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let official: TestUser;
let investor: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const list = (await t.inject({ url: "/api/v1/enterprises?page_size=2&sort=tax_code" })).json();
  const [mine, theirs] = list.items as Array<{ tax_code: string }>;
  official = await t.user("industry_official");
  investor = await t.user("enterprise", { taxCodes: [mine?.tax_code as string] });
  other = await t.user("enterprise", { taxCodes: [theirs?.tax_code as string] });
});
afterAll(() => t.close());

const proposal = (extra: Record<string, unknown> = {}) => ({
  title: "Nhà máy linh kiện điện tử",
  vsic_codes: ["26190"],
  currency: "USD",
  vnd_per_usd: 25_000,
  capital: 40_000_000,
  land_ha: 12.5,
  technology_level: "advanced",
  equipment_year: 2024,
  ...extra,
});

describe("the screening catalogue", () => {
  it("ships a labelled sample: 2018 superseded by 2022, which ends the older one the day before", async () => {
    const res = await t.app.inject({ url: "/api/v1/investment/catalogue/versions?sort=in_force_from" });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((v: Record<string, unknown>) => [
          v.code,
          v.in_force_from,
          v.in_force_to,
          v.supersedes,
          v.superseded_by,
          v.status,
          v.is_sample,
        ]),
    ).toEqual([
      ["HP-MAU-2018", "2018-07-01", "2022-06-30", null, "HP-MAU-2022", "published", true],
      ["HP-MAU-2022", "2022-07-01", null, "HP-MAU-2018", null, "published", true],
    ]);
    const inForce = await t.app.inject({
      url: "/api/v1/investment/catalogue/versions?in_force_on=2020-01-01",
    });
    expect(inForce.json().items.map((v: { code: string }) => v.code)).toEqual(["HP-MAU-2018"]);
  });

  it("lists, searches (without accents), filters and exports a version's entries", async () => {
    const steel = await t.app.inject({
      url: "/api/v1/investment/catalogue/versions/HP-MAU-2022/entries?q=san xuat sat thep",
    });
    expect(steel.json().items.map((e: { code: string }) => e.code)).toEqual(["DK-01"]);
    const byVsic = await t.app.inject({
      url: "/api/v1/investment/catalogue/versions/HP-MAU-2022/entries?vsic=26190",
    });
    expect(byVsic.json().items.map((e: { code: string }) => e.code)).toEqual(["KK-01"]);
    const refused = await t.app.inject({
      url: "/api/v1/investment/catalogue/versions/HP-MAU-2022/entries?category=not_accepted",
    });
    expect(refused.json().total).toBe(5);
    const csv = await t.app.inject({
      url: "/api/v1/investment/catalogue/versions/HP-MAU-2022/entries/export?format=csv",
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("capital_per_ha >= 80 tỷ đồng/ha");
  });

  it("lets officials draft, fill and publish a version; a published text no longer changes", async () => {
    const draft = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions",
      headers: official.headers,
      payload: {
        code: "HP-2026-TEST",
        title_vi: "Danh mục thử 2026",
        decision_number: "99/2026/QĐ-UBND",
        decided_on: "2026-10-01",
        in_force_from: "2026-11-01",
        supersedes: "HP-MAU-2022",
        entries: [
          {
            code: "KK-01",
            category: "encouraged",
            title_vi: "Bán dẫn",
            vsic_codes: ["261"],
            criteria: [{ field: "technology_level", operator: "=", value: "high" }],
          },
        ],
      },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: "draft", entry_count: 1 });
    // Work in progress stays with those who manage the catalogue.
    const drafts = await t.app.inject({ url: "/api/v1/investment/catalogue/versions?status=draft" });
    expect(drafts.json().total).toBe(0);
    expect(
      (await t.app.inject({ url: "/api/v1/investment/catalogue/versions/HP-2026-TEST/entries" })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          url: "/api/v1/investment/catalogue/versions?status=draft",
          headers: official.headers,
        })
      ).json().total,
    ).toBe(1);
    const added = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions/HP-2026-TEST/entries",
      headers: official.headers,
      payload: { code: "KCN-01", category: "not_accepted", title_vi: "Than cốc", vsic_codes: ["1910"] },
    });
    expect(added.statusCode).toBe(201);
    const published = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions/HP-2026-TEST/publish",
      headers: official.headers,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", supersedes: "HP-MAU-2022" });
    const previous = (
      await t.app.inject({ url: "/api/v1/investment/catalogue/versions/HP-MAU-2022" })
    ).json();
    expect(previous.in_force_to).toBe("2026-10-31");
    const frozen = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/investment/catalogue/versions/HP-2026-TEST/entries/KK-01",
      headers: official.headers,
      payload: { title_vi: "Sửa sau khi công bố" },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe("investment.version_published");
    // Its dates in force and lineage are fixed too; a cycle of supersession is refused on drafts.
    const moved = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/investment/catalogue/versions/HP-2026-TEST",
      headers: official.headers,
      payload: { in_force_from: "2026-12-01" },
    });
    expect(moved.statusCode).toBe(409);
  });

  it("refuses a second published version in force on the same days, naming the clash", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions",
      headers: official.headers,
      payload: {
        code: "HP-CLASH",
        title_vi: "Trùng",
        in_force_from: "2026-12-01",
        entries: [{ code: "A", category: "encouraged", title_vi: "A", vsic_codes: ["10"] }],
      },
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions/HP-CLASH/publish",
      headers: official.headers,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({
      code: "investment.version_overlap",
      field: "in_force_from",
    });
    expect(res.json().error.details[0].message).toMatch(/HP-2026-TEST/);
  });

  it("names every bad field of an entry: unknown VSIC code, a criterion in the wrong unit", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions",
      headers: official.headers,
      payload: {
        code: "HP-BAD",
        title_vi: "Lỗi",
        in_force_from: "2030-01-01",
        entries: [
          {
            code: "X",
            category: "conditional",
            title_vi: "X",
            vsic_codes: ["9999"],
            criteria: [{ field: "capital", operator: ">=", value: 5, unit: "triệu USD" }],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ["entries.0.vsic_codes", "registry.vsic_unknown"],
      ["entries.0.criteria.0", "investment.criterion_invalid"],
    ]);
  });

  it("keeps catalogue changes to officials", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions",
      headers: investor.headers,
      payload: { code: "HP-NOPE", title_vi: "Không", in_force_from: "2030-01-01" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("screening a proposal", () => {
  it("screens against the version in force on the chosen day, explains it, stores and audits it", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: proposal({ screened_on: "2025-05-01" }),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ category: "encouraged", version: { code: "HP-MAU-2022", is_sample: true } });
    expect(body.code).toMatch(/^SL-\d{4}-\d{5}$/);
    expect(body.facts).toMatchObject({ capital: 1000, capital_per_ha: 80, equipment_age: 1 });
    const decisive = body.entries.find((e: { effect: string }) => e.effect === "decisive");
    expect(decisive.code).toBe("KK-01");
    expect(decisive.criteria.map((c: { field: string; pass: boolean }) => [c.field, c.pass])).toEqual([
      ["technology_level", true],
      ["capital_per_ha", true],
      ["equipment_age", true],
    ]);
    // The same proposal in 2020 meets the 2018 text.
    const older = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: proposal({ screened_on: "2020-01-01", land_ha: 15 }),
    });
    expect(older.json()).toMatchObject({ category: "encouraged", version: { code: "HP-MAU-2018" } });
    const audit = await t.inject({ url: `/api/v1/audit?entity_type=screening&entity_id=${body.code}` });
    expect(audit.json().items[0]).toMatchObject({ action: "screen" });
  });

  it("shows a screener their own screenings; officials see all", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: other.headers,
      payload: proposal({ title: "Khác" }),
    });
    const mine = (
      await t.app.inject({ url: "/api/v1/investment/screenings", headers: investor.headers })
    ).json();
    expect(mine.total).toBe(2);
    const theirs = (
      await t.app.inject({ url: "/api/v1/investment/screenings", headers: other.headers })
    ).json();
    expect(theirs.items.map((s: { title: string }) => s.title)).toEqual(["Khác"]);
    const code = mine.items[0].code as string;
    expect(
      (await t.app.inject({ url: `/api/v1/investment/screenings/${code}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({ url: "/api/v1/investment/screenings?q=linh kien", headers: official.headers })
      ).json().total,
    ).toBe(2);
    expect(
      (await t.app.inject({ url: "/api/v1/investment/screenings", method: "POST", payload: proposal() }))
        .statusCode,
    ).toBe(401);
  });

  it("refuses a proposal that names an unknown industry code or zone, or lacks a rate for USD", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: proposal({ vsic_codes: ["99999"], zone_code: "KCN-KHONG-CO" }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "vsic_codes",
      "zone_code",
    ]);
    const { vnd_per_usd: _r, ...noRate } = proposal();
    const rate = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: noRate,
    });
    expect(rate.statusCode).toBe(400);
    expect(rate.body).toMatch(/vnd_per_usd/);
  });

  it("takes an empty zone field for no zone", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: proposal({ zone_code: "", commune_code: "" }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().facts.in_zone).toBe(false);
  });

  it("says when no catalogue is in force on the day", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/screenings",
      headers: investor.headers,
      payload: proposal({ screened_on: "2010-01-01" }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].code).toBe("investment.no_version_in_force");
  });
});
