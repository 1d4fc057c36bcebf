import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../platform/random.ts";
import { addMonths, apportion, lognormalWeights } from "./calibrate.ts";

describe("apportion", () => {
  it("always sums exactly to the total in whole units", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (units, weights) => {
          const parts = apportion(units * 1000, weights, 1000);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(units * 1000);
          for (const p of parts) expect(p % 1000).toBe(0);
        },
      ),
    );
  });

  it("splits the published 20.8 bn USD exactly", () => {
    const parts = apportion(11_026_000_000, lognormalWeights(createRng(1), 454, 1.3), 1000);
    expect(parts).toHaveLength(454);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(11_026_000_000);
  });
});

describe("addMonths", () => {
  it("adds calendar months", () => {
    expect(addMonths("2024-01-15", 13)).toBe("2025-02-15");
  });
});
