/** Turns planned projects into enterprise and project rows with codes, places and events. Pure. */
import type { Insertable } from "kysely";
import { contains, type Point, randomPointIn } from "../../platform/geo.ts";
import type { Rng } from "../../platform/random.ts";
import { searchText } from "../../platform/text.ts";
import type { EnterpriseTable } from "../enterprises/enterprises.table.ts";
import type { ProjectEvent } from "../projects/project-events.ts";
import type { ProjectTable } from "../projects/projects.table.ts";
import { withCheckDigit } from "../reference/tax-code.ts";
import type { ZoneTable } from "../zones/zones.table.ts";
import { addMonths, dateBetween, rateFor } from "./calibrate.ts";
import { type CityShape, communeOf } from "./generate-zones.ts";
import { DIVISIONS, enterpriseName, weighted } from "./names.ts";

export interface DemoProject {
  row: Insertable<ProjectTable>;
  events: ProjectEvent[];
}

export interface Plan {
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

export class Codes {
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

export function vsicIn(rng: Rng, vsic: ReadonlySet<string>, prefix: string): string {
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

export function build(rng: Rng, input: RegistryInput, plans: Plan[], today: string) {
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
