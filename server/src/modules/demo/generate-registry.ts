/**
 * Generates enterprises and investment projects. The projects in the KCN and KKT of old Hải Phòng
 * (East) reproduce the seed article's totals exactly; the rest of the city is synthetic without a
 * published target.
 */
import type { Insertable } from "kysely";
import { contains, type Point, randomPointIn } from "../../platform/geo.ts";
import type { Rng } from "../../platform/random.ts";
import { searchText } from "../../platform/text.ts";
import type { EnterpriseTable } from "../enterprises/enterprises.table.ts";
import type { ProjectEvent } from "../projects/project-events.ts";
import type { ProjectTable } from "../projects/projects.table.ts";
import { withCheckDigit } from "../reference/tax-code.ts";
import type { ZoneTable } from "../zones/zones.table.ts";
import { addMonths, apportion, dateBetween, lognormalWeights, rateFor } from "./calibrate.ts";
import { CALIBRATION, FLAGSHIPS } from "./catalog.ts";
import { type CityShape, communeOf } from "./generate-zones.ts";
import { DIVISIONS, enterpriseName, FDI_COUNTRIES, weighted } from "./names.ts";

export interface DemoProject {
  row: Insertable<ProjectTable>;
  events: ProjectEvent[];
}

interface Plan {
  zone: Insertable<ZoneTable>;
  origin: "foreign" | "domestic";
  currency: "USD" | "VND";
  capital: number;
  sharePurchase: number;
  issued: string;
  until: string;
  calibrated: boolean;
  country: string;
  division: (typeof DIVISIONS)[number];
  vsic: string;
  name?: { vi: string; en: string; project: string };
  source: string;
  workers?: number;
}

export interface RegistryInput {
  rng: Rng;
  city: CityShape;
  zones: Insertable<ZoneTable>[];
  vsic: ReadonlySet<string>;
  today: string;
}

class Codes {
  readonly #used = new Set<string>();
  readonly rng: Rng;
  constructor(rng: Rng) {
    this.rng = rng;
  }
  taxCode(prefix: string): string {
    for (;;) {
      const code = withCheckDigit(`${prefix}${String(this.rng.int(0, 9_999_999)).padStart(7, "0")}`);
      if (!this.#used.has(code)) {
        this.#used.add(code);
        return code;
      }
    }
  }
  irc(prefix: string): string {
    for (;;) {
      const code = `${prefix}${String(this.rng.int(0, 99_999_999)).padStart(8, "0")}`;
      if (!this.#used.has(code)) {
        this.#used.add(code);
        return code;
      }
    }
  }
}

function vsicIn(rng: Rng, vsic: ReadonlySet<string>, prefix: string): string {
  const codes = [...vsic].filter((c) => c.length === 4 && c.startsWith(prefix));
  return codes.length ? rng.pick(codes) : (rng.pick([...vsic].filter((c) => c.length === 4)) as string);
}

function pointIn(rng: Rng, city: CityShape, zone: Insertable<ZoneTable>): Point {
  const boundary = zone.boundary ? JSON.parse(zone.boundary as string) : null;
  for (let i = 0; i < 50 && boundary; i++) {
    const p = randomPointIn(boundary, rng);
    if (contains(city.outline, p)) return p;
  }
  return { lon: zone.lon as number, lat: zone.lat as number };
}

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

function events(rng: Rng, p: Plan, today: string): ProjectEvent[] {
  const list: ProjectEvent[] = [];
  // Small projects keep their capital from the start, so that no part of it rounds to zero.
  const increase = p.source === "synthetic-demo" && p.capital >= 1_000_000 && rng.next() < 0.3;
  const first = increase ? Math.round((p.capital * (0.4 + rng.next() * 0.4)) / 1000) * 1000 : p.capital;
  list.push({ kind: "issued", occurred_on: p.issued, amount: first, decision_number: null });
  let last = p.issued;
  const later = (months: number) => {
    const d = addMonths(last, months);
    // Never after the project's horizon, never before the previous event (ISO dates sort as text).
    const capped = [d, p.until].sort()[0] as string;
    last = [capped, last].sort()[1] as string;
    return last;
  };
  if (increase)
    list.push({
      kind: "capital_increase",
      occurred_on: later(rng.int(6, 36)),
      amount: p.capital - first,
      decision_number: null,
    });
  if (p.sharePurchase > 0)
    list.push({
      kind: "share_purchase",
      occurred_on: later(rng.int(3, 24)),
      amount: p.sharePurchase,
      decision_number: null,
    });
  if (p.source === "synthetic-demo") {
    const r = rng.next();
    if (r < 0.06)
      list.push({
        kind: "extension",
        occurred_on: later(rng.int(12, 24)),
        months: rng.pick([6, 12, 18]),
        decision_number: null,
      });
    else if (r < 0.08)
      list.push({ kind: "suspension", occurred_on: later(rng.int(12, 30)), decision_number: null });
    else if (r < 0.1 && !p.calibrated)
      list.push({
        kind: "termination",
        occurred_on: later(rng.int(12, 30)),
        decision_number: null,
        note: "Chậm tiến độ (mô phỏng)",
      });
  }
  return list.filter((e) => e.occurred_on <= today);
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
  const flagForeign = flagships.filter((p) => p.origin === "foreign");
  const flagDomestic = flagships.filter((p) => p.origin === "domestic");
  const plans = [
    ...flagships,
    ...planMany(
      rng,
      input,
      eastZones,
      CALIBRATION.foreignProjects - flagForeign.length,
      "foreign",
      CALIBRATION.foreignCapitalUsd - flagForeign.reduce((s, p) => s + p.capital, 0),
      true,
      "1997-01-01",
      CALIBRATION.asOf,
    ),
    ...planMany(
      rng,
      input,
      eastZones,
      CALIBRATION.domesticProjects - flagDomestic.length,
      "domestic",
      CALIBRATION.domesticCapitalVnd - flagDomestic.reduce((s, p) => s + p.capital, 0),
      true,
      "2000-01-01",
      CALIBRATION.asOf,
    ),
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

function build(rng: Rng, input: RegistryInput, plans: Plan[], today: string) {
  const codes = new Codes(rng);
  const enterprises: Insertable<EnterpriseTable>[] = [];
  const projects: DemoProject[] = [];
  const byName = new Map<string, Insertable<EnterpriseTable>>();
  for (const p of plans) {
    const point = pointIn(rng, input.city, p.zone);
    const commune = communeOf(input.city, point)?.code ?? p.zone.commune_codes?.[0] ?? null;
    const east = p.zone.legacy_territory === "east";
    let enterprise = p.name ? byName.get(p.name.vi) : undefined;
    if (!enterprise) {
      const name = p.name ?? enterpriseName(rng, p.country, p.division, "");
      const taxCode = codes.taxCode(east ? "02" : "08");
      const ownership = p.origin === "foreign" ? "foreign" : rng.next() < 0.1 ? "state" : "non_state";
      const joint = p.origin === "foreign" && rng.next() < 0.15;
      const countries =
        p.origin === "foreign"
          ? joint
            ? [
                { country: p.country, share: 70 },
                { country: "VN", share: 30 },
              ]
            : [{ country: p.country, share: 100 }]
          : [];
      const highTech = p.origin === "foreign" && p.division.prefix === "26" && rng.next() < 0.4;
      enterprise = {
        tax_code: taxCode,
        name_vi: name.vi,
        name_en: name.en,
        ownership,
        investor_countries: JSON.stringify(countries),
        country_codes: countries.map((c) => c.country),
        vsic_version: "2025",
        vsic_main: p.vsic,
        vsic_other: [],
        address: `${p.zone.name_vi}, ${input.city.communes.find((c) => c.code === commune)?.full_name ?? ""}, thành phố Hải Phòng`,
        commune_code: commune,
        zone_code: p.zone.code,
        lon: point.lon,
        lat: point.lat,
        workers: 0,
        workers_as_of: "2025-12-31",
        high_tech: highTech,
        high_tech_certificate: highTech ? `CNC-${rng.int(10, 99)}/${p.issued.slice(0, 4)} (mô phỏng)` : null,
        status: "active",
        established_on: p.issued,
        source_code: "synthetic-demo",
        is_synthetic: true,
        search_text: searchText(name.vi, name.en, taxCode),
      };
      enterprises.push(enterprise);
      if (p.name) byName.set(p.name.vi, enterprise);
    }
    enterprise.workers = (enterprise.workers ?? 0) + (p.workers ?? 0);
    projects.push(project(rng, codes, p, enterprise, point, commune, today));
  }
  enterprises.push(...outsideZones(rng, input, codes));
  return { enterprises, projects };
}

function project(
  rng: Rng,
  codes: Codes,
  p: Plan,
  e: Insertable<EnterpriseTable>,
  point: Point,
  commune: string | null,
  today: string,
): DemoProject {
  const irc = codes.irc(p.zone.legacy_territory === "east" ? "02" : "08");
  const name =
    p.name?.project ?? `Dự án ${p.division.vi.toLowerCase()} ${e.name_en?.split(" ")[0] ?? ""}`.trim();
  const investor = {
    name: p.name?.en ?? (e.name_en as string).replace(/ Vietnam Co\., Ltd\.$/, " Corporation"),
    country: p.country,
  };
  return {
    row: {
      irc_number: irc,
      name_vi: name,
      name_en: null,
      enterprise_tax_code: e.tax_code,
      investors: JSON.stringify([investor]),
      investor_countries: [p.country],
      origin: p.origin,
      zone_code: p.zone.code,
      commune_code: commune,
      lon: point.lon,
      lat: point.lat,
      land_area_ha:
        Math.round(
          Math.max(
            0.5,
            Math.sqrt(p.currency === "USD" ? p.capital / 1e6 : p.capital / 23e9) * (1 + rng.next()),
          ) * 10,
        ) / 10,
      vsic_version: "2025",
      vsic_codes: [p.vsic],
      currency: p.currency,
      ...rateFor(p.issued),
      milestones: JSON.stringify([
        {
          code: "construction_start",
          label: "Khởi công xây dựng / Construction start",
          due: addMonths(p.issued, rng.int(4, 12)),
        },
        {
          code: "operation_start",
          label: "Đi vào hoạt động / Start of operation",
          due: addMonths(p.issued, rng.int(18, 36)),
        },
      ]),
      disbursed_capital: Math.round((p.capital * (0.3 + rng.next() * 0.7)) / 1000) * 1000,
      disbursed_as_of: "2025-12-31",
      source_code: p.source,
      is_synthetic: true,
      search_text: searchText(name, e.name_vi, e.name_en, irc, investor.name),
    },
    events: events(rng, p, today),
  };
}

/** Firms outside any zone (most of Hải Phòng's enterprises are): domestic, no project record here. */
function outsideZones(rng: Rng, input: RegistryInput, codes: Codes): Insertable<EnterpriseTable>[] {
  return Array.from({ length: 300 }, () => {
    const commune = rng.pick(input.city.communes);
    const point = randomPointIn(commune.shape, rng);
    const division = weighted(
      rng,
      DIVISIONS.map((d) => [d, d.weight] as [(typeof DIVISIONS)[number], number]),
    );
    const name = enterpriseName(rng, "VN", division, "");
    const taxCode = codes.taxCode(commune.territory === "east" ? "02" : "08");
    return {
      tax_code: taxCode,
      name_vi: name.vi,
      name_en: name.en,
      ownership: rng.next() < 0.08 ? "state" : "non_state",
      investor_countries: "[]",
      country_codes: [],
      vsic_version: "2025",
      vsic_main: vsicIn(rng, input.vsic, division.prefix),
      vsic_other: [],
      address: `${commune.full_name}, thành phố Hải Phòng`,
      commune_code: commune.code,
      zone_code: null,
      lon: point.lon,
      lat: point.lat,
      workers: rng.int(8, 400),
      workers_as_of: "2025-12-31",
      high_tech: false,
      high_tech_certificate: null,
      status: rng.next() < 0.05 ? "suspended" : "active",
      established_on: dateBetween(rng, "1995-01-01", input.today, 0.8),
      source_code: "synthetic-demo",
      is_synthetic: true,
      search_text: searchText(name.vi, name.en, taxCode),
    };
  });
}
