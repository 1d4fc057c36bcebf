/**
 * A project's schedule against its committed milestones. Pure: no I/O.
 *
 * Each milestone is due on its committed date, or on the revised date an extension granted. A
 * milestone not reached by its due date is late by the days since. The project is:
 * - terminated, when its event history says so;
 * - without milestones, when none were committed;
 * - completed, when every milestone has an actual date;
 * - past the legal limits, when a milestone is late more than `termination_late_months` after its
 *   due date, or is late again after the whole `extension_max_months` has been granted (Law on
 *   Investment 2020, art. 48(2)(g) and 41(4), read from dated rules);
 * - late, when a milestone is past its due date;
 * - in extension, when it runs on revised dates (or a supervision case granted an extension);
 * - on schedule otherwise.
 */

import { addMonths } from "../../platform/time.ts";
import type { ScheduleStatus } from "./investment.table.ts";

export interface MilestonePlan {
  code: string;
  label: string;
  due: string;
}

export interface MilestoneProgress {
  revised_due: string | null;
  actual_on: string | null;
}

export interface ScheduleInput {
  milestones: readonly MilestonePlan[];
  progress: ReadonlyMap<string, MilestoneProgress>;
  projectStatus: "active" | "suspended" | "terminated";
  extendedMonths: number;
  caseStage: "warning" | "extended" | null;
  today: string;
  extensionMaxMonths: number;
  terminationLateMonths: number;
}

export interface MilestoneState {
  code: string;
  label: string;
  committed_due: string;
  due: string;
  actual_on: string | null;
  state: "done" | "done_late" | "pending" | "late";
  days_late: number;
}

export interface ScheduleVerdict {
  status: ScheduleStatus;
  days_late: number;
  late_milestone: string | null;
  next_due: string | null;
  milestones: MilestoneState[];
}

const DAY = 86_400_000;
const epoch = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const daysBetween = (from: string, to: string): number => Math.round((epoch(to) - epoch(from)) / DAY);

export function milestoneStates(
  input: Pick<ScheduleInput, "milestones" | "progress" | "today">,
): MilestoneState[] {
  return input.milestones.map((m) => {
    const p = input.progress.get(m.code);
    const due = p?.revised_due ?? m.due;
    const actual = p?.actual_on ?? null;
    if (actual !== null) {
      const late = Math.max(0, daysBetween(due, actual));
      return {
        code: m.code,
        label: m.label,
        committed_due: m.due,
        due,
        actual_on: actual,
        state: late > 0 ? "done_late" : "done",
        days_late: late,
      };
    }
    const late = Math.max(0, daysBetween(due, input.today));
    return {
      code: m.code,
      label: m.label,
      committed_due: m.due,
      due,
      actual_on: null,
      state: late > 0 ? "late" : "pending",
      days_late: late,
    };
  });
}

export function evaluateSchedule(input: ScheduleInput): ScheduleVerdict {
  const milestones = milestoneStates(input);
  const base = { milestones, days_late: 0, late_milestone: null, next_due: null };
  if (input.projectStatus === "terminated") return { ...base, status: "terminated" };
  if (milestones.length === 0) return { ...base, status: "no_milestones" };
  if (milestones.every((m) => m.actual_on !== null)) return { ...base, status: "completed" };
  const late = milestones.filter((m) => m.state === "late").sort((a, b) => b.days_late - a.days_late);
  const pending = milestones.filter((m) => m.state === "pending").sort((a, b) => a.due.localeCompare(b.due));
  const next_due = pending[0]?.due ?? null;
  const worst = late[0];
  if (worst) {
    const beyondTermination = addMonths(worst.due, input.terminationLateMonths) < input.today;
    const extensionsUsed = input.extendedMonths >= input.extensionMaxMonths;
    return {
      milestones,
      days_late: worst.days_late,
      late_milestone: worst.code,
      next_due,
      status: beyondTermination || extensionsUsed ? "past_legal_limit" : "late",
    };
  }
  const revised = milestones.some((m) => m.actual_on === null && m.due !== m.committed_due);
  return {
    ...base,
    next_due,
    status: revised || input.caseStage === "extended" ? "in_extension" : "on_schedule",
  };
}
