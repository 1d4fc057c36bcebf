/** Generates the demo city's 2 KKT, 40 KCN and 79 CCN: named ones from the catalogue, the rest synthetic. */
import type { Insertable } from "kysely";
import {
  type Area,
  bbox,
  contains,
  type Point,
  randomPointIn,
  round,
  squareAround,
} from "../../platform/geo.ts";
import type { Rng } from "../../platform/random.ts";
import { searchText } from "../../platform/text.ts";
import type { ZoneTable } from "../zones/zones.table.ts";
import { apportion, lognormalWeights } from "./calibrate.ts";
import { CALIBRATION } from "./catalog.ts";
import { NAMED_ZONES, type NamedZone } from "./named-zones.ts";

export interface Commune {
  code: string;
  name: string;
  full_name: string;
  shape: Area;
  territory: "east" | "west";
}

export interface CityShape {
  outline: Area;
  communes: Commune[];
}

export function communeOf(city: CityShape, point: Point): Commune | undefined {
  return city.communes.find((c) => contains(c.shape, point));
}

function placeNamed(rng: Rng, city: CityShape, z: NamedZone): { point: Point; commune: Commune } {
  const point = { lon: z.lon, lat: z.lat };
  const commune = contains(city.outline, point) ? communeOf(city, point) : undefined;
  if (commune) return { point, commune };
  // The approximate position fell outside every commune (e.g. on water): use the nearest commune.
  const fallback = nearestCommune(city, point);
  return { point: randomPointIn(fallback.shape, rng), commune: fallback };
}

function nearestCommune(city: CityShape, point: Point): Commune {
  let best = city.communes[0] as Commune;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const commune of city.communes) {
    const box = bbox(commune.shape);
    const distance =
      ((box.minLon + box.maxLon) / 2 - point.lon) ** 2 + ((box.minLat + box.maxLat) / 2 - point.lat) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [commune, distance];
  }
  return best;
}

function statusFor(rng: Rng, named: boolean): ZoneTable["status"] {
  if (named) return "operating";
  const r = rng.next();
  return r < 0.6 ? "operating" : r < 0.85 ? "under_construction" : "planned";
}

function leasedShare(rng: Rng, status: ZoneTable["status"], full: boolean): number {
  if (full) return 1;
  if (status === "planned") return 0;
  if (status === "under_construction") return rng.next() * 0.3;
  return 0.35 + rng.next() * 0.6;
}

interface Draft {
  named?: NamedZone;
  code: string;
  name_vi: string;
  name_en: string;
  kind: "kkt" | "kcn" | "ccn";
  point: Point;
  commune: Commune;
  area: number;
}

function synthetic(rng: Rng, city: CityShape, kind: "kcn" | "ccn", n: number, used: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  const label =
    kind === "kcn"
      ? ["Khu công nghiệp", "Industrial Zone", "KCN"]
      : ["Cụm công nghiệp", "Industrial Cluster", "CCN"];
  while (drafts.length < n) {
    const east = rng.next() < 0.55;
    const commune = rng.pick(city.communes.filter((c) => c.territory === (east ? "east" : "west")));
    const code = `${label[2]}-${commune.code}`;
    if (used.has(code)) continue;
    used.add(code);
    drafts.push({
      code,
      name_vi: `${label[0]} ${commune.name}`,
      name_en: `${commune.name} ${label[1]}`,
      kind,
      point: randomPointIn(commune.shape, rng),
      commune,
      area: 0,
    });
  }
  return drafts;
}

/** Areas of the unnamed zones of a kind are scaled so that the kind's total matches the published total. */
function calibrateAreas(rng: Rng, drafts: Draft[], total: number): void {
  const fixed = drafts.filter((d) => d.named?.area_ha).reduce((s, d) => s + (d.named?.area_ha ?? 0), 0);
  const free = drafts.filter((d) => !d.named?.area_ha);
  const shares = apportion(Math.round((total - fixed) * 100), lognormalWeights(rng, free.length, 0.6));
  free.forEach((d, i) => {
    d.area = (shares[i] as number) / 100;
  });
  for (const d of drafts) if (d.named?.area_ha) d.area = d.named.area_ha;
}

export function generateZones(rng: Rng, city: CityShape): Insertable<ZoneTable>[] {
  const used = new Set(NAMED_ZONES.map((z) => z.code));
  const named: Draft[] = NAMED_ZONES.map((z) => ({
    named: z,
    code: z.code,
    name_vi: z.name_vi,
    name_en: z.name_en,
    kind: z.kind,
    ...placeNamed(rng, city, z),
    area: z.area_ha ?? 0,
  }));
  const kcn = [
    ...named.filter((d) => d.kind === "kcn"),
    ...synthetic(rng, city, "kcn", CALIBRATION.kcnTotal - named.filter((d) => d.kind === "kcn").length, used),
  ];
  const ccn = [
    ...named.filter((d) => d.kind === "ccn"),
    ...synthetic(rng, city, "ccn", CALIBRATION.ccnTotal - named.filter((d) => d.kind === "ccn").length, used),
  ];
  calibrateAreas(rng, kcn, CALIBRATION.kcnAreaHa);
  calibrateAreas(rng, ccn, CALIBRATION.ccnAreaHa);
  return [...named.filter((d) => d.kind === "kkt"), ...kcn, ...ccn].map((d) => zoneRow(rng, d));
}

function zoneRow(rng: Rng, d: Draft): Insertable<ZoneTable> {
  const z = d.named;
  const status = d.kind === "kkt" ? "operating" : statusFor(rng, Boolean(z));
  const industrial = d.kind === "kkt" ? null : round(d.area * (0.62 + rng.next() * 0.1), 2);
  const leased =
    industrial === null ? null : round(industrial * leasedShare(rng, status, Boolean(z?.full)), 2);
  // Per-zone figures are synthetic; only the KCN and CCN totals match the published merger figures.
  const sources: Record<string, string> = {
    total_area_ha: z?.area_source ?? "synthetic-demo",
    location: "synthetic-demo",
  };
  if (z) sources.name_vi = "tccs-2023";
  if (z?.full) sources.leased_land_ha = "tccs-2023";
  return {
    code: d.code,
    name_vi: d.name_vi,
    name_en: d.name_en,
    kind: d.kind,
    parent_code: z?.parent ?? null,
    commune_codes: [d.commune.code],
    legacy_territory: z?.territory ?? d.commune.territory,
    boundary: d.kind === "kkt" ? null : JSON.stringify(squareAround(d.point, Math.sqrt(d.area * 10_000))),
    lon: d.point.lon,
    lat: d.point.lat,
    total_area_ha: d.area,
    industrial_land_ha: industrial,
    leased_land_ha: leased,
    developer:
      d.kind === "kkt"
        ? null
        : `Công ty Phát triển hạ tầng ${d.name_vi.replace(/^(Khu|Cụm) công nghiệp /, "")} (mô phỏng)`,
    decision_number: z?.decision?.[0] ?? null,
    decision_date: z?.decision?.[1] ?? null,
    status,
    eco_status: z?.eco ?? "none",
    wastewater_capacity_m3d:
      status === "operating" && d.kind !== "kkt"
        ? Math.round((d.area * (15 + rng.next() * 15)) / 100) * 100
        : null,
    field_sources: JSON.stringify(sources),
    is_synthetic: true,
    search_text: searchText(d.name_vi, d.name_en, d.code),
  };
}
