import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDigit, parseTaxCode, withCheckDigit } from "./tax-code.ts";

describe("parseTaxCode", () => {
  // Published tax codes of well-known Vietnamese companies.
  it.each([
    ["0100109106", "Viettel"],
    ["0300588569", "Vinamilk"],
    ["0900189284", "Hòa Phát"],
    ["0107894416", "VinFast"],
    ["0101248141", "FPT"],
    ["0100112437", "Vietcombank"],
  ])("accepts %s (%s)", (code) => {
    expect(parseTaxCode(code)).toEqual({ valid: true, normalized: code, base: code, branch: null });
  });

  it("accepts a branch suffix with or without the dash", () => {
    expect(parseTaxCode("0100109106-001")).toMatchObject({
      valid: true,
      normalized: "0100109106-001",
      branch: "001",
    });
    expect(parseTaxCode("0100109106001")).toMatchObject({ valid: true, normalized: "0100109106-001" });
  });

  it.each([
    ["0100109107", "check_digit"],
    ["010010910", "format"],
    ["01001091066", "format"],
    ["01001O9106", "format"],
    ["0100109106-000", "branch_suffix"],
    ["0100109106-01", "format"],
    ["", "format"],
  ])("rejects %s as %s", (code, problem) => {
    expect(parseTaxCode(code)).toEqual({ valid: false, problem });
  });

  it("accepts every code completed with its check digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        expect(parseTaxCode(withCheckDigit(nine)).valid).toBe(true);
      }),
    );
  });

  it("rejects every other tenth digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const wrong = (checkDigit(nine) + shift) % 10;
        expect(parseTaxCode(`${nine}${wrong}`)).toEqual({ valid: false, problem: "check_digit" });
      }),
    );
  });

  it("accepts every branch suffix from 001 to 999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        expect(parseTaxCode(`0100109106-${String(n).padStart(3, "0")}`).valid).toBe(true);
      }),
    );
  });
});
