import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const calculate = (payload: object) =>
  t.app.inject({ method: "POST", url: "/api/v1/statistics/iip/calculate", payload });

// The worked example of iip.test.ts, with last year's quantities: class 1010 at 90 (P1 90, P2 45),
// class 2610 at 140, so section C was (90 × 200 + 140 × 300) / 500 = 120 → 129,6; D 100 → 110.
const items = [
  {
    product: "P1",
    vsic: "1010",
    base_quantity: 100,
    current_quantity: 120,
    previous_quantity: 90,
    weight: 30,
  },
  { product: "P2", vsic: "1010", base_quantity: 50, current_quantity: 45, previous_quantity: 45, weight: 70 },
  { product: "P3", vsic: "2610", base_quantity: 10, current_quantity: 15, previous_quantity: 14, weight: 1 },
  {
    product: "P4",
    vsic: "3510",
    base_quantity: 1000,
    current_quantity: 1100,
    previous_quantity: 1000,
    weight: 1,
  },
];
const class_weights = { "1010": 200, "2610": 300, "3510": 500 };

describe("the IIP calculator", () => {
  it("computes indices, growth and contributions that add up, storing nothing, for anyone", async () => {
    const res = await calculate({ items, class_weights });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeCloseTo(119.8, 9);
    expect(body.previous_total).toBeCloseTo(110, 9);
    expect(body.growth).toBeCloseTo(8.909_090_9, 6);
    const sections = body.sections.map((s: { code: string; index: number; contribution_points: number }) => [
      s.code,
      s.contribution_points,
    ]);
    expect(sections).toEqual([
      ["C", expect.closeTo(4.363_636, 5)],
      ["D", expect.closeTo(4.545_454, 5)],
    ]);
    const sum = (list: Array<{ contribution_points: number }>) =>
      list.reduce((a, l) => a + l.contribution_points, 0);
    expect(sum(body.sections)).toBeCloseTo(body.growth, 9);
    expect(sum(body.divisions)).toBeCloseTo(body.growth, 9);
    expect(sum(body.classes)).toBeCloseTo(body.growth, 9);
  });

  it("without a comparison period gives the indices only", async () => {
    const body = (
      await calculate({ items: items.map(({ previous_quantity: _p, ...i }) => i), class_weights })
    ).json();
    expect(body).toMatchObject({ previous_total: null, growth: null });
    expect(body.total).toBeCloseTo(119.8, 9);
  });

  it("refuses growth against a comparison period that produced nothing", async () => {
    const res = await calculate({
      items: [
        {
          product: "P1",
          vsic: "1010",
          base_quantity: 100,
          current_quantity: 120,
          previous_quantity: 0,
          weight: 1,
        },
      ],
      class_weights: { "1010": 5 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ field: "items", code: "statistics.previous_zero" });
  });

  it("names what is wrong with a basket", async () => {
    const res = await calculate({
      items: [{ ...items[0], vsic: "4100" }, { ...items[0] }, { ...items[1], previous_quantity: undefined }],
      class_weights: { "1010": 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ["class_weights.4100", "statistics.class_weight_missing"],
      ["items[0].vsic", "statistics.not_industry"],
      ["items[1].product", "statistics.product_duplicate"],
      ["items", "statistics.previous_partial"],
    ]);
    const bad = await calculate({ items: [{ ...items[0], vsic: "10" }], class_weights });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/vsic/);
  });
});
