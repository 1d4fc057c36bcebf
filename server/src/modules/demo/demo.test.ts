import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, DEMO_TODAY, openTestDatabase, type TestContext } from "../../../test/test-app.ts";
import { contains } from "../../platform/geo.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { seedDemoCity } from "./demo.service.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

/** Projects in the industrial and economic zones of old Hải Phòng, the scope of the seed article. */
async function eastZoneTotals() {
  const { rows } = await sql<{ origin: string; n: number; registered: number; share_purchase: number }>`
    select p.origin, count(*)::int as n, sum(p.registered_capital) as registered, sum(p.share_purchase_capital) as share_purchase
    from project p join zone z on z.code = p.zone_code
    where z.legacy_territory = 'east' and z.kind in ('kcn', 'kkt')
    group by p.origin order by p.origin`.execute(t.handle.db);
  return Object.fromEntries(rows.map((r) => [r.origin, r]));
}

describe("the demo city", () => {
  it("has today's inventory of 40 KCN and 79 CCN with the published areas", async () => {
    const res = await t.inject({ url: "/api/v1/summary" });
    const zones = res.json().zones;
    expect(zones).toMatchObject({ kcn: 40, ccn: 79, kkt: 2 });
    const kcn = await sql<{
      area: number;
    }>`select sum(total_area_ha) as area from zone where kind = 'kcn'`.execute(t.handle.db);
    const ccn = await sql<{
      area: number;
    }>`select sum(total_area_ha) as area from zone where kind = 'ccn'`.execute(t.handle.db);
    expect(kcn.rows[0]?.area).toBeCloseTo(11_208, 6);
    expect(ccn.rows[0]?.area).toBeCloseTo(3_837.5, 6);
  });

  it("reproduces the seed article's totals for the zones of old Hải Phòng", async () => {
    const totals = await eastZoneTotals();
    expect(totals.foreign).toMatchObject({
      n: 464,
      registered: 20_800_000_000,
      share_purchase: 2_190_000_000,
    });
    expect(totals.domestic).toMatchObject({ n: 202, registered: 294_722_000_000_000 });
    const workers = await sql<{ w: number }>`
      select sum(e.workers)::int as w from enterprise e join zone z on z.code = e.zone_code
      where z.legacy_territory = 'east' and z.kind in ('kcn', 'kkt')`.execute(t.handle.db);
    expect(workers.rows[0]?.w).toBe(194_778);
  });

  it("names the flagship projects with their official figures and source", async () => {
    const lg = await t.inject({ url: "/api/v1/projects?q=LG&page_size=20" });
    const items = lg.json().items as Array<{ capital: { registered_usd: number }; source_code: string }>;
    expect(items).toHaveLength(7);
    expect(items.reduce((s, p) => s + p.capital.registered_usd, 0)).toBe(7_300_000_000);
    expect(items.every((p) => p.source_code === "tccs-2023")).toBe(true);
    const vinfast = (await t.inject({ url: "/api/v1/projects?q=vinfast" })).json().items[0];
    expect(vinfast.capital).toMatchObject({ currency: "VND", registered: 175_000_000_000_000 });
  });

  it("flags every generated row as synthetic, in the database and the API", async () => {
    const real = await t.inject({ url: "/api/v1/enterprises?synthetic=false" });
    expect(real.json().total).toBe(0);
    const zone = (await t.inject({ url: "/api/v1/zones/KCN-DINHVU" })).json();
    expect(zone).toMatchObject({
      is_synthetic: true,
      occupancy: 1,
      field_sources: { leased_land_ha: "tccs-2023" },
    });
  });

  it("places enterprises inside the polygon of their commune", async () => {
    const index = await referenceIndex(t.handle.db);
    const rows = await t.handle.db.selectFrom("enterprise").select(["lon", "lat", "commune_code"]).execute();
    const misplaced = rows.filter((r) => {
      const shape = index.communeShapes.get(r.commune_code ?? "");
      return !shape || !contains(shape, { lon: r.lon as number, lat: r.lat as number });
    });
    // Boundaries are simplified to ~30 m, so a point on a border may fall on either side; allow a few.
    expect(misplaced.length / rows.length).toBeLessThan(0.01);
  });

  it("is loaded once and is the same for the same seed", async () => {
    expect(await seedDemoCity(t.handle.db, { seed: 20261121, today: DEMO_TODAY })).toBeNull();
    const other = await openTestDatabase();
    try {
      await seedDemoCity(other.handle.db, { seed: 20261121, today: DEMO_TODAY });
      const fingerprint = (db: typeof t.handle.db) =>
        sql<{
          h: string;
        }>`select md5(string_agg(tax_code || name_vi || coalesce(workers, 0), ',' order by tax_code)) as h from enterprise`.execute(
          db,
        );
      expect((await fingerprint(other.handle.db)).rows[0]?.h).toBe(
        (await fingerprint(t.handle.db)).rows[0]?.h,
      );
    } finally {
      await other.drop();
    }
  });
});

describe("published series", () => {
  it("serves the seed article's official series with their source", async () => {
    const series = (await t.app.inject({ url: "/api/v1/reference/series" })).json();
    const iip = series.find((s: { indicator: string }) => s.indicator === "iip_growth");
    expect(iip.points).toEqual([
      { period: "2019", value: 24.29 },
      { period: "2020", value: 14.58 },
      { period: "2021", value: 18.15 },
      { period: "2022", value: 14.56 },
    ]);
    expect(iip.source).toMatchObject({ code: "tccs-2023", publisher: "Tạp chí Cộng sản" });
    const ownership2017 = series
      .filter((s: { indicator: string }) => s.indicator.startsWith("ownership_share_"))
      .map(
        (s: { points: Array<{ period: string; value: number }> }) =>
          s.points.find((p) => p.period === "2017")?.value,
      )
      .reduce((a: number, b: number) => a + b, 0);
    expect(ownership2017).toBeCloseTo(100, 6);
  });
});
