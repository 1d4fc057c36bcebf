import { describe, expect, it } from "vitest";
import { inProductUnit, jumpFlag, monthEnded, monthStart } from "./production.ts";

describe("a production figure", () => {
  it("is converted into the product's unit, or refused when the unit does not fit", () => {
    expect(inProductUnit(2500, "kg", "tấn")).toBe(2.5);
    expect(inProductUnit(3, "tấn", "tấn")).toBe(3);
    expect(inProductUnit(1200, "MWh", "triệu kWh")).toBeCloseTo(1.2, 12);
    expect(inProductUnit(3, "lít", "tấn")).toBeNull();
  });

  it("is for a month that has ended", () => {
    expect(monthStart("2026-10")).toBe("2026-10-01");
    expect(monthStart("2026-13")).toBeNull();
    expect(monthEnded("2026-10-01", "2026-11-22")).toBe(true);
    expect(monthEnded("2026-11-01", "2026-11-22")).toBe(false);
  });

  it("is flagged, not refused, when far from the median of the enterprise's last twelve months", () => {
    const history = [100, 110, 90, 105, 0, 95];
    expect(jumpFlag(300, history)).toBeNull();
    // Median of 100, 110, 90, 105, 95 (the zero left out): 100.
    expect(jumpFlag(301, history)).toMatchObject({ field: "quantity", median: 100, months: 5 });
    expect(jumpFlag(301, history)?.en).toBe("301 is unusual against the median 100 of the last 5 months.");
    expect(jumpFlag(33, history)).not.toBeNull();
    expect(jumpFlag(34, history)).toBeNull();
    // Too little history to judge.
    expect(jumpFlag(10_000, [100, 100])).toBeNull();
  });
});
