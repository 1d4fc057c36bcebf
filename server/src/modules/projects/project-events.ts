/**
 * A project's current state is a fold over its event history (issued, capital increase, share
 * purchase, adjustment, extension, suspension, resumption, termination). Pure: no I/O.
 */
import type { Issue } from "../../platform/errors.ts";
import type { ProjectEventKind, ProjectStatus } from "./projects.table.ts";

/**
 * Total schedule extension allowed by the 2020 Law on Investment (Luật Đầu tư 61/2020/QH14, art. 41(4)):
 * the default when no dated legal rule is in force on an event's day (the rules live in the
 * investment module's `inv_legal_rule`; a change of law is a new row there).
 */
export const MAX_EXTENSION_MONTHS = 24;

/** The extension limit in force on a day, and the law that sets it. */
export type ExtensionLimit = (day: string) => { months: number; source: string };
export const DEFAULT_EXTENSION_LIMIT: ExtensionLimit = () => ({
  months: MAX_EXTENSION_MONTHS,
  source: "Luật Đầu tư 2020 / Law on Investment 2020",
});

export interface ProjectEvent {
  kind: ProjectEventKind;
  occurred_on: string;
  decision_number?: string | null | undefined;
  amount?: number | null | undefined;
  months?: number | null | undefined;
  note?: string | null | undefined;
}

export interface ProjectState {
  registered_capital: number;
  share_purchase_capital: number;
  status: ProjectStatus;
  issued_on: string | null;
  extended_months: number;
  last_event_on: string | null;
}

export const INITIAL_STATE: ProjectState = {
  registered_capital: 0,
  share_purchase_capital: 0,
  status: "active",
  issued_on: null,
  extended_months: 0,
  last_event_on: null,
};

function problem(code: string, field: string, vi: string, en: string): Issue[] {
  return [{ code, field, message: { vi, en } }];
}

/** Why this event cannot follow the given state; empty when it can. */
export function eventIssues(
  state: ProjectState,
  event: ProjectEvent,
  limit: ExtensionLimit = DEFAULT_EXTENSION_LIMIT,
): Issue[] {
  if (state.issued_on === null && event.kind !== "issued") {
    return problem(
      "projects.event_before_issue",
      "kind",
      "Sự kiện đầu tiên phải là cấp giấy chứng nhận.",
      "The first event must be the certificate issue.",
    );
  }
  if (state.issued_on !== null && event.kind === "issued") {
    return problem(
      "projects.already_issued",
      "kind",
      "Dự án đã được cấp giấy chứng nhận.",
      "The project has already been issued a certificate.",
    );
  }
  if (state.status === "terminated") {
    return problem(
      "projects.terminated",
      "kind",
      "Dự án đã chấm dứt hoạt động; không thể thêm sự kiện.",
      "The project is terminated; no further events.",
    );
  }
  if (state.last_event_on !== null && event.occurred_on < state.last_event_on) {
    return problem(
      "projects.event_out_of_order",
      "occurred_on",
      `Ngày sự kiện trước sự kiện gần nhất (${state.last_event_on}).`,
      `The event is dated before the latest event (${state.last_event_on}).`,
    );
  }
  const amount = event.amount ?? null;
  switch (event.kind) {
    case "issued":
    case "capital_increase":
    case "share_purchase":
      if (amount === null || amount <= 0) {
        return problem(
          "projects.amount_required",
          "amount",
          "Cần số vốn lớn hơn 0.",
          "A capital amount above zero is required.",
        );
      }
      return [];
    case "adjustment":
      if (amount !== null && amount < 0)
        return problem(
          "projects.amount_required",
          "amount",
          "Vốn điều chỉnh không được âm.",
          "The adjusted capital cannot be negative.",
        );
      return [];
    case "extension": {
      const months = event.months ?? 0;
      if (months <= 0)
        return problem(
          "projects.months_required",
          "months",
          "Cần số tháng giãn tiến độ.",
          "The number of months of extension is required.",
        );
      const max = limit(event.occurred_on);
      if (state.extended_months + months > max.months) {
        return problem(
          "projects.extension_limit_exceeded",
          "months",
          `Tổng thời gian giãn tiến độ ${state.extended_months + months} tháng vượt mức tối đa ${max.months} tháng (${max.source}).`,
          `Total extension of ${state.extended_months + months} months exceeds the ${max.months}-month maximum (${max.source}).`,
        );
      }
      return [];
    }
    case "suspension":
      return state.status === "active"
        ? []
        : problem(
            "projects.not_active",
            "kind",
            "Chỉ dự án đang hoạt động mới có thể bị tạm ngừng.",
            "Only an active project can be suspended.",
          );
    case "resumption":
      return state.status === "suspended"
        ? []
        : problem(
            "projects.not_suspended",
            "kind",
            "Dự án không ở trạng thái tạm ngừng.",
            "The project is not suspended.",
          );
    case "termination":
      return [];
  }
}

export function applyEvent(state: ProjectState, event: ProjectEvent): ProjectState {
  const next = { ...state, last_event_on: event.occurred_on };
  const amount = event.amount ?? 0;
  switch (event.kind) {
    case "issued":
      return { ...next, registered_capital: amount, issued_on: event.occurred_on, status: "active" };
    case "capital_increase":
      return { ...next, registered_capital: state.registered_capital + amount };
    case "share_purchase":
      return { ...next, share_purchase_capital: state.share_purchase_capital + amount };
    case "adjustment":
      return event.amount == null ? next : { ...next, registered_capital: amount };
    case "extension":
      return { ...next, extended_months: state.extended_months + (event.months ?? 0) };
    case "suspension":
      return { ...next, status: "suspended" };
    case "resumption":
      return { ...next, status: "active" };
    case "termination":
      return { ...next, status: "terminated" };
  }
}

/** Replays a history; throws on the first event that could not have happened. */
export function foldEvents(
  events: readonly ProjectEvent[],
  limit: ExtensionLimit = DEFAULT_EXTENSION_LIMIT,
): ProjectState {
  return events.reduce((state, event, i) => {
    const issues = eventIssues(state, event, limit);
    if (issues.length) throw new Error(`event ${i + 1} (${event.kind}): ${issues[0]?.message.en}`);
    return applyEvent(state, event);
  }, INITIAL_STATE);
}
