/** Builds city and zone summaries from per-zone aggregates. Pure: no I/O. */
import type { EnterpriseAggregate } from "../enterprises/enterprises.service.ts";
import type { ProjectAggregate } from "../projects/projects.service.ts";
import type { Zone } from "../zones/zones.schemas.ts";

export interface CapitalTotals {
  projects: number;
  registered_usd: number;
  share_purchase_usd: number;
  disbursed_usd: number;
  /** Amounts in their own currency, never converted. */
  by_currency: Array<{
    currency: "VND" | "USD";
    registered: number;
    share_purchase: number;
    disbursed: number;
  }>;
}

export interface Summary {
  zones: {
    kkt: number;
    kcn: number;
    ccn: number;
    total_area_ha: number;
    industrial_land_ha: number;
    leased_land_ha: number;
    occupancy: number | null;
  };
  enterprises: { total: number; foreign: number; high_tech: number; workers: number };
  projects: { foreign: CapitalTotals; domestic: CapitalTotals };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function capital(rows: readonly ProjectAggregate[]): CapitalTotals {
  const byCurrency = new Map<
    "VND" | "USD",
    { currency: "VND" | "USD"; registered: number; share_purchase: number; disbursed: number }
  >();
  const totals = { projects: 0, registered_usd: 0, share_purchase_usd: 0, disbursed_usd: 0 };
  for (const r of rows) {
    totals.projects += r.projects;
    totals.registered_usd += r.registered_usd;
    totals.share_purchase_usd += r.share_purchase_usd;
    totals.disbursed_usd += r.disbursed_usd;
    const c = byCurrency.get(r.currency) ?? {
      currency: r.currency,
      registered: 0,
      share_purchase: 0,
      disbursed: 0,
    };
    c.registered += r.registered;
    c.share_purchase += r.share_purchase;
    c.disbursed += r.disbursed;
    byCurrency.set(r.currency, c);
  }
  return {
    projects: totals.projects,
    registered_usd: round(totals.registered_usd),
    share_purchase_usd: round(totals.share_purchase_usd),
    disbursed_usd: round(totals.disbursed_usd),
    by_currency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/**
 * Summarises the given zones. `inScope(zoneCode)` decides which aggregate rows count: rows with a
 * null zone (outside any zone) count only when `includeOutside` is set (the city view).
 */
export function summarise(
  zones: readonly Zone[],
  enterprises: readonly EnterpriseAggregate[],
  projects: readonly ProjectAggregate[],
  includeOutside: boolean,
): Summary {
  const codes = new Set(zones.map((z) => z.code));
  const counts = (zone: string | null) => (zone === null ? includeOutside : codes.has(zone));
  const e = enterprises.filter((r) => counts(r.zone_code));
  const p = projects.filter((r) => counts(r.zone_code));
  // Land totals are those of industrial zones and clusters; an economic zone's area is mostly not industrial land.
  const land = zones.filter((z) => z.kind !== "kkt");
  const industrial = land.reduce((s, z) => s + (z.industrial_land_ha ?? 0), 0);
  const leased = land.reduce((s, z) => s + (z.leased_land_ha ?? 0), 0);
  // Occupancy only over zones that report both figures, as for a single zone.
  const known = land.filter((z) => z.industrial_land_ha !== null && z.leased_land_ha !== null);
  const knownIndustrial = known.reduce((s, z) => s + (z.industrial_land_ha ?? 0), 0);
  const knownLeased = known.reduce((s, z) => s + (z.leased_land_ha ?? 0), 0);
  return {
    zones: {
      kkt: zones.filter((z) => z.kind === "kkt").length,
      kcn: zones.filter((z) => z.kind === "kcn").length,
      ccn: zones.filter((z) => z.kind === "ccn").length,
      total_area_ha: round(land.reduce((s, z) => s + z.total_area_ha, 0)),
      industrial_land_ha: round(industrial),
      leased_land_ha: round(leased),
      occupancy: knownIndustrial > 0 ? round(knownLeased / knownIndustrial, 4) : null,
    },
    enterprises: {
      total: e.reduce((s, r) => s + r.enterprises, 0),
      foreign: e.reduce((s, r) => s + r.foreign, 0),
      high_tech: e.reduce((s, r) => s + r.high_tech, 0),
      workers: e.reduce((s, r) => s + r.workers, 0),
    },
    projects: {
      foreign: capital(p.filter((r) => r.origin === "foreign")),
      domestic: capital(p.filter((r) => r.origin === "domestic")),
    },
  };
}
