import { describe, expect, it } from "vitest";
import type { Zone } from "../zones/zones.schemas.ts";
import { summarise } from "./summary.ts";

const zone = (
  code: string,
  kind: Zone["kind"],
  industrial: number | null,
  leased: number | null,
  parent: string | null = null,
): Zone => ({
  code,
  name_vi: code,
  name_en: null,
  kind,
  parent_code: parent,
  commune_codes: [],
  legacy_territory: "east",
  location: null,
  has_boundary: false,
  total_area_ha: 100,
  industrial_land_ha: industrial,
  leased_land_ha: leased,
  vacant_land_ha: null,
  occupancy: null,
  developer: null,
  decision_number: null,
  decision_date: null,
  status: "operating",
  eco_status: "none",
  wastewater_capacity_m3d: null,
  field_sources: {},
  is_synthetic: false,
});

describe("summarise", () => {
  it("computes occupancy only over zones that report both land figures", () => {
    const zones = [zone("A", "kcn", 100, 50), zone("B", "kcn", 100, null), zone("C", "ccn", null, 30)];
    expect(summarise(zones, [], [], true).zones).toMatchObject({
      kcn: 2,
      ccn: 1,
      industrial_land_ha: 200,
      leased_land_ha: 80,
      occupancy: 0.5,
    });
  });

  it("leaves economic zones out of land totals and counts outside rows only for the city", () => {
    const zones = [zone("K", "kkt", null, null), zone("A", "kcn", 80, 40, "K")];
    const enterprises = [
      { zone_code: "A", enterprises: 2, workers: 100, foreign: 1, high_tech: 0 },
      { zone_code: null, enterprises: 5, workers: 50, foreign: 0, high_tech: 0 },
    ];
    expect(summarise(zones, enterprises, [], false).enterprises).toMatchObject({ total: 2, workers: 100 });
    expect(summarise(zones, enterprises, [], true).enterprises).toMatchObject({ total: 7, workers: 150 });
    expect(summarise(zones, [], [], true).zones.total_area_ha).toBe(100);
  });

  it("converts capital per currency and keeps original amounts apart", () => {
    const projects = [
      {
        zone_code: "A",
        origin: "foreign" as const,
        currency: "USD" as const,
        projects: 2,
        registered: 30,
        share_purchase: 5,
        disbursed: 10,
        registered_usd: 30,
        share_purchase_usd: 5,
        disbursed_usd: 10,
      },
      {
        zone_code: "A",
        origin: "foreign" as const,
        currency: "VND" as const,
        projects: 1,
        registered: 250_000,
        share_purchase: 0,
        disbursed: 0,
        registered_usd: 10,
        share_purchase_usd: 0,
        disbursed_usd: 0,
      },
    ];
    const foreign = summarise([zone("A", "kcn", 1, 1)], [], projects, false).projects.foreign;
    expect(foreign).toMatchObject({ projects: 3, registered_usd: 40, share_purchase_usd: 5 });
    expect(foreign.by_currency).toEqual([
      { currency: "USD", registered: 30, share_purchase: 5, disbursed: 10 },
      { currency: "VND", registered: 250_000, share_purchase: 0, disbursed: 0 },
    ]);
  });
});
