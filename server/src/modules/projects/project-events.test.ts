import { describe, expect, it } from "vitest";
import { applyEvent, eventIssues, foldEvents, INITIAL_STATE, type ProjectEvent } from "./project-events.ts";

const issued: ProjectEvent = { kind: "issued", occurred_on: "2020-01-10", amount: 100 };

describe("foldEvents", () => {
  it("derives capital and status from the history", () => {
    const state = foldEvents([
      issued,
      { kind: "capital_increase", occurred_on: "2021-03-01", amount: 50 },
      { kind: "share_purchase", occurred_on: "2021-06-01", amount: 20 },
      { kind: "adjustment", occurred_on: "2022-01-01", amount: 120 },
      { kind: "extension", occurred_on: "2022-02-01", months: 12 },
      { kind: "suspension", occurred_on: "2023-01-01" },
      { kind: "resumption", occurred_on: "2023-06-01" },
    ]);
    expect(state).toMatchObject({
      registered_capital: 120,
      share_purchase_capital: 20,
      status: "active",
      issued_on: "2020-01-10",
      extended_months: 12,
    });
  });

  it("ends in terminated after a termination", () => {
    expect(foldEvents([issued, { kind: "termination", occurred_on: "2024-01-01" }]).status).toBe(
      "terminated",
    );
  });
});

describe("eventIssues", () => {
  const active = applyEvent(INITIAL_STATE, issued);

  it("requires the certificate issue first", () => {
    expect(
      eventIssues(INITIAL_STATE, { kind: "capital_increase", occurred_on: "2020-01-01", amount: 1 })[0]?.code,
    ).toBe("projects.event_before_issue");
  });

  it("refuses a second issue", () => {
    expect(eventIssues(active, issued)[0]?.code).toBe("projects.already_issued");
  });

  it("limits total extensions to 24 months (Law on Investment 2020)", () => {
    const extended = applyEvent(active, { kind: "extension", occurred_on: "2021-01-01", months: 18 });
    expect(eventIssues(extended, { kind: "extension", occurred_on: "2021-06-01", months: 6 })).toEqual([]);
    expect(eventIssues(extended, { kind: "extension", occurred_on: "2021-06-01", months: 7 })[0]?.code).toBe(
      "projects.extension_limit_exceeded",
    );
  });

  it("refuses events dated before the latest one", () => {
    expect(eventIssues(active, { kind: "suspension", occurred_on: "2019-12-31" })[0]?.code).toBe(
      "projects.event_out_of_order",
    );
  });

  it("refuses anything after termination", () => {
    const ended = applyEvent(active, { kind: "termination", occurred_on: "2021-01-01" });
    expect(eventIssues(ended, { kind: "resumption", occurred_on: "2022-01-01" })[0]?.code).toBe(
      "projects.terminated",
    );
  });

  it("requires positive amounts for capital events and matching status for suspension and resumption", () => {
    expect(
      eventIssues(active, { kind: "capital_increase", occurred_on: "2021-01-01", amount: 0 })[0]?.code,
    ).toBe("projects.amount_required");
    expect(eventIssues(active, { kind: "resumption", occurred_on: "2021-01-01" })[0]?.code).toBe(
      "projects.not_suspended",
    );
    const suspended = applyEvent(active, { kind: "suspension", occurred_on: "2021-01-01" });
    expect(eventIssues(suspended, { kind: "suspension", occurred_on: "2021-02-01" })[0]?.code).toBe(
      "projects.not_active",
    );
  });
});
