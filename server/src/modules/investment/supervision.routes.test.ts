import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, INSIDE, type TestContext, type TestUser } from "../../../test/test-app.ts";
import { runSupervision } from "./supervision.service.ts";

let t: TestContext;
let officer: TestUser;
let otherOfficer: TestUser;
let owner: TestUser;
let zone: string;
let taxCode: string;
const IRC = "9900000001";
const IRC2 = "9900000002";

const project = (irc: string, milestones: Array<{ code: string; label: string; due: string }>) => ({
  irc_number: irc,
  name_vi: `Dự án giám sát ${irc}`,
  enterprise_tax_code: taxCode,
  investors: [{ name: "Giam Sat Co.", country: "KR" }],
  zone_code: zone,
  location: INSIDE,
  vsic_codes: ["2619"],
  currency: "USD",
  registered_capital: 10_000_000,
  vnd_per_usd: 25_000,
  rate_date: "2024-01-02",
  issued_on: "2024-02-01",
  milestones,
});

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const e =
    (await t.inject({ url: "/api/v1/enterprises?page_size=1&sort=tax_code&zone=KCN-DINHVU" })).json()
      .items[0] ?? (await t.inject({ url: "/api/v1/enterprises?page_size=1&sort=tax_code" })).json().items[0];
  const zones = (await t.inject({ url: "/api/v1/zones?page_size=2&sort=code&kind=kcn" })).json()
    .items as Array<{ code: string }>;
  taxCode = e.tax_code;
  zone = e.zone_code ?? (zones[0]?.code as string);
  const elsewhere = zones.find((z) => z.code !== zone)?.code as string;
  officer = await t.user("zone_officer", { zones: [zone] });
  otherOfficer = await t.user("zone_officer", { zones: [elsewhere] });
  owner = await t.user("enterprise", { taxCodes: [taxCode] });
  for (const [irc, due] of [
    [IRC, "2025-03-31"],
    [IRC2, "2025-06-30"],
  ] as const) {
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/projects",
      payload: project(irc, [
        { code: "construction_start", label: "Khởi công", due },
        { code: "operation_start", label: "Vận hành", due: "2027-06-30" },
      ]),
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const schedule = (irc: string, headers = officer.headers) =>
  t.app.inject({ url: `/api/v1/investment/supervision/projects/${irc}`, headers });
const casesOf = async (irc: string) =>
  (
    await t.app.inject({
      url: `/api/v1/investment/supervision/cases?project=${irc}`,
      headers: officer.headers,
    })
  ).json();
const listed = async (irc: string) =>
  (
    await t.app.inject({ url: `/api/v1/investment/supervision/projects?q=${irc}`, headers: officer.headers })
  ).json().items[0];

describe("the daily supervision job", () => {
  it("flags a project late the day after its due date, and opens a warning case only beyond 30 days", async () => {
    const first = await runSupervision(t.handle.db, "2025-03-31");
    expect(first.skipped).toBe(false);
    expect(await listed(IRC)).toMatchObject({ status: "on_schedule", days_late: 0, next_due: "2025-03-31" });
    await runSupervision(t.handle.db, "2025-04-30");
    expect(await listed(IRC)).toMatchObject({
      status: "late",
      days_late: 30,
      late_milestone: "construction_start",
    });
    expect((await casesOf(IRC)).total).toBe(0);
    const opening = await runSupervision(t.handle.db, "2025-05-01");
    expect(opening.cases_opened).toBeGreaterThanOrEqual(1);
    const cases = await casesOf(IRC);
    expect(cases.items).toEqual([
      expect.objectContaining({
        stage: "warning",
        milestone_code: "construction_start",
        days_late_at_open: 31,
        opened_on: "2025-05-01",
      }),
    ]);
  });

  it("runs once a day, and opens no case twice however often or on however many instances it runs", async () => {
    const again = await runSupervision(t.handle.db, "2025-05-01");
    expect(again).toMatchObject({ skipped: true, run_on: "2025-05-01" });
    // Two instances at once on a new day: one runs, the other finds the day claimed.
    const [a, b] = await Promise.all([
      runSupervision(t.handle.db, "2025-05-02"),
      runSupervision(t.handle.db, "2025-05-02"),
    ]);
    expect([a.skipped, b.skipped].sort()).toEqual([false, true]);
    const forced = await runSupervision(t.handle.db, "2025-05-02", { force: true });
    expect(forced.skipped).toBe(false);
    expect(forced.cases_opened).toBe(0);
    expect((await casesOf(IRC)).total).toBe(1);
  });
});

describe("a supervision case", () => {
  let code: string;
  it("grants an extension with its document: new dates, a project event, the schedule in extension", async () => {
    code = (await casesOf(IRC)).items[0].code;
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: {
        action: "extend",
        document_number: "125/QĐ-BQL",
        document_date: "2025-05-10",
        months: 9,
        new_dues: { construction_start: "2025-12-31" },
        note: "Chậm giải phóng mặt bằng",
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: "extended", next: ["extend", "recover", "terminate"] });
    expect(
      res
        .json()
        .steps.map((s: { stage: string; document_number: string | null }) => [s.stage, s.document_number]),
    ).toEqual([
      ["warning", null],
      ["extended", "125/QĐ-BQL"],
    ]);
    const p = (await t.inject({ url: `/api/v1/projects/${IRC}` })).json();
    expect(p.extended_months).toBe(9);
    expect(p.events.at(-1)).toMatchObject({ kind: "extension", months: 9, decision_number: "125/QĐ-BQL" });
    const s = (await schedule(IRC)).json();
    expect(s.milestones[0]).toMatchObject({ committed_due: "2025-03-31", due: "2025-12-31" });
    const audit = (
      await t.inject({ url: `/api/v1/audit?entity_type=supervision_case&entity_id=${code}` })
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain("extend");
  });

  it("refuses an extension beyond the 24 months in force, citing the article", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: {
        action: "extend",
        document_number: "200/QĐ-BQL",
        months: 16,
        new_dues: { construction_start: "2027-04-30" },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ field: "months" });
    // A date cannot buy more time than the months granted (9 months ago the due date moved to 2025-12-31).
    const farther = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: {
        action: "extend",
        document_number: "201/QĐ-BQL",
        months: 1,
        new_dues: { construction_start: "2035-12-31" },
      },
    });
    expect(farther.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "new_dues.construction_start",
    ]);
    expect(res.json().error.details[0].message).toMatch(/Điều 41 khoản 4/);
  });

  it("names what a step lacks, and refuses steps a closed case cannot take", async () => {
    const missing = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: { action: "terminate" },
    });
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "document_number",
      "note",
    ]);
    // Recovery needs the project back on schedule: still late, it is refused; the date reached first.
    const early = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: { action: "recover", document_date: "2025-12-20", note: "Đã khởi công" },
    });
    expect(early.json().error.details[0].message).toMatch(/construction_start/);
    const actual = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/projects/${IRC}/actuals`,
      headers: officer.headers,
      payload: { milestone: "construction_start", actual_on: "2025-12-15" },
    });
    expect(actual.json().milestones[0]).toMatchObject({ state: "done", actual_on: "2025-12-15" });
    const recovered = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: { action: "recover", document_date: "2025-12-20", note: "Đã khởi công" },
    });
    expect(recovered.json()).toMatchObject({ stage: "recovered", closed_on: "2025-12-20", next: [] });
    const after = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: officer.headers,
      payload: { action: "warn", document_number: "1/CV" },
    });
    expect(after.statusCode).toBe(422);
  });

  it("terminates a project with its decision: the project's history ends", async () => {
    await runSupervision(t.handle.db, "2025-08-15");
    const c = (await casesOf(IRC2)).items[0];
    expect(c).toMatchObject({ stage: "warning" });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${c.code}/steps`,
      headers: officer.headers,
      payload: {
        action: "terminate",
        document_number: "300/QĐ-BQL",
        document_date: "2025-09-01",
        note: "Nhà đầu tư không triển khai",
      },
    });
    expect(res.json()).toMatchObject({ stage: "terminated" });
    const p = (await t.inject({ url: `/api/v1/projects/${IRC2}` })).json();
    expect(p.status).toBe("terminated");
    expect(p.events.at(-1)).toMatchObject({ kind: "termination", decision_number: "300/QĐ-BQL" });
    expect((await schedule(IRC2)).json().status).toBe("terminated");
  });

  it("is for officers of the project's zone; the enterprise reads its own, others see nothing", async () => {
    expect((await schedule(IRC, owner.headers)).statusCode).toBe(200);
    expect((await schedule(IRC, otherOfficer.headers)).statusCode).toBe(404);
    const forbidden = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/supervision/cases/${code}/steps`,
      headers: owner.headers,
      payload: { action: "warn", document_number: "1/CV" },
    });
    expect(forbidden.statusCode).toBe(403);
    const seen = (
      await t.app.inject({ url: "/api/v1/investment/supervision/cases", headers: otherOfficer.headers })
    ).json();
    expect(seen.items.some((c: { irc_number: string }) => c.irc_number === IRC)).toBe(false);
    expect((await t.app.inject({ url: "/api/v1/investment/supervision/board" })).statusCode).toBe(401);
  });
});

describe("the supervision board", () => {
  it("counts late projects by zone and cases by stage, and exports the list", async () => {
    const board = (
      await t.app.inject({ url: "/api/v1/investment/supervision/board", headers: officer.headers })
    ).json();
    expect(board.zones.every((z: { zone_code: string }) => z.zone_code === zone)).toBe(true);
    expect(board.stages).toMatchObject({ recovered: 1, terminated: 1 });
    expect(board.last_run.run_on).toBe("2025-08-15");
    const csv = await t.app.inject({
      url: "/api/v1/investment/supervision/projects/export?format=csv&status=terminated",
      headers: officer.headers,
    });
    expect(csv.body).toContain(IRC2);
  });
});

describe("a change of law", () => {
  it("is a new dated rule: extensions after it are held to the new limit, earlier ones to the old", async () => {
    const official = await t.user("industry_official");
    const irc = "9900000003";
    expect(
      (
        await t.inject({
          method: "POST",
          url: "/api/v1/projects",
          payload: project(irc, [{ code: "operation_start", label: "Vận hành", due: "2025-06-30" }]),
        })
      ).statusCode,
    ).toBe(201);
    const extend = (occurred_on: string, months: number) =>
      t.inject({
        method: "POST",
        url: `/api/v1/projects/${irc}/events`,
        payload: { kind: "extension", occurred_on, months },
      });
    expect((await extend("2025-01-10", 20)).statusCode).toBe(201);
    const refused = await extend("2025-02-10", 10);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].message).toMatch(
      /24 tháng \(Luật Đầu tư 61\/2020\/QH14, Điều 41 khoản 4\)/,
    );
    const rule = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/legal-rules",
      headers: official.headers,
      payload: {
        code: "extension_max_months",
        value: 36,
        unit: "tháng",
        instrument: "Luật thử nghiệm 1/2026",
        article: "Điều 1",
        in_force_from: "2026-01-01",
      },
    });
    expect(rule.statusCode).toBe(201);
    expect((await extend("2026-02-10", 10)).statusCode).toBe(201);
    const rules = (await t.app.inject({ url: "/api/v1/investment/legal-rules" })).json();
    expect(
      rules
        .filter((r: { code: string }) => r.code === "extension_max_months")
        .map((r: { value: number }) => r.value),
    ).toEqual([24, 24, 36]);
  });
});

describe("running the job over HTTP", () => {
  it("judges today only; forcing a second run is for city-wide officials", async () => {
    const official = await t.user("industry_official");
    const run = (who: TestUser, payload: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/investment/supervision/run",
        headers: who.headers,
        payload,
      });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await run(officer, {})).json()).toMatchObject({ run_on: today });
    expect((await run(officer, { force: true })).statusCode).toBe(403);
    expect((await run(official, { force: true })).json()).toMatchObject({ run_on: today, skipped: false });
    // A date is not something the HTTP caller chooses.
    expect((await run(official, { on: "2031-01-01" })).json().run_on).toBe(today);
  });

  it("refuses, naming the field, a day no legal rule covers", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/reports",
      headers: owner.headers,
      payload: { irc_number: IRC, year: 2014, period: "Q4", capital_disbursed: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(
      "investment.not_licensed",
    );
    await expect(runSupervision(t.handle.db, "2010-01-01")).rejects.toMatchObject({
      status: 422,
      issues: [expect.objectContaining({ code: "investment.no_rule_in_force", field: "today" })],
    });
  });
});
