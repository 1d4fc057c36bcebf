import { describe, expect, it } from "vitest";
import { judgedObservation, parsePeriod, progressOf, sdmxPeriod } from "./progress.ts";

describe("statistical periods", () => {
  it.each([
    ["2024", "2024-01-01", "2024-12-31"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024-Q4", "2024-10-01", "2024-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2024-01..06", "2024-01-01", "2024-06-30"],
    ["2025-01-01..04-26", "2025-01-01", "2025-04-26"],
  ])("%s covers %s to %s", (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end });
  });

  it.each(["2024-13", "2024-Q5", "2024-06..01", "2025-02-30..03-01", "24", "2024-1"])(
    "refuses %s",
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );

  it("writes SDMX time periods: years, quarters and months as they are, other spans as start and duration", () => {
    expect(sdmxPeriod("2024-Q1", { start: "2024-01-01", end: "2024-03-31" })).toBe("2024-Q1");
    expect(sdmxPeriod("2024-01..06", { start: "2024-01-01", end: "2024-06-30" })).toBe("2024-01-01/P182D");
  });
});

describe("progress against a target", () => {
  it("is on track when reached, at risk within 10 % of the target, off track beyond", () => {
    expect(progressOf(15, 15.43, "up")).toBe("on_track");
    expect(progressOf(15, 15, "up")).toBe("on_track");
    expect(progressOf(15, 13.5, "up")).toBe("at_risk");
    expect(progressOf(15, 13.49, "up")).toBe("off_track");
    expect(progressOf(5, 5.4, "down")).toBe("at_risk");
    expect(progressOf(5, null, "up")).toBe("no_data");
  });

  it("judges a year on its full-year value, else on its latest span so far", () => {
    const obs = [
      { period: "2024-01..06", start: "2024-01-01", end: "2024-06-30", value: 15.24 },
      { period: "2024-01..07", start: "2024-01-01", end: "2024-07-31", value: 15.01 },
      { period: "2023", start: "2023-01-01", end: "2023-12-31", value: 10 },
    ];
    expect(judgedObservation(2024, obs)?.period).toBe("2024-01..07");
    expect(
      judgedObservation(2024, [
        ...obs,
        { period: "2024", start: "2024-01-01", end: "2024-12-31", value: 15.43 },
      ])?.value,
    ).toBe(15.43);
    expect(judgedObservation(2025, obs)).toBeNull();
  });
});
