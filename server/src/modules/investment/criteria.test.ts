import { describe, expect, it } from "vitest";
import { type Criterion, criterionProblem, type Entry, evaluateCriterion, screen } from "./criteria.ts";
import { proposalFacts } from "./proposal.ts";

const entry = (
  code: string,
  category: Entry["category"],
  scope: Partial<Entry>,
  criteria: Criterion[] = [],
): Entry => ({
  code,
  category,
  title_vi: code,
  vsic_codes: [],
  products: [],
  criteria,
  ...scope,
});

describe("a criterion", () => {
  it.each([
    // field, operator, threshold, actual, passes
    ["capital_per_ha", ">=", 5, 5, true],
    ["capital_per_ha", ">=", 5, 4.999, false],
    ["capital_per_ha", ">", 5, 5, false],
    ["capital_per_ha", ">", 5, 5.001, true],
    ["equipment_age", "<=", 10, 10, true],
    ["equipment_age", "<=", 10, 11, false],
    ["equipment_age", "<", 10, 10, false],
    ["workers", "=", 100, 100, true],
    ["workers", "!=", 100, 100, false],
  ] as const)("%s %s %s holds for %s: %s", (field, operator, value, actual, pass) => {
    expect(evaluateCriterion({ field, operator, value }, { [field]: actual }).pass).toBe(pass);
  });

  it("tolerates float noise from unit conversion at the boundary (0,3 / 0,1 meets ≥ 3)", () => {
    expect(0.3 / 0.1).toBeLessThan(3);
    expect(
      evaluateCriterion({ field: "capital_per_ha", operator: ">=", value: 3 }, { capital_per_ha: 0.3 / 0.1 })
        .pass,
    ).toBe(true);
    expect(
      evaluateCriterion({ field: "capital_per_ha", operator: "<", value: 3 }, { capital_per_ha: 0.3 / 0.1 })
        .pass,
    ).toBe(false);
  });

  it("ranks ordinal values: technology outdated < medium < advanced < high; risk IV < III < II < I", () => {
    const tech = (actual: string) =>
      evaluateCriterion(
        { field: "technology_level", operator: ">=", value: "advanced" },
        { technology_level: actual },
      ).pass;
    expect(["outdated", "medium", "advanced", "high"].map(tech)).toEqual([false, false, true, true]);
    const risky = (actual: string) =>
      evaluateCriterion(
        { field: "pollution_risk_group", operator: ">=", value: "II" },
        { pollution_risk_group: actual },
      ).pass;
    expect(["IV", "III", "II", "I"].map(risky)).toEqual([false, false, true, true]);
    expect(
      evaluateCriterion(
        { field: "pollution_risk_group", operator: "in", value: ["III", "IV"] },
        { pollution_risk_group: "II" },
      ).pass,
    ).toBe(false);
  });

  it("is not met, and says so, when the proposal does not give the fact", () => {
    const r = evaluateCriterion(
      { field: "water_m3_per_day", operator: "<=", value: 2000, unit: "m³/ngày" },
      {},
    );
    expect(r).toMatchObject({ pass: false, missing: true, actual: null });
    expect(r.reason.vi).toBe("Chưa khai báo lượng nước sử dụng; yêu cầu ≤ 2.000 m³/ngày.");
    expect(r.reason.en).toBe("Water use not given; required ≤ 2,000 m³/day.");
  });

  it("explains a verdict with vi-VN numbers", () => {
    const r = evaluateCriterion(
      { field: "capital_per_ha", operator: ">=", value: 80 },
      { capital_per_ha: 62.5 },
    );
    expect(r.reason.vi).toBe("Suất đầu tư 62,5 tỷ đồng/ha: không đạt (yêu cầu ≥ 80 tỷ đồng/ha).");
  });

  it("refuses malformed criteria: wrong unit, wrong value type, a list where one value is due", () => {
    expect(criterionProblem({ field: "capital", operator: ">=", value: 5, unit: "triệu USD" })?.en).toBe(
      "Total investment capital is in tỷ đồng, not triệu USD.",
    );
    expect(criterionProblem({ field: "capital", operator: ">=", value: "five" })?.en).toMatch(
      /a number is required/,
    );
    expect(criterionProblem({ field: "capital", operator: ">=", value: [5] })?.en).toMatch(/single value/);
    expect(criterionProblem({ field: "technology_level", operator: "=", value: "superb" })?.en).toMatch(
      /not one of/,
    );
    expect(criterionProblem({ field: "in_zone", operator: ">", value: true })?.en).toMatch(/only = or !=/);
    expect(criterionProblem({ field: "capital", operator: ">=", value: 5, unit: "tỷ đồng" })).toBeNull();
  });
});

describe("screening", () => {
  const catalogue: Entry[] = [
    entry("KK-01", "encouraged", { vsic_codes: ["261"] }, [
      { field: "capital_per_ha", operator: ">=", value: 80 },
    ]),
    entry("DK-01", "conditional", { vsic_codes: ["241"], products: ["phôi thép"] }, [
      { field: "in_zone", operator: "=", value: true },
      { field: "equipment_age", operator: "<=", value: 5 },
    ]),
    entry("KCN-01", "not_accepted", {}, [{ field: "equipment_age", operator: ">", value: 10 }]),
    entry("KCN-03", "not_accepted", { vsic_codes: ["1910"] }),
  ];
  const facts = (vsic: string[], f: Record<string, number | string | boolean>, products: string[] = []) => ({
    vsic_codes: vsic,
    products,
    facts: f,
  });

  it("encourages a proposal in scope that meets every criterion, naming the entry", () => {
    const r = screen(catalogue, facts(["26190"], { capital_per_ha: 80, equipment_age: 2 }));
    expect(r.category).toBe("encouraged");
    expect(r.entries.map((e) => [e.code, e.effect, e.criteria_met])).toEqual([
      ["KCN-01", "applies", false],
      ["KK-01", "decisive", true],
    ]);
    expect(r.entries[1]?.matched_by).toEqual({ kind: "vsic", value: "26190" });
  });

  it("leaves a proposal unlisted when it is in scope of an encouraged entry but misses a criterion", () => {
    const r = screen(catalogue, facts(["2619"], { capital_per_ha: 79.99, equipment_age: 2 }));
    expect(r.category).toBe("unlisted");
    expect(r.explanation.en).toMatch(/KK-01/);
  });

  it("makes a conditional proposal that meets its conditions conditional, and one that does not, not accepted", () => {
    expect(screen(catalogue, facts(["2410"], { in_zone: true, equipment_age: 5 })).category).toBe(
      "conditional",
    );
    const refused = screen(catalogue, facts(["2410"], { in_zone: false, equipment_age: 5 }));
    expect(refused.category).toBe("not_accepted");
    expect(refused.entries.find((e) => e.code === "DK-01")?.criteria.map((c) => c.pass)).toEqual([
      false,
      true,
    ]);
  });

  it("matches products accent-insensitively, by whole words", () => {
    const r = screen(
      catalogue,
      facts(["2599"], { in_zone: true, equipment_age: 1 }, ["Phoi thep vuong 150 mm"]),
    );
    expect(r.entries.find((e) => e.code === "DK-01")?.matched_by).toEqual({
      kind: "product",
      value: "Phoi thep vuong 150 mm",
    });
    expect(
      screen(catalogue, facts(["2599"], {}, ["phôi thépx"])).entries.some((e) => e.code === "DK-01"),
    ).toBe(false);
  });

  it("refuses whatever a not-accepted entry covers, before any other category", () => {
    expect(screen(catalogue, facts(["19100"], {})).category).toBe("not_accepted");
    // A general condition: equipment 11 years old refuses even an otherwise encouraged project.
    const old = screen(catalogue, facts(["2619"], { capital_per_ha: 100, equipment_age: 11 }));
    expect(old.category).toBe("not_accepted");
    expect(old.entries.filter((e) => e.effect === "decisive").map((e) => e.code)).toEqual(["KCN-01"]);
  });

  it("says when a proposal matches no entry at all", () => {
    const r = screen(
      catalogue.filter((e) => e.vsic_codes.length),
      facts(["1010"], { capital: 10 }),
    );
    expect(r).toMatchObject({ category: "unlisted", entries: [] });
    expect(r.explanation.en).toBe("Matches no entry of the catalogue; ordinary procedures apply.");
  });
});

describe("a proposal's facts", () => {
  it("converts money to tỷ đồng at the proposal's rate and derives per-hectare figures and equipment age", () => {
    const f = proposalFacts(
      {
        vsic_codes: ["2610"],
        currency: "USD",
        vnd_per_usd: 25_000,
        capital: 40_000_000,
        output_per_year: 20_000_000,
        land_ha: 12.5,
        workers: 1500,
        equipment_year: 2020,
      },
      "2026-11-21",
      true,
    ).facts;
    expect(f).toEqual({
      capital: 1000,
      in_zone: true,
      land_ha: 12.5,
      capital_per_ha: 80,
      output_per_ha: 40,
      workers_per_ha: 120,
      workers: 1500,
      equipment_age: 6,
    });
  });
});
