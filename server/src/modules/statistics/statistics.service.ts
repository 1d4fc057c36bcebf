/** Statistics: calculators over the national IIP method (`iip.ts`). */
import { type Issue, invalid } from "../../platform/errors.ts";
import { issue } from "../registry-issues.ts";
import { type BasketItem, computeIip, contributions, growth, type Level, sectionOf } from "./iip.ts";
import type { IipCalculation, IipOutput } from "./statistics.schemas.ts";

function basketIssues(input: IipCalculation): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.product))
      issues.push(
        issue(
          "statistics.product_duplicate",
          `items[${i}].product`,
          `Sản phẩm ${item.product} bị lặp.`,
          `Product ${item.product} appears twice.`,
        ),
      );
    seen.add(item.product);
    if (input.class_weights[item.vsic] === undefined)
      issues.push(
        issue(
          "statistics.class_weight_missing",
          `class_weights.${item.vsic}`,
          `Thiếu quyền số của lớp ${item.vsic}.`,
          `Class ${item.vsic} has no weight.`,
          item.vsic,
        ),
      );
    try {
      sectionOf(item.vsic.slice(0, 2));
    } catch {
      issues.push(
        issue(
          "statistics.not_industry",
          `items[${i}].vsic`,
          `Lớp ${item.vsic} không thuộc ngành công nghiệp (B–E).`,
          `Class ${item.vsic} is not industry (B–E).`,
          item.vsic,
        ),
      );
    }
  });
  const withPrevious = input.items.filter((i) => i.previous_quantity !== undefined).length;
  if (withPrevious !== 0 && withPrevious !== input.items.length)
    issues.push(
      issue(
        "statistics.previous_partial",
        "items",
        "Kỳ so sánh phải có cho mọi sản phẩm hoặc không cho sản phẩm nào.",
        "Give the comparison period for every product or for none.",
      ),
    );
  return [...new Map(issues.map((x) => [`${x.code}|${x.field}`, x])).values()];
}

function levels(
  now: readonly Level[],
  then: readonly Level[] | null,
  totalThen: number | null,
): IipOutput["classes"] {
  const previous = new Map((then ?? []).map((l) => [l.code, l.index]));
  const points = then
    ? new Map(
        contributions(
          now.map((l) => ({
            code: l.code,
            now: l.index,
            before: previous.get(l.code) as number,
            weight: l.weight,
          })),
        ).map((c) => [c.code, c.points]),
      )
    : null;
  return now.map((l) => ({
    ...l,
    previous_index: previous.get(l.code) ?? null,
    contribution_points: totalThen !== null ? (points?.get(l.code) ?? null) : null,
  }));
}

/** Computes a basket's indices (and, with a comparison period, growth and contributions); stores nothing. */
export function calculateIip(input: IipCalculation): IipOutput {
  const issues = basketIssues(input);
  if (issues.length) throw invalid(issues);
  const weights = new Map(Object.entries(input.class_weights));
  const now = computeIip(input.items, weights);
  const hasPrevious = input.items.every((i) => i.previous_quantity !== undefined);
  const then = hasPrevious
    ? computeIip(
        input.items.map((i): BasketItem => ({ ...i, current_quantity: i.previous_quantity as number })),
        weights,
      )
    : null;
  // Growth against nothing is not a number: a comparison period must have produced something.
  const empty =
    then &&
    [then.total, ...then.sections.map((l) => l.index), ...then.divisions.map((l) => l.index)].some(
      (x) => !(x > 0),
    );
  if (empty)
    throw invalid([
      issue(
        "statistics.previous_zero",
        "items",
        "Kỳ so sánh có chỉ số bằng 0 ở một ngành; không tính được tăng trưởng và đóng góp.",
        "The comparison period has a zero index in a branch; growth and contributions cannot be computed.",
      ),
    ]);
  const previousRelative = new Map(then?.products.map((p) => [p.product, p.relative]) ?? []);
  return {
    products: now.products.map((p) => ({ ...p, previous_relative: previousRelative.get(p.product) ?? null })),
    // Classes are components of the total too (value-added weights add up), so theirs add up as well.
    classes: levels(now.classes, then?.classes ?? null, then?.total ?? null),
    divisions: levels(now.divisions, then?.divisions ?? null, then?.total ?? null),
    sections: levels(now.sections, then?.sections ?? null, then?.total ?? null),
    total: now.total,
    previous_total: then?.total ?? null,
    growth: then ? growth(now.total, then.total) : null,
  };
}
