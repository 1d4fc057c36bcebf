import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Area, contains, type Position, randomPointIn, squareAround } from "./geo.ts";
import { createRng } from "./random.ts";

/** The textbook test: inside some outer ring and outside its holes, every edge examined. */
function naive(area: Area, lon: number, lat: number): boolean {
  const inRing = (ring: Position[]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position;
      const [xj, yj] = ring[j] as Position;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const polygons = area.type === "Polygon" ? [area.coordinates] : area.coordinates;
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(outer) && !holes.some(inRing));
}

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

const withHole: Area = {
  type: "MultiPolygon",
  coordinates: [[square(0, 0, 10), square(3, 3, 4)], [square(20, 0, 5)]],
};

describe("contains", () => {
  it.each([
    [1, 1, true],
    [5, 5, false],
    [22, 2, true],
    [15, 2, false],
    [-1, 5, false],
  ])("places (%d, %d) inside: %s", (lon, lat, expected) => {
    expect(contains(withHole, { lon, lat })).toBe(expected);
  });

  it("agrees with the textbook test everywhere", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 27, noNaN: true }),
        fc.double({ min: -2, max: 12, noNaN: true }),
        (lon, lat) => {
          expect(contains(withHole, { lon, lat })).toBe(naive(withHole, lon, lat));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("finds random points inside the area they were drawn from", () => {
    const area = squareAround({ lon: 106.7, lat: 20.8 }, 2000);
    const rng = createRng(7);
    for (let i = 0; i < 100; i++) expect(contains(area, randomPointIn(area, rng))).toBe(true);
  });
});
