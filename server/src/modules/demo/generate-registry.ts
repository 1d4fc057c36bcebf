/**
 * Generates enterprises and investment projects. The projects in the KCN and KKT of old Hải Phòng
 * (East) reproduce the seed article's totals exactly; the rest of the city is synthetic without a
 * published target.
 */
import type { Insertable } from "kysely";
import type { Rng } from "../../platform/random.ts";
import type { EnterpriseTable } from "../enterprises/enterprises.table.ts";
import type { ZoneTable } from "../zones/zones.table.ts";
import { apportion, dateBetween, lognormalWeights } from "./calibrate.ts";
import { CALIBRATION, FLAGSHIPS } from "./catalog.ts";
import { DIVISIONS, FDI_COUNTRIES, weighted } from "./names.ts";
import { build, type DemoProject, type Plan, type RegistryInput, vsicIn } from "./registry-rows.ts";

export type { DemoProject, RegistryInput } from "./registry-rows.ts";

function planFlagships(zones: Map<string, Insertable<ZoneTable>>, vsic: ReadonlySet<string>): Plan[] {
  return FLAGSHIPS.flatMap((f) =>
    f.capital.map((capital, i) => ({
      zone: zones.get(f.zone) as Insertable<ZoneTable>,
      origin: f.country === "VN" ? ("domestic" as const) : ("foreign" as const),
      currency: f.currency,
      capital,
      sharePurchase: 0,
      issued: f.issued[i] as string,
      until: CALIBRATION.asOf,
      calibrated: true,
      country: f.country,
      division:
        DIVISIONS.find((d) => f.vsic.startsWith(d.prefix)) ?? (DIVISIONS[0] as (typeof DIVISIONS)[number]),
      vsic: vsic.has(f.vsic) ? f.vsic : f.vsic.slice(0, 3),
      name: {
        vi: f.enterprise,
        en: f.enterprise_en,
        project: f.capital.length > 1 ? `${f.name_vi} (${i + 1}/${f.capital.length})` : f.name_vi,
      },
      source: "tccs-2023",
    })),
  );
}

function planMany(
  rng: Rng,
  input: RegistryInput,
  pool: Insertable<ZoneTable>[],
  n: number,
  origin: "foreign" | "domestic",
  total: number | null,
  calibrated: boolean,
  from: string,
  until: string,
): Plan[] {
  const currency = origin === "foreign" ? "USD" : "VND";
  const unit = currency === "USD" ? 1_000 : 1_000_000;
  const weights = lognormalWeights(rng, n, 1.3);
  const amounts =
    total !== null
      ? apportion(total, weights, unit)
      : weights.map((w) =>
          Math.max(unit, Math.round((w * (currency === "USD" ? 15e6 : 90e9)) / unit) * unit),
        );
  const zoneWeights = pool.map(
    (z) => [z, (z.industrial_land_ha ?? 1) as number] as [Insertable<ZoneTable>, number],
  );
  return amounts.map((capital) => {
    const division = weighted(
      rng,
      DIVISIONS.map((d) => [d, d.weight] as [(typeof DIVISIONS)[number], number]),
    );
    return {
      zone: weighted(rng, zoneWeights),
      origin,
      currency,
      capital,
      sharePurchase: 0,
      issued: dateBetween(rng, from, until, 0.7),
      until,
      calibrated,
      country: origin === "foreign" ? weighted(rng, FDI_COUNTRIES) : "VN",
      division,
      vsic: vsicIn(rng, input.vsic, division.prefix),
      source: "synthetic-demo",
    };
  });
}

/** Share purchases (2.19 bn USD) spread over a third of the calibrated foreign projects. */
function addSharePurchases(rng: Rng, plans: Plan[]): void {
  const foreign = plans.filter(
    (p) => p.calibrated && p.origin === "foreign" && p.source === "synthetic-demo",
  );
  const chosen = foreign.filter(() => rng.next() < 0.33);
  const amounts = apportion(CALIBRATION.sharePurchaseUsd, lognormalWeights(rng, chosen.length, 1), 1_000);
  chosen.forEach((p, i) => {
    p.sharePurchase = amounts[i] as number;
  });
}

/** Workers in the calibrated enterprises add up to the published 194,778. */
function assignWorkers(rng: Rng, plans: Plan[]): void {
  const calibrated = plans.filter((p) => p.calibrated);
  const usd = (p: Plan) => (p.currency === "USD" ? p.capital : p.capital / 23_000);
  const counts = apportion(
    CALIBRATION.workers,
    calibrated.map((p) => Math.sqrt(usd(p)) * (0.5 + rng.next())),
  );
  calibrated.forEach((p, i) => {
    p.workers = counts[i] as number;
  });
  for (const p of plans)
    if (p.workers === undefined) p.workers = Math.round(Math.sqrt(usd(p)) * (0.05 + rng.next() * 0.1));
}

export function generateRegistry(input: RegistryInput): {
  enterprises: Insertable<EnterpriseTable>[];
  projects: DemoProject[];
} {
  const { rng, zones, today } = input;
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const active = (z: Insertable<ZoneTable>) => z.status !== "planned";
  const eastZones = zones.filter((z) => z.kind === "kcn" && z.legacy_territory === "east" && active(z));
  const westZones = zones.filter((z) => z.kind === "kcn" && z.legacy_territory === "west" && active(z));
  const ccns = zones.filter((z) => z.kind === "ccn" && active(z));
  const flagships = planFlagships(byCode, input.vsic);
  // The synthetic East projects of each origin make up what the flagships leave of the published totals.
  const calibrated = (
    origin: "foreign" | "domestic",
    count: number,
    capital: number,
    from: string,
  ): Plan[] => {
    const named = flagships.filter((p) => p.origin === origin);
    const rest = capital - named.reduce((s, p) => s + p.capital, 0);
    return planMany(rng, input, eastZones, count - named.length, origin, rest, true, from, CALIBRATION.asOf);
  };
  const plans = [
    ...flagships,
    ...calibrated("foreign", CALIBRATION.foreignProjects, CALIBRATION.foreignCapitalUsd, "1997-01-01"),
    ...calibrated("domestic", CALIBRATION.domesticProjects, CALIBRATION.domesticCapitalVnd, "2000-01-01"),
    ...planMany(rng, input, westZones, 160, "foreign", null, false, "2006-01-01", today),
    ...planMany(rng, input, westZones, 70, "domestic", null, false, "2006-01-01", today),
    ...planMany(rng, input, ccns, 180, "domestic", null, false, "2010-01-01", today).map((p) => ({
      ...p,
      capital: Math.max(5e9, Math.round(p.capital / 6 / 1e6) * 1e6),
    })),
  ];
  addSharePurchases(rng, plans);
  assignWorkers(rng, plans);
  return build(rng, input, plans, today);
}
