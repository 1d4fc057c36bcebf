import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildScopedCity,
  E1,
  E2,
  EVERYONE,
  project,
  type ScopedCity,
  type Who,
  zone,
} from "../../test/scoped-city.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

let t: TestContext;
let city: ScopedCity;
beforeAll(async () => {
  t = await createTestApp();
  city = await buildScopedCity(t);
});
afterAll(() => t.close());

describe("route declarations", () => {
  it("every registered route declares its access", () => {
    const undeclared = t.app.registeredRoutes
      .filter((r) => !(r.config as { access?: unknown } | undefined)?.access)
      .map((r) => `${r.method} ${r.url}`);
    expect(t.app.registeredRoutes.length).toBeGreaterThan(50);
    expect(undeclared).toEqual([]);
  });

  it("states each route's permission in the OpenAPI document", async () => {
    const spec = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const patch = spec.paths["/api/v1/projects/{irc_number}"].patch;
    expect(patch.description).toContain("`project.update`");
    expect(patch.description).toContain("zone_officer (zones)");
    expect(patch.security).toEqual([{ session: [] }, { token: [] }]);
    expect(spec.paths["/api/v1/zones"].get.security).toBeUndefined();
  });
});

type Case = {
  name: string;
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  payload?: (who: Who) => object;
  /** Expected status per caller, in the order of EVERYONE. */
  expect: [number, number, number, number, number, number, number];
};

const unique = (who: Who) => who.replaceAll("_", "").slice(0, 8).toUpperCase();

//                                                          pub  ent  zone ind  env  lead adm
const MATRIX: Case[] = [
  { name: "list zones", url: "/api/v1/zones", expect: [200, 200, 200, 200, 200, 200, 200] },
  {
    name: "read an enterprise",
    url: `/api/v1/enterprises/${E2}`,
    expect: [200, 200, 200, 200, 200, 200, 200],
  },
  { name: "city summary", url: "/api/v1/summary", expect: [200, 200, 200, 200, 200, 200, 200] },
  { name: "reference data", url: "/api/v1/reference/countries", expect: [200, 200, 200, 200, 200, 200, 200] },
  {
    name: "events of a project in scope",
    url: "/api/v1/projects/PA-0001/events",
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "events of a project outside scope (its existence is public: 403)",
    url: "/api/v1/projects/PB-0001/events",
    expect: [401, 403, 403, 200, 200, 200, 200],
  },
  {
    name: "update a zone inside the assigned economic zone",
    method: "PATCH",
    url: "/api/v1/zones/KCN-A1",
    payload: () => ({ developer: "Công ty Phát triển Hạ tầng A1" }),
    expect: [401, 403, 200, 403, 403, 403, 200],
  },
  {
    name: "update a cluster",
    method: "PATCH",
    url: "/api/v1/zones/CCN-C",
    payload: () => ({ developer: "Công ty Hạ tầng Cụm C" }),
    expect: [401, 403, 403, 200, 403, 403, 200],
  },
  {
    name: "create a cluster",
    method: "POST",
    url: "/api/v1/zones",
    payload: (who) => zone(`CCN-N${unique(who)}`, "ccn"),
    expect: [401, 403, 403, 201, 403, 403, 201],
  },
  {
    name: "create an industrial zone",
    method: "POST",
    url: "/api/v1/zones",
    payload: (who) => zone(`KCN-N${unique(who)}`, "kcn"),
    expect: [401, 403, 403, 403, 403, 403, 201],
  },
  {
    name: "update workforce of the bound enterprise",
    method: "PATCH",
    url: `/api/v1/enterprises/${E1}`,
    payload: () => ({ workers: 450, workers_as_of: "2026-10-31" }),
    expect: [401, 200, 200, 200, 403, 403, 200],
  },
  {
    name: "update workforce of another enterprise",
    method: "PATCH",
    url: `/api/v1/enterprises/${E2}`,
    payload: () => ({ workers: 380 }),
    expect: [401, 403, 403, 200, 403, 403, 200],
  },
  {
    name: "rename the bound enterprise (an official's field)",
    method: "PATCH",
    url: `/api/v1/enterprises/${E1}`,
    payload: () => ({ name_vi: "Công ty Thử Đổi Tên" }),
    expect: [401, 403, 200, 200, 403, 403, 200],
  },
  {
    name: "register a project in the assigned zone",
    method: "POST",
    url: "/api/v1/projects",
    payload: (who) => project(`P-NEW-${unique(who)}`, E1, "KCN-A1"),
    expect: [401, 403, 201, 201, 403, 403, 201],
  },
  {
    name: "register a project in another zone",
    method: "POST",
    url: "/api/v1/projects",
    payload: (who) => project(`P-OUT-${unique(who)}`, E2, "KCN-B"),
    expect: [401, 403, 403, 201, 403, 403, 201],
  },
  {
    name: "edit a project in another zone",
    method: "PATCH",
    url: "/api/v1/projects/PB-0001",
    payload: () => ({ land_area_ha: 4.5 }),
    expect: [401, 403, 403, 200, 403, 403, 200],
  },
  {
    name: "import history",
    url: "/api/v1/imports",
    expect: [401, 200, 200, 200, 403, 200, 200],
  },
  {
    name: "investment catalogue",
    url: "/api/v1/investment/catalogue/versions",
    expect: [200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "draft a catalogue version",
    method: "POST",
    url: "/api/v1/investment/catalogue/versions",
    payload: (who) => ({ code: `HP-${unique(who)}`, title_vi: "Thử", in_force_from: "2031-01-01" }),
    expect: [401, 403, 403, 201, 403, 403, 201],
  },
  {
    name: "stored screenings",
    url: "/api/v1/investment/screenings",
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "supervision board",
    url: "/api/v1/investment/supervision/board",
    expect: [401, 200, 200, 200, 403, 200, 200],
  },
  {
    name: "run the supervision job",
    method: "POST",
    url: "/api/v1/investment/supervision/run",
    payload: () => ({}),
    expect: [401, 403, 200, 200, 403, 403, 200],
  },
  {
    name: "investor reports",
    url: "/api/v1/investment/reports",
    expect: [401, 200, 200, 200, 403, 200, 200],
  },
  {
    name: "leaders' dashboard",
    url: "/api/v1/statistics/dashboard",
    expect: [200, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "record a statistical value",
    method: "POST",
    url: "/api/v1/statistics/indicators/exports/values",
    payload: (who) => ({ period: `20${String(EVERYONE.indexOf(who) + 30)}`, value: 1 }),
    expect: [401, 403, 403, 200, 403, 403, 200],
  },
  {
    name: "add a legal threshold",
    method: "POST",
    url: "/api/v1/investment/legal-rules",
    payload: (who) => ({
      code: "warning_late_days",
      value: 45,
      unit: "ngày",
      instrument: "Thử",
      article: "Điều 1",
      in_force_from: `2031-01-${String(EVERYONE.indexOf(who) + 10)}`,
    }),
    expect: [401, 403, 403, 201, 403, 403, 201],
  },
  { name: "list users", url: "/api/v1/users", expect: [401, 403, 403, 403, 403, 200, 200] },
  {
    name: "create a user",
    method: "POST",
    url: "/api/v1/users",
    payload: (who) => ({
      username: `moi-${unique(who).toLowerCase()}`,
      display_name: "Người dùng mới",
      role: "leader",
      password: "mat-khau-du-dai-2026",
    }),
    expect: [401, 403, 403, 403, 403, 403, 201],
  },
  { name: "browse the audit log", url: "/api/v1/audit", expect: [401, 403, 403, 403, 403, 200, 200] },
  {
    name: "verify the audit chain",
    url: "/api/v1/audit/verify",
    expect: [401, 403, 403, 403, 403, 403, 200],
  },
  { name: "own API tokens", url: "/api/v1/tokens", expect: [401, 200, 200, 200, 200, 200, 200] },
  { name: "own sessions", url: "/api/v1/auth/sessions", expect: [401, 200, 200, 200, 200, 200, 200] },
];

describe("role × route matrix", () => {
  for (const c of MATRIX) {
    it(`${c.method ?? "GET"} ${c.url}: ${c.name}`, async () => {
      const answers: Record<string, number> = {};
      for (const who of EVERYONE) {
        const res = await t.app.inject({
          method: c.method ?? "GET",
          url: c.url,
          headers: city.as(who),
          ...(c.payload ? { payload: c.payload(who) } : {}),
        });
        answers[who] = res.statusCode;
      }
      expect(answers).toEqual(Object.fromEntries(EVERYONE.map((who, i) => [who, c.expect[i]])));
    });
  }
});

describe("refusals that must not reveal existence", () => {
  it("answers 404 for another user's import run and token, as for ones that do not exist", async () => {
    const file = "Mã khu,Tên khu,Loại,Kinh độ,Vĩ độ,Tổng diện tích (ha),Trạng thái\n";
    const boundary = "----hp";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="z.csv"\r\nContent-Type: text/csv\r\n\r\n${file}CCN-IMP,Cụm nhập,cụm công nghiệp,106.335,20.975,50,đang hoạt động\r\n--${boundary}--\r\n`;
    const run = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/zones?dry_run=true",
      headers: {
        ...city.as("industry_official"),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    });
    expect(run.statusCode).toBe(200);
    const id = run.json().id as string;
    const mine = await t.app.inject({ url: `/api/v1/imports/${id}`, headers: city.as("industry_official") });
    expect(mine.statusCode).toBe(200);
    const theirs = await t.app.inject({ url: `/api/v1/imports/${id}`, headers: city.as("zone_officer") });
    const missing = await t.app.inject({
      url: "/api/v1/imports/00000000-0000-4000-8000-000000000000",
      headers: city.as("zone_officer"),
    });
    expect([theirs.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(theirs.json().error.code).toBe(missing.json().error.code);
    const history = await t.app.inject({ url: "/api/v1/imports", headers: city.as("zone_officer") });
    expect(history.json().items.map((r: { id: string }) => r.id)).not.toContain(id);

    const token = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: city.as("leader"),
      payload: { name: "báo cáo", permissions: ["audit.read"] },
    });
    expect(token.statusCode).toBe(201);
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${token.json().id}`,
      headers: city.as("zone_officer"),
    });
    expect(revoke.statusCode).toBe(404);
  });

  it("lets an administrator revoke anyone's token", async () => {
    const token = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: city.as("environment_inspector"),
      payload: { name: "trạm", permissions: ["zone.read"] },
    });
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${token.json().id}`,
      headers: city.as("admin"),
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().status).toBe("revoked");
  });
});

describe("scopes", () => {
  it("shows contacts and workforce only to those whose scope covers the enterprise", async () => {
    const seen = async (who: Who, taxCode: string) =>
      (await t.app.inject({ url: `/api/v1/enterprises/${taxCode}`, headers: city.as(who) })).json();
    expect(await seen("enterprise", E1)).toHaveProperty("contact_email", `lienhe.${E1}@example.vn`);
    expect(await seen("enterprise", E2)).not.toHaveProperty("contact_email");
    expect(await seen("enterprise", E2)).not.toHaveProperty("workers");
    expect(await seen("zone_officer", E1)).toHaveProperty("contact_phone");
    expect(await seen("zone_officer", E2)).not.toHaveProperty("contact_phone");
    expect(await seen("environment_inspector", E2)).toHaveProperty("contact_phone");
    expect(await seen("public", E1)).not.toHaveProperty("contact_name");
  });

  it("redacts lists and exports per row, and leaves restricted columns out of the public export", async () => {
    const list = (who: Who) =>
      t.app
        .inject({ url: "/api/v1/enterprises?sort=tax_code", headers: city.as(who) })
        .then((r) => r.json().items);
    const mine = await list("enterprise");
    expect(mine.find((e: { tax_code: string }) => e.tax_code === E1)).toHaveProperty("contact_name");
    expect(mine.find((e: { tax_code: string }) => e.tax_code === E2)).not.toHaveProperty("contact_name");
    const publicCsv = (await t.app.inject({ url: "/api/v1/enterprises/export?format=csv" })).body;
    expect(publicCsv).not.toContain("lienhe.");
    expect(publicCsv.split("\n")[0]).not.toContain("Người liên hệ");
    const officerCsv = (
      await t.app.inject({ url: "/api/v1/enterprises/export?format=csv", headers: city.as("zone_officer") })
    ).body;
    expect(officerCsv).toContain(`lienhe.${E1}@example.vn`);
    expect(officerCsv).not.toContain(`lienhe.${E2}@example.vn`);
  });

  it("hides a project's event history from the public but keeps the project itself open", async () => {
    const open = (await t.app.inject({ url: "/api/v1/projects/PA-0001" })).json();
    expect(open.irc_number).toBe("PA-0001");
    expect(open).not.toHaveProperty("events");
    const owner = (
      await t.app.inject({ url: "/api/v1/projects/PA-0001", headers: city.as("enterprise") })
    ).json();
    expect(owner.events[0].kind).toBe("issued");
  });

  it("refuses to move a project out of the officer's zones, and names why", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/projects/PA-0001",
      headers: city.as("zone_officer"),
      payload: { zone_code: "KCN-B" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("auth.out_of_scope");
    expect((await t.app.inject({ url: "/api/v1/projects/PA-0001" })).json().zone_code).toBe("KCN-A1");
  });

  it("refuses to move an enterprise out of every zone, which would take it beyond the officer's remit", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/enterprises/${E1}`,
      headers: city.as("zone_officer"),
      payload: { zone_code: null },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/enterprises/${E1}` })).json().zone_code).toBe("KCN-A1");
  });

  it("keeps restricted figures out of sort orders and small totals for those who may not see them", async () => {
    const sorted = await t.app.inject({ url: "/api/v1/enterprises?sort=-workers" });
    expect(sorted.statusCode).toBe(403);
    expect(sorted.json().error.details[0].field).toBe("sort");
    expect(
      (await t.app.inject({ url: "/api/v1/enterprises?sort=-workers", headers: city.as("leader") }))
        .statusCode,
    ).toBe(200);
    const zoneSummary = (who: Who) =>
      t.app
        .inject({ url: "/api/v1/zones/KCN-B/summary", headers: city.as(who) })
        .then((r) => r.json().enterprises);
    expect(await zoneSummary("public")).toMatchObject({ total: 1, workers: null });
    expect((await zoneSummary("environment_inspector")).workers).toBeGreaterThan(0);
  });

  it("shows nothing restricted to a user who must first change their password", async () => {
    const inspector = await t.user("environment_inspector");
    const reset = await t.app.inject({
      method: "POST",
      url: `/api/v1/users/${inspector.id}/reset-password`,
      headers: city.as("admin"),
    });
    const s = await t.login(inspector.username, reset.json().temporary_password);
    const seen = (await t.app.inject({ url: `/api/v1/enterprises/${E2}`, headers: s.headers })).json();
    expect(seen.tax_code).toBe(E2);
    expect(seen).not.toHaveProperty("contact_phone");
    expect(
      (await t.app.inject({ url: "/api/v1/projects/PB-0001", headers: s.headers })).json(),
    ).not.toHaveProperty("events");
    // The reset also revoked the API token the account had.
    expect((await t.app.inject({ url: "/api/v1/zones", headers: inspector.headers })).statusCode).toBe(401);
  });

  it("applies concurrent edits of different fields one after the other, each audited against the last", async () => {
    const [a, b] = await Promise.all([
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/enterprises/${E2}`,
        headers: city.as("admin"),
        payload: { workers: 1234 },
      }),
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/enterprises/${E2}`,
        headers: city.as("admin"),
        payload: { name_en: "Test Two" },
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const now = (await t.app.inject({ url: `/api/v1/enterprises/${E2}`, headers: city.as("admin") })).json();
    expect(now).toMatchObject({ workers: 1234, name_en: "Test Two" });
    const entries = (
      await t.app.inject({
        url: `/api/v1/audit?entity_id=${E2}&action=update&sort=seq`,
        headers: city.as("admin"),
      })
    ).json().items;
    const last = entries.slice(-2).map((e: { changes: object }) => Object.keys(e.changes).sort());
    expect(last).toEqual(expect.arrayContaining([["workers"], ["name_en"]]));
  });

  it("names the fields enterprise staff may not change", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/enterprises/${E1}`,
      headers: { ...city.as("enterprise"), "accept-language": "en" },
      payload: { ownership: "state", workers: 10 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "auth.field_not_editable",
      details: [{ field: "ownership" }],
    });
  });

  it("refuses, row by row, an import that reaches outside the officer's zones and writes nothing", async () => {
    const csv = [
      "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Ngành chính (VSIC 2025),Mã khu/cụm",
      `${E1},Công ty Thử ${E1},có vốn đầu tư nước ngoài,2640,KCN-A1`,
      "0200000039,Công ty Ngoài Phạm Vi,ngoài nhà nước,2640,KCN-B",
      `${E2},Công ty Thử ${E2} đổi,có vốn đầu tư nước ngoài,2640,KCN-A1`,
    ].join("\n");
    const boundary = "----hp2";
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/enterprises",
      headers: { ...city.as("zone_officer"), "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dn.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(422);
    const outside = res.json().issues.filter((i: { code: string }) => i.code === "auth.out_of_scope");
    // Row 3 is a new enterprise in KCN-B; row 4 would pull E2 out of KCN-B into the officer's zone.
    expect(outside.map((i: { row: number }) => i.row)).toEqual([3, 4]);
    expect((await t.app.inject({ url: "/api/v1/enterprises/0200000039" })).statusCode).toBe(404);
  });
});
