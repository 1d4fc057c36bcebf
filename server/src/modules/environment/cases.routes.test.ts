import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let inspector: TestUser;
let owner: TestUser;
let stranger: TestUser;
let caseCode: string;
const at = (minutes: number) =>
  new Date(Date.parse("2026-11-20T00:00:00+07:00") + minutes * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const list = (await t.inject({ url: "/api/v1/enterprises?page_size=2&sort=tax_code" })).json();
  const [mine, other] = list.items as Array<{ tax_code: string }>;
  inspector = await t.user("environment_inspector");
  owner = await t.user("enterprise", { taxCodes: [mine?.tax_code as string] });
  stranger = await t.user("enterprise", { taxCodes: [other?.tax_code as string] });
  await t.app.inject({
    method: "POST",
    url: "/api/v1/environment/stations",
    headers: inspector.headers,
    payload: {
      code: "KT-CASE-01",
      name_vi: "Ống khói lò hơi",
      kind: "stack_emission",
      enterprise_tax_code: mine?.tax_code,
      limit_table: "QCVN19:2009",
      limit_column: "B",
      coefficients: { Kp: 0.9, Kv: 1 },
      parameters: [{ parameter: "SO2" }, { parameter: "PM" }],
    },
  });
  // SO2 column B: 500 × 0,9 × 1 = 450 mg/Nm³; three hours above it, then one below (closing the third).
  const readings = [300, 480, 520, 470, 300].flatMap((v, h) =>
    Array.from({ length: 12 }, (_, i) => ({
      station: "KT-CASE-01",
      parameter: "SO2",
      value: v,
      time: at(h * 60 + i * 5),
    })),
  );
  await t.app.inject({
    method: "POST",
    url: "/api/v1/environment/observations",
    headers: owner.headers,
    payload: readings,
  });
});
afterAll(() => t.close());

describe("violation cases", () => {
  it("opens one case for the episode, listed for inspectors and the owner only", async () => {
    const all = (await t.app.inject({ url: "/api/v1/environment/cases", headers: inspector.headers })).json();
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({
      station_code: "KT-CASE-01",
      parameter: "SO2",
      status: "open",
      exceedance_count: 3,
      peak_value: 520,
      limit_value: 450,
    });
    caseCode = all.items[0].code;
    expect(
      (await t.app.inject({ url: "/api/v1/environment/cases", headers: owner.headers })).json().total,
    ).toBe(1);
    expect(
      (await t.app.inject({ url: "/api/v1/environment/cases", headers: stranger.headers })).json().total,
    ).toBe(0);
    expect(
      (await t.app.inject({ url: `/api/v1/environment/cases/${caseCode}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/environment/cases" })).statusCode).toBe(401);
    const x = (
      await t.app.inject({ url: "/api/v1/environment/exceedances?station=KT-CASE-01&sort=period_end" })
    ).json();
    expect(x.items.map((e: { value: number; case_code: string }) => [e.value, e.case_code])).toEqual([
      [480, null],
      [520, null],
      [470, null],
    ]);
    // Exceedances are public; which company has a case is shown only to those who may read it.
    const seen = await t.app.inject({
      url: "/api/v1/environment/exceedances?station=KT-CASE-01&sort=period_end",
      headers: owner.headers,
    });
    expect(seen.json().items.map((e: { case_code: string }) => e.case_code)).toEqual([
      caseCode,
      caseCode,
      caseCode,
    ]);
    const hidden = await t.app.inject({
      url: "/api/v1/environment/exceedances?station=KT-CASE-01",
      headers: stranger.headers,
    });
    expect(hidden.json().items.every((e: { case_code: string | null }) => e.case_code === null)).toBe(true);
  });

  it("follows the workflow with its required documents, and refuses skipped steps", async () => {
    const move = (payload: object, user = inspector) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/environment/cases/${caseCode}/transition`,
        headers: user.headers,
        payload,
      });
    expect((await move({ to: "under_review" }, owner)).statusCode).toBe(403);
    const skipped = await move({ to: "notice_issued" });
    expect(skipped.statusCode).toBe(422);
    expect((await move({ to: "under_review", note: "Kiểm tra thiết bị" })).json().status).toBe(
      "under_review",
    );
    const missing = await move({ to: "notice_issued", notice_number: "15/TB-STNMT" });
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "notice_date",
      "remediation_deadline",
    ]);
    const notice = await move({
      to: "notice_issued",
      notice_number: "15/TB-STNMT",
      notice_date: "2026-11-21",
      remediation_deadline: "2026-12-21",
    });
    expect(notice.json()).toMatchObject({
      status: "notice_issued",
      notice_number: "15/TB-STNMT",
      remediation_deadline: "2026-12-21",
    });
  });

  it("lets the enterprise answer, the inspector be assigned, and records everything", async () => {
    const answer = await t.app.inject({
      method: "POST",
      url: `/api/v1/environment/cases/${caseCode}/answers`,
      headers: owner.headers,
      payload: { note: "Đã thay túi lọc, đề nghị kiểm tra lại." },
    });
    expect(answer.json().events.at(-1)).toMatchObject({
      kind: "answer",
      note: "Đã thay túi lọc, đề nghị kiểm tra lại.",
    });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/environment/cases/${caseCode}/answers`,
          headers: stranger.headers,
          payload: { note: "x" },
        })
      ).statusCode,
    ).toBe(404);
    const assigned = await t.app.inject({
      method: "POST",
      url: `/api/v1/environment/cases/${caseCode}/assign`,
      headers: inspector.headers,
      payload: { inspector: inspector.username },
    });
    expect(assigned.json().inspector).toBe(inspector.username);
    const wrong = await t.app.inject({
      method: "POST",
      url: `/api/v1/environment/cases/${caseCode}/assign`,
      headers: inspector.headers,
      payload: { inspector: owner.username },
    });
    expect(wrong.statusCode).toBe(422);
    const closed = await t.app.inject({
      method: "POST",
      url: `/api/v1/environment/cases/${caseCode}/transition`,
      headers: inspector.headers,
      payload: { to: "resolved", note: "Đo kiểm lại đạt QCVN." },
    });
    expect(closed.json()).toMatchObject({ status: "resolved" });
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      "opened",
      "status",
      "status",
      "answer",
      "assigned",
      "status",
    ]);
    const audit = (await t.inject({ url: `/api/v1/audit?entity_type=env_case&page_size=20` })).json();
    expect(audit.items.map((a: { action: string }) => a.action).reverse()).toEqual([
      "create",
      "transition",
      "transition",
      "answer",
      "assign",
      "transition",
    ]);
    const csv = await t.app.inject({
      url: "/api/v1/environment/cases/export?format=csv",
      headers: inspector.headers,
    });
    expect(csv.body).toContain(caseCode);
  });
});
