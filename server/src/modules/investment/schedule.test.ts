import { describe, expect, it } from "vitest";
import { addMonths } from "../../platform/time.ts";
import { evaluateSchedule, type ScheduleInput } from "./schedule.ts";

const plan = [
  { code: "construction_start", label: "Khởi công", due: "2025-03-31" },
  { code: "operation_start", label: "Vận hành", due: "2026-06-30" },
];
const input = (today: string, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({
  milestones: plan,
  progress: new Map(),
  projectStatus: "active",
  extendedMonths: 0,
  caseStage: null,
  today,
  extensionMaxMonths: 24,
  terminationLateMonths: 12,
  ...extra,
});
const done = (entries: Record<string, string>, revised: Record<string, string> = {}) =>
  new Map(
    [...new Set([...Object.keys(entries), ...Object.keys(revised)])].map((code) => [
      code,
      { actual_on: entries[code] ?? null, revised_due: revised[code] ?? null },
    ]),
  );

describe("a project's schedule", () => {
  it("is on schedule up to and including a milestone's due date, late the day after", () => {
    expect(evaluateSchedule(input("2025-03-31"))).toMatchObject({
      status: "on_schedule",
      days_late: 0,
      next_due: "2025-03-31",
    });
    expect(evaluateSchedule(input("2025-04-01"))).toMatchObject({
      status: "late",
      days_late: 1,
      late_milestone: "construction_start",
      next_due: "2026-06-30",
    });
  });

  it("counts a milestone reached late as done late, and the project on schedule for the next one", () => {
    const v = evaluateSchedule(input("2025-06-01", { progress: done({ construction_start: "2025-04-10" }) }));
    expect(v.status).toBe("on_schedule");
    expect(v.milestones[0]).toMatchObject({ state: "done_late", days_late: 10 });
  });

  it("is past the legal limits once a milestone is more than 12 months late (by the rule in force)", () => {
    expect(evaluateSchedule(input("2026-03-31")).status).toBe("late");
    expect(evaluateSchedule(input("2026-04-01")).status).toBe("past_legal_limit");
    // A change of law is a change of data: with 18 months the same day is only late.
    expect(evaluateSchedule(input("2026-04-01", { terminationLateMonths: 18 })).status).toBe("late");
  });

  it("runs on revised dates after an extension, and is late again past them", () => {
    const progress = done({}, { construction_start: "2025-09-30" });
    expect(evaluateSchedule(input("2025-06-01", { progress, extendedMonths: 6 })).status).toBe(
      "in_extension",
    );
    expect(evaluateSchedule(input("2025-10-01", { progress, extendedMonths: 6 }))).toMatchObject({
      status: "late",
      days_late: 1,
    });
    // Late again with the whole 24 months granted: nothing more can be granted.
    expect(evaluateSchedule(input("2025-10-01", { progress, extendedMonths: 24 })).status).toBe(
      "past_legal_limit",
    );
  });

  it("is completed when every milestone has a date, terminated when its history says so", () => {
    const progress = done({ construction_start: "2025-03-01", operation_start: "2026-07-15" });
    expect(evaluateSchedule(input("2026-11-21", { progress })).status).toBe("completed");
    expect(evaluateSchedule(input("2026-11-21", { projectStatus: "terminated" })).status).toBe("terminated");
    expect(evaluateSchedule(input("2026-11-21", { milestones: [] })).status).toBe("no_milestones");
  });
});

describe("adding months", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", 12, "2026-03-31"],
    ["2025-11-15", 3, "2026-02-15"],
  ])("%s + %i months = %s", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });
});
