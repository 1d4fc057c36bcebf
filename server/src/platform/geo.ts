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

/** Ray casting on one ring; points on the edge may fall either way, which is fine at ~30 m data precision. */
function inRing(point: Point, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** True when the point is inside the outer ring of some polygon and outside its holes. */
export function contains(area: Area, point: Point): boolean {
  // Most points tested against a commune lie far outside it: a box test first is much cheaper.
  const box = boxes.get(area) ?? bbox(area);
  boxes.set(area, box);
  if (point.lon < box.minLon || point.lon > box.maxLon || point.lat < box.minLat || point.lat > box.maxLat)
    return false;
  return polygons(area).some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(point, outer) && !holes.some((h) => inRing(point, h)),
  );
}

const boxes = new WeakMap<Area, BBox>();

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
