/** Plain GeoJSON geometry helpers, WGS84 longitude/latitude. No projection, no I/O. */
import type { Rng } from "./random.ts";

export type Position = [number, number];
export type Polygon = { type: "Polygon"; coordinates: Position[][] };
export type MultiPolygon = { type: "MultiPolygon"; coordinates: Position[][][] };
export type Area = Polygon | MultiPolygon;
export interface Point {
  lon: number;
  lat: number;
}

function polygons(area: Area): Position[][][] {
  return area.type === "Polygon" ? [area.coordinates] : area.coordinates;
}

/**
 * An area prepared for fast point tests: its bounding box and its ring edges sorted into horizontal
 * bands, so that a test looks only at the few edges that cross the point's latitude.
 */
interface Prepared {
  box: BBox;
  bandHeight: number;
  /** Per band, flat [x1, y1, x2, y2, …] edges whose latitude span overlaps the band. */
  bands: number[][];
}

const BANDS = 128;
const prepared = new WeakMap<Area, Prepared>();

function prepare(area: Area): Prepared {
  const box = bbox(area);
  const bandHeight = (box.maxLat - box.minLat) / BANDS || 1;
  const bands: number[][] = Array.from({ length: BANDS }, () => []);
  const band = (lat: number) => Math.min(BANDS - 1, Math.max(0, Math.floor((lat - box.minLat) / bandHeight)));
  for (const polygon of polygons(area)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as Position;
        const [xj, yj] = ring[j] as Position;
        for (let b = band(Math.min(yi, yj)); b <= band(Math.max(yi, yj)); b++) bands[b]?.push(xi, yi, xj, yj);
      }
    }
  }
  return { box, bandHeight, bands };
}

/**
 * True when the point is inside the area (even-odd rule over every ring, so holes and the parts
 * of a multipolygon count correctly). Points on an edge may fall either way, which is fine at the
 * ~30 m precision of the boundary data.
 */
export function contains(area: Area, point: Point): boolean {
  let p = prepared.get(area);
  if (!p) {
    p = prepare(area);
    prepared.set(area, p);
  }
  const { box } = p;
  if (point.lon < box.minLon || point.lon > box.maxLon || point.lat < box.minLat || point.lat > box.maxLat)
    return false;
  const edges = p.bands[Math.min(BANDS - 1, Math.floor((point.lat - box.minLat) / p.bandHeight))] ?? [];
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const xi = edges[k] as number;
    const yi = edges[k + 1] as number;
    const xj = edges[k + 2] as number;
    const yj = edges[k + 3] as number;
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function bbox(area: Area): BBox {
  const box = { minLon: 180, minLat: 90, maxLon: -180, maxLat: -90 };
  for (const polygon of polygons(area)) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

/** A uniformly random point inside the area (rejection sampling in its bounding box). */
export function randomPointIn(area: Area, rng: Rng): Point {
  const box = bbox(area);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const point = {
      lon: round(box.minLon + rng.next() * (box.maxLon - box.minLon), 5),
      lat: round(box.minLat + rng.next() * (box.maxLat - box.minLat), 5),
    };
    if (contains(area, point)) return point;
  }
  throw new Error("no point found inside the area");
}

/** A small square polygon (side in metres) centred on a point — a stand-in boundary for synthetic zones. */
export function squareAround(point: Point, sideMetres: number): Polygon {
  const dLat = sideMetres / 2 / 111_320;
  const dLon = dLat / Math.cos((point.lat * Math.PI) / 180);
  const ring: Position[] = [
    [round(point.lon - dLon, 5), round(point.lat - dLat, 5)],
    [round(point.lon + dLon, 5), round(point.lat - dLat, 5)],
    [round(point.lon + dLon, 5), round(point.lat + dLat, 5)],
    [round(point.lon - dLon, 5), round(point.lat + dLat, 5)],
  ];
  ring.push(ring[0] as Position);
  return { type: "Polygon", coordinates: [ring] };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
