import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, INSIDE, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let owner: TestUser;
let stranger: TestUser;
let officer: TestUser;
let official: TestUser;
let zone: string;
const IRC = "9800000001";

const report = (extra: Record<string, unknown> = {}) => ({
  irc_number: IRC,
  year: 2026,
  period: "Q1",
  capital_disbursed: 4_000_000,
  revenue_vnd: 50_000_000_000,
  exports_usd: 1_500_000,
  workers: 320,
  taxes_vnd: 2_000_000_000,
  ...extra,
});
const submit = (payload: object, who = owner) =>
  t.app.inject({ method: "POST", url: "/api/v1/investment/reports", headers: who.headers, payload });

function multipart(name: string, content: string) {
  const boundary = "----hpreport";
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const list = (await t.inject({ url: "/api/v1/enterprises?page_size=2&sort=tax_code" })).json();
  const [mine, theirs] = list.items as Array<{ tax_code: string; zone_code: string | null }>;
  zone = (await t.inject({ url: "/api/v1/zones?page_size=1&sort=code&kind=kcn" })).json().items[0].code;
  owner = await t.user("enterprise", { taxCodes: [mine?.tax_code as string] });
  stranger = await t.user("enterprise", { taxCodes: [theirs?.tax_code as string] });
  officer = await t.user("zone_officer", { zones: [zone] });
  official = await t.user("industry_official");
  const res = await t.inject({
    method: "POST",
    url: "/api/v1/projects",
    payload: {
      irc_number: IRC,
      name_vi: "Dự án báo cáo thử",
      enterprise_tax_code: mine?.tax_code,
      investors: [{ name: "Bao Cao Co.", country: "JP" }],
      zone_code: zone,
      location: INSIDE,
      vsic_codes: ["2619"],
      currency: "USD",
      registered_capital: 10_000_000,
      vnd_per_usd: 25_000,
      rate_date: "2024-01-02",
      issued_on: "2024-02-01",
      milestones: [
        { code: "construction_start", label: "Khởi công", due: "2024-09-30" },
        { code: "operation_start", label: "Vận hành", due: "2027-06-30" },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

describe("investor reports", () => {
  it("takes a quarterly report from the enterprise, with its due date and channel", async () => {
    const res = await submit(report());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      irc_number: IRC,
      period: "Q1",
      due_on: "2026-04-10",
      late: true,
      status: "submitted",
      channel: "api",
      flags: [],
    });
  });

  it("refuses what breaks a rule, naming the field: an open period, an unknown milestone, a future date", async () => {
    const open = await submit(report({ year: 2100 }));
    expect(open.statusCode).toBe(422);
    expect(open.json().error.details[0]).toMatchObject({ code: "investment.period_open", field: "period" });
    const bad = await submit(
      report({
        period: "Q2",
        milestone_actuals: { groundbreaking: "2025-01-01", operation_start: "2099-01-01" },
      }),
    );
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      "milestone_actuals.groundbreaking",
      "milestone_actuals.operation_start",
    ]);
    const negative = await submit(report({ period: "Q2", workers: -1 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toMatch(/workers/);
  });

  it("flags what only looks wrong for review: capital going down, workers jumping, exports above revenue", async () => {
    const res = await submit(
      report({ period: "Q2", capital_disbursed: 3_000_000, workers: 2_000, revenue_vnd: 10_000_000_000 }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().flags.map((f: { field: string }) => f.field)).toEqual([
      "capital_disbursed",
      "workers",
      "exports_usd",
    ]);
    const flagged = (
      await t.app.inject({ url: "/api/v1/investment/reports?flagged=true", headers: officer.headers })
    ).json();
    expect(flagged.items.map((r: { period: string }) => r.period)).toEqual(["Q2"]);
  });

  it("moves the project's schedule by a report's milestone dates once the report is accepted", async () => {
    const schedule = async () =>
      (
        await t.app.inject({
          url: `/api/v1/investment/supervision/projects/${IRC}`,
          headers: officer.headers,
        })
      ).json();
    expect((await schedule()).milestones[0]).toMatchObject({ state: "late" });
    const q3 = (
      await submit(report({ period: "Q3", milestone_actuals: { construction_start: "2024-10-15" } }))
    ).json();
    expect((await schedule()).milestones[0]).toMatchObject({ state: "late" });
    const accepted = await t.app.inject({
      method: "POST",
      url: `/api/v1/investment/reports/${q3.id}/review`,
      headers: officer.headers,
      payload: { decision: "accept" },
    });
    expect(accepted.json().status).toBe("accepted");
    expect((await schedule()).milestones[0]).toMatchObject({
      state: "done_late",
      actual_on: "2024-10-15",
      days_late: 15,
    });
  });

  it("is reviewed by the zone officer: returned with a reason, sent again, accepted, then closed", async () => {
    const q1 = (
      await t.app.inject({
        url: `/api/v1/investment/reports?project=${IRC}&period=Q1`,
        headers: officer.headers,
      })
    ).json().items[0];
    const review = (payload: object, who = officer) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/investment/reports/${q1.id}/review`,
        headers: who.headers,
        payload,
      });
    expect((await review({ decision: "return" })).json().error.details[0].field).toBe("note");
    expect((await review({ decision: "return", note: "Thiếu số thuế" }, owner)).statusCode).toBe(403);
    expect((await review({ decision: "return", note: "Thiếu số thuế" })).json()).toMatchObject({
      status: "returned",
      review_note: "Thiếu số thuế",
    });
    expect((await submit(report({ taxes_vnd: 2_100_000_000 }))).json()).toMatchObject({
      status: "submitted",
      taxes_vnd: 2_100_000_000,
    });
    expect((await review({ decision: "accept" })).json()).toMatchObject({
      status: "accepted",
      reviewed_by: officer.username,
    });
    const again = await submit(report());
    expect(again.statusCode).toBe(409);
    const audit = (await t.inject({ url: `/api/v1/audit?entity_type=investor_report` })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(["submit", "resubmit", "return", "accept"]),
    );
  });

  it("keeps each enterprise to its own projects' reports", async () => {
    // Out of scope looks like absent: reports are not public records.
    expect((await submit(report({ period: "Q4", year: 2025 }), stranger)).statusCode).toBe(404);
    const seen = async (who: TestUser) =>
      (await t.app.inject({ url: `/api/v1/investment/reports?project=${IRC}`, headers: who.headers })).json();
    expect([(await seen(stranger)).total, (await seen(owner)).total]).toEqual([0, 3]);
    // The demo's reports of the stranger's own projects are theirs to see, and only those.
    const theirs = (
      await t.app.inject({ url: "/api/v1/investment/reports?page_size=500", headers: stranger.headers })
    ).json();
    expect(theirs.items.every((r: { irc_number: string }) => r.irc_number !== IRC)).toBe(true);
  });

  it("lists overdue projects and completeness per zone for a period", async () => {
    const overdue = (
      await t.app.inject({
        url: `/api/v1/investment/reports/overdue?year=2025&period=Q4&q=${IRC}`,
        headers: officer.headers,
      })
    ).json();
    expect(overdue.items).toEqual([
      expect.objectContaining({ irc_number: IRC, due_on: "2026-01-10", status: "missing" }),
    ]);
    expect(overdue.items[0].days_overdue).toBeGreaterThan(300);
    const none = (
      await t.app.inject({
        url: `/api/v1/investment/reports/overdue?year=2026&period=Q1&q=${IRC}`,
        headers: officer.headers,
      })
    ).json();
    expect(none.total).toBe(0);
    const complete = (
      await t.app.inject({
        url: `/api/v1/investment/reports/completeness?year=2026&period=Q1`,
        headers: officer.headers,
      })
    ).json();
    expect(complete.zones.map((z: { zone_code: string }) => z.zone_code)).toEqual([zone]);
    const z = complete.zones[0];
    expect(z.received).toBeGreaterThanOrEqual(1);
    expect(z.share).toBeCloseTo(z.received / z.expected);
    const csv = await t.app.inject({
      url: `/api/v1/investment/reports/overdue/export?year=2025&period=Q4&q=${IRC}`,
      headers: officer.headers,
    });
    expect(csv.body).toContain(IRC);
  });

  it("imports a spreadsheet of reports all or nothing, naming each bad row", async () => {
    const header = "Số GCNĐKĐT,Năm,Kỳ,Vốn giải ngân luỹ kế,Lao động,Ngày thực hiện mốc";
    const bad = multipart(
      "bao-cao.csv",
      `${header}\n${IRC},2025,Quý 4,"3.500.000",300,\n9999999999,2025,Q3,100,1,\n`,
    );
    const rejected = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/investor_reports",
      headers: { ...owner.headers, ...bad.headers },
      payload: bad.payload,
    });
    expect(rejected.statusCode).toBe(422);
    // Only the unknown project's row is refused (and, being nobody's, it is outside the sender's scope too).
    expect(rejected.json().issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [3, "registry.project_unknown"],
      [3, "auth.out_of_scope"],
    ]);
    // Enterprise staff import their reports, never registry records (whose fields they may not all change).
    const registry = multipart("dn.csv", "Mã số thuế,Tên doanh nghiệp\n0200000014,Đổi tên\n");
    const refusedKind = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/enterprises",
      headers: { ...owner.headers, ...registry.headers },
      payload: registry.payload,
    });
    expect(refusedKind.statusCode).toBe(403);
    const good = multipart(
      "bao-cao.csv",
      `${header}\n${IRC},2025,Quý 4,"3.500.000",300,construction_start: 15/10/2024\n`,
    );
    const applied = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/investor_reports",
      headers: { ...owner.headers, ...good.headers },
      payload: good.payload,
    });
    expect(applied.json()).toMatchObject({ status: "applied", inserted: 1 });
    const stored = (
      await t.app.inject({
        url: `/api/v1/investment/reports?project=${IRC}&year=2025`,
        headers: owner.headers,
      })
    ).json().items[0];
    expect(stored).toMatchObject({
      period: "Q4",
      capital_disbursed: 3_500_000,
      channel: "import",
      submitted_by: owner.username,
    });
  });

  it("imports catalogue entries into a draft version, reading criteria from one cell", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/investment/catalogue/versions",
      headers: official.headers,
      payload: { code: "HP-NHAP", title_vi: "Nhập thử", in_force_from: "2031-01-01" },
    });
    const file = multipart(
      "danh-muc.csv",
      "Mã phiên bản,Mã mục,Nhóm,Nội dung,Mã ngành VSIC 2025,Tiêu chí\n" +
        'HP-NHAP,KK-01,khuyến khích,Linh kiện,261,"capital_per_ha >= 80 tỷ đồng/ha | QĐ mẫu; technology_level in advanced, high"\n' +
        "HP-NHAP,DK-01,có điều kiện,Thép,241,in_zone = có\n",
    );
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/catalogue_entries",
      headers: { ...official.headers, ...file.headers },
      payload: file.payload,
    });
    expect(res.json()).toMatchObject({ status: "applied", inserted: 2 });
    const entries = (
      await t.app.inject({
        url: "/api/v1/investment/catalogue/versions/HP-NHAP/entries",
        headers: official.headers,
      })
    ).json().items;
    expect(entries.map((e: { code: string; criteria: unknown }) => [e.code, e.criteria])).toEqual([
      ["DK-01", [{ field: "in_zone", operator: "=", value: true }]],
      [
        "KK-01",
        [
          { field: "capital_per_ha", operator: ">=", value: 80, unit: "tỷ đồng/ha", legal_basis: "QĐ mẫu" },
          { field: "technology_level", operator: "in", value: ["advanced", "high"] },
        ],
      ],
    ]);
    const intoPublished = multipart(
      "dm.csv",
      "Mã phiên bản,Mã mục,Nhóm,Nội dung,Tiêu chí\nHP-MAU-2022,X,khuyến khích,X,capital >= 5 triệu USD\n",
    );
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/catalogue_entries",
      headers: { ...official.headers, ...intoPublished.headers },
      payload: intoPublished.payload,
    });
    expect(refused.json().issues.map((i: { code: string }) => i.code)).toEqual([
      "investment.version_published",
      "investment.criterion_invalid",
    ]);
    const byOfficer = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/catalogue_entries",
      headers: { ...officer.headers, ...file.headers },
      payload: file.payload,
    });
    expect(byOfficer.json().issues[0].code).toBe("auth.out_of_scope");
  });
});
