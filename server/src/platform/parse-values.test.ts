import { describe, expect, it } from "vitest";
import { parseBoolean, parseDate, parseDecimal, parseList, parseNumber } from "./parse-values.ts";

describe("parseNumber", () => {
  it.each([
    ["1234", 1234],
    ["1234,5", 1234.5],
    ["1234.5", 1234.5],
    ["1.200", 1200],
    ["25.450", 25450],
    ["0.125", 0.125],
    ["120.5", 120.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["25.450.000", 25450000],
    ["-12,75", -12.75],
    [" 541,73 ", 541.73],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["", "abc", "1.2.3,4,5", "12a", "1.23.4"])("refuses %s", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it.each([
    ["1,200", 1200],
    ["1,234.5", 1234.5],
    ["12.345", 12.345],
    ["0,125", 0.125],
  ])("reads %s in an English file as %d", (text, value) => {
    expect(parseNumber(text, "en")).toBe(value);
  });
});

describe("parseDecimal", () => {
  it("reads coordinates with either decimal separator", () => {
    expect(parseDecimal("106.335")).toBe(106.335);
    expect(parseDecimal("20,975")).toBe(20.975);
    expect(parseDecimal("1.234,5")).toBeNull();
  });
});

describe("parseDate", () => {
  it.each([
    ["2025-07-01", "2025-07-01"],
    ["01/07/2025", "2025-07-01"],
    ["1/7/2025", "2025-07-01"],
  ])("reads %s", (text, value) => {
    expect(parseDate(text)).toBe(value);
  });

  it.each(["31/02/2025", "2025-13-01", "07/2025", "yesterday", "2024"])("refuses %s", (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe("parseBoolean and parseList", () => {
  it("reads Vietnamese and English yes/no", () => {
    expect(parseBoolean("Có")).toBe(true);
    expect(parseBoolean("không")).toBe(false);
    expect(parseBoolean("yes")).toBe(true);
    expect(parseBoolean("maybe")).toBeNull();
  });

  it("splits lists on semicolons", () => {
    expect(parseList("2610; 2620 ;;2630")).toEqual(["2610", "2620", "2630"]);
  });
});
