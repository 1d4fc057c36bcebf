/**
 * The city every benchmark database gets: the demo's 121 zones (so zone filters and the summary have
 * something to group by) and a pool of locations that pass the server's own checks.
 */
import type { Insertable } from "kysely";
import type { Db } from "../server/src/db/database.ts";
import { cityShape } from "../server/src/modules/demo/demo.service.ts";
import { type CityShape, communeOf, generateZones } from "../server/src/modules/demo/generate-zones.ts";
import {
  insideHaiPhong,
  type ReferenceIndex,
  referenceIndex,
} from "../server/src/modules/reference/reference.service.ts";
import { upsertZones } from "../server/src/modules/zones/zones.service.ts";
import type { ZoneTable } from "../server/src/modules/zones/zones.table.ts";
import type { Area, Point } from "../server/src/platform/geo.ts";
import { randomPointIn } from "../server/src/platform/geo.ts";
import type { Rng } from "../server/src/platform/random.ts";

export interface Place {
  commune: string;
  communeName: string;
  zone: string | null;
  point: Point;
}

export interface BenchCity {
  zones: Insertable<ZoneTable>[];
  /** Locations inside zones first, then outside any zone. */
  inZone: Place[];
  outside: Place[];
  /** Four-digit VSIC 2025 codes by two-digit division. */
  vsicByDivision: Map<string, string[]>;
}

const PLACES_IN_ZONES = 2_000;
const PLACES_OUTSIDE = 1_000;

/** Deterministic for a given rng; reads only reference data, so one city fits every fresh database. */
export async function buildCity(db: Db, rng: Rng): Promise<BenchCity> {
  const index = await referenceIndex(db);
  const shape = await cityShape(db);
  const zones = generateZones(rng, shape);
  return {
    zones,
    inZone: zonePlaces(rng, shape, index, zones),
    outside: outsidePlaces(rng, shape, index),
    vsicByDivision: vsicByDivision(index.vsic),
  };
}

export async function writeZones(db: Db, city: BenchCity): Promise<void> {
  await upsertZones(db, city.zones);
}

function zonePlaces(
  rng: Rng,
  shape: CityShape,
  index: ReferenceIndex,
  zones: Insertable<ZoneTable>[],
): Place[] {
  const open = zones.filter((z) => z.boundary && z.status !== "planned");
  const places: Place[] = [];
  while (places.length < PLACES_IN_ZONES) {
    const zone = rng.pick(open);
    const point = randomPointIn(JSON.parse(zone.boundary as string) as Area, rng);
    // Coastal zone squares reach into the sea; the import would rightly reject those points.
    const commune = insideHaiPhong(index, point) ? communeOf(shape, point) : undefined;
    if (commune)
      places.push({ commune: commune.code, communeName: commune.full_name, zone: zone.code, point });
  }
  return places;
}

function outsidePlaces(rng: Rng, shape: CityShape, index: ReferenceIndex): Place[] {
  const places: Place[] = [];
  while (places.length < PLACES_OUTSIDE) {
    const commune = rng.pick(shape.communes);
    const point = randomPointIn(commune.shape, rng);
    if (insideHaiPhong(index, point))
      places.push({ commune: commune.code, communeName: commune.full_name, zone: null, point });
  }
  return places;
}

function vsicByDivision(vsic: ReadonlySet<string>): Map<string, string[]> {
  const byDivision = new Map<string, string[]>();
  for (const code of vsic) {
    if (code.length !== 4) continue;
    const division = code.slice(0, 2);
    byDivision.set(division, [...(byDivision.get(division) ?? []), code]);
  }
  return byDivision;
}
