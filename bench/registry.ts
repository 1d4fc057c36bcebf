/**
 * Synthetic enterprises and projects at benchmark scale, built from the demo's word lists so that
 * searches such as "dien tu" match a realistic share of rows. Every row passes the import checks.
 */
import type { Insertable } from "kysely";
import type { Db } from "../server/src/db/database.ts";
import { addMonths, dateBetween, rateFor } from "../server/src/modules/demo/calibrate.ts";
import { DIVISIONS, enterpriseName, FDI_COUNTRIES, weighted } from "../server/src/modules/demo/names.ts";
import { upsertEnterprises } from "../server/src/modules/enterprises/enterprises.service.ts";
import type {
  EnterpriseTable,
  InvestorShare,
  Ownership,
} from "../server/src/modules/enterprises/enterprises.table.ts";
import { appendEventsInBulk, upsertProjects } from "../server/src/modules/projects/projects.service.ts";
import type { ProjectTable } from "../server/src/modules/projects/projects.table.ts";
import { withCheckDigit } from "../server/src/modules/reference/tax-code.ts";
import type { Rng } from "../server/src/platform/random.ts";
import { searchText } from "../server/src/platform/text.ts";
import type { BenchCity, Place } from "./city.ts";

type Division = (typeof DIVISIONS)[number];

export interface SyntheticEnterprise {
  tax_code: string;
  name_vi: string;
  name_en: string;
  ownership: Ownership;
  countries: InvestorShare[];
  division: Division;
  vsic_main: string;
  place: Place;
  address: string;
  workers: number;
  high_tech: boolean;
  status: "active" | "suspended";
  established_on: string;
}

/**
 * The i-th code of a series, scattered over the 7-digit range (7_654_321 is coprime with 10^7, so
 * the codes stay distinct) and completed with a valid check digit.
 */
export function taxCode(prefix: string, i: number): string {
  return withCheckDigit(`${prefix}${String((i * 7_654_321) % 10_000_000).padStart(7, "0")}`);
}

function ownershipOf(rng: Rng, place: Place): Ownership {
  // FDI firms sit mostly inside zones; firms outside zones are mostly domestic.
  const r = rng.next();
  if (r < (place.zone ? 0.55 : 0.05)) return "foreign";
  return r < 0.92 ? "non_state" : "state";
}

function countriesOf(rng: Rng, ownership: Ownership): InvestorShare[] {
  if (ownership !== "foreign") return [];
  const country = weighted(rng, FDI_COUNTRIES);
  return rng.next() < 0.15
    ? [
        { country, share: 70 },
        { country: "VN", share: 30 },
      ]
    : [{ country, share: 100 }];
}

export function syntheticEnterprises(
  rng: Rng,
  city: BenchCity,
  n: number,
  prefix: string,
): SyntheticEnterprise[] {
  const divisions = DIVISIONS.map((d) => [d, d.weight] as [Division, number]);
  return Array.from({ length: n }, (_, i) => {
    const place = rng.next() < 0.7 ? rng.pick(city.inZone) : rng.pick(city.outside);
    const ownership = ownershipOf(rng, place);
    const countries = countriesOf(rng, ownership);
    const division = weighted(rng, divisions);
    const name = enterpriseName(rng, countries[0]?.country ?? "VN", division, "");
    const zoneName = city.zones.find((z) => z.code === place.zone)?.name_vi;
    return {
      tax_code: taxCode(prefix, i),
      name_vi: name.vi,
      name_en: name.en,
      ownership,
      countries,
      division,
      vsic_main: rng.pick(city.vsicByDivision.get(division.prefix) ?? ["2610"]),
      place,
      address: [zoneName, place.communeName, "thành phố Hải Phòng"].filter(Boolean).join(", "),
      workers: Math.round(10 + rng.next() ** 3 * (ownership === "foreign" ? 5_000 : 600)),
      high_tech: ownership === "foreign" && division.prefix === "26" && rng.next() < 0.3,
      status: rng.next() < 0.05 ? "suspended" : "active",
      established_on: dateBetween(rng, "1995-01-01", "2025-12-31", 0.8),
    };
  });
}

export function enterpriseRow(e: SyntheticEnterprise): Insertable<EnterpriseTable> {
  return {
    tax_code: e.tax_code,
    name_vi: e.name_vi,
    name_en: e.name_en,
    ownership: e.ownership,
    investor_countries: JSON.stringify(e.countries),
    country_codes: e.countries.map((c) => c.country),
    vsic_version: "2025",
    vsic_main: e.vsic_main,
    vsic_other: [],
    address: e.address,
    commune_code: e.place.commune,
    zone_code: e.place.zone,
    lon: e.place.point.lon,
    lat: e.place.point.lat,
    workers: e.workers,
    workers_as_of: "2025-12-31",
    high_tech: e.high_tech,
    high_tech_certificate: null,
    status: e.status,
    established_on: e.established_on,
    is_synthetic: true,
    search_text: searchText(e.name_vi, e.name_en, e.tax_code),
  };
}

interface SyntheticProject {
  row: Insertable<ProjectTable>;
  capital: number;
  issued_on: string;
}

function projectFor(rng: Rng, e: SyntheticEnterprise, i: number): SyntheticProject {
  const foreign = e.ownership === "foreign";
  const irc = `${foreign ? "02" : "08"}${String((i * 7_654_321) % 100_000_000).padStart(8, "0")}`;
  const name = `Dự án ${e.division.vi.toLowerCase()} ${e.name_en.split(" ")[0]}`;
  const investor = {
    name: e.name_en.replace(/ (Vietnam )?(Co\., Ltd\.|JSC)$/, " Corporation"),
    country: e.countries[0]?.country ?? "VN",
  };
  const issued = dateBetween(rng, e.established_on, "2025-12-31", 0.7);
  const unit = foreign ? 1_000 : 1_000_000;
  const capital = Math.round(((foreign ? 2e5 : 5e9) * Math.exp(rng.next() * 6)) / unit) * unit;
  return {
    capital,
    issued_on: issued,
    row: {
      irc_number: irc,
      name_vi: name,
      name_en: null,
      enterprise_tax_code: e.tax_code,
      investors: JSON.stringify([investor]),
      investor_countries: [investor.country],
      origin: foreign ? "foreign" : "domestic",
      zone_code: e.place.zone,
      commune_code: e.place.commune,
      lon: e.place.point.lon,
      lat: e.place.point.lat,
      land_area_ha: Math.round((0.5 + rng.next() * 20) * 10) / 10,
      vsic_version: "2025",
      vsic_codes: [e.vsic_main],
      currency: foreign ? "USD" : "VND",
      ...rateFor(issued),
      milestones: JSON.stringify([
        {
          code: "construction_start",
          label: "Khởi công xây dựng / Construction start",
          due: addMonths(issued, 6),
        },
        {
          code: "operation_start",
          label: "Đi vào hoạt động / Start of operation",
          due: addMonths(issued, 24),
        },
      ]),
      disbursed_capital: Math.round((capital * rng.next()) / unit) * unit,
      disbursed_as_of: "2025-12-31",
      is_synthetic: true,
      search_text: searchText(name, e.name_vi, e.name_en, irc, investor.name),
    },
  };
}

/** Projects of randomly chosen enterprises, FDI firms three times as likely to hold one. */
export function syntheticProjects(
  rng: Rng,
  enterprises: readonly SyntheticEnterprise[],
  n: number,
): SyntheticProject[] {
  const weights = enterprises.map(
    (e) => [e, e.ownership === "foreign" ? 3 : 1] as [SyntheticEnterprise, number],
  );
  return Array.from({ length: n }, (_, i) => projectFor(rng, weighted(rng, weights), i));
}

/** Writes enterprises, projects and their "issued" events the way the demo loader does: set-based, one transaction. */
export async function seedRegistry(
  db: Db,
  enterprises: readonly SyntheticEnterprise[],
  projects: readonly SyntheticProject[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await upsertEnterprises(trx, enterprises.map(enterpriseRow));
    const written = await upsertProjects(
      trx,
      projects.map((p) => p.row),
    );
    const ids = new Map(written.map((w) => [w.irc_number, w.id]));
    const entries = projects.map((p) => ({
      projectId: ids.get(p.row.irc_number) as number,
      event: { kind: "issued" as const, occurred_on: p.issued_on, amount: p.capital },
    }));
    await appendEventsInBulk(trx, entries);
  });
}
