import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScopedCity, E1, type ScopedCity } from "../../../test/scoped-city.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { DEMO_USERS, disableDemoUsers, ensureDemoUsers } from "./demo-users.ts";

let t: TestContext;
let city: ScopedCity;
beforeAll(async () => {
  t = await createTestApp();
  city = await buildScopedCity(t);
});
afterAll(() => t.close());

const admin = () => city.as("admin");
const create = (payload: object) =>
  t.app.inject({ method: "POST", url: "/api/v1/users", headers: admin(), payload });
const good = {
  username: "Tran.Van.B",
  display_name: "Trần Văn Bình",
  email: "binh@haiphong.gov.vn",
  role: "zone_officer",
  zone_codes: ["kcn-b"],
  password: "cau-mat-khau-dai-va-rieng",
};

describe("managing users", () => {
  it("creates a user with a normalised username, checked scopes and no password in the answer", async () => {
    const res = await create(good);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: "tran.van.b", role: "zone_officer", zone_codes: ["KCN-B"] });
    expect(JSON.stringify(res.json())).not.toMatch(/password_hash|scrypt/);
    expect((await create(good)).json().error.code).toBe("auth.username_taken");
  });

  it("names every problem: weak password, missing or foreign scopes, unknown zones and tax codes", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { ...admin(), "accept-language": "en" },
      payload: {
        ...good,
        username: "nguoi-moi",
        password: "123456789012",
        role: "enterprise",
        zone_codes: ["KCN-KHONG-CO"],
        tax_codes: ["0200000015", "0300000040"],
      },
    });
    expect(res.statusCode).toBe(422);
    const details = res
      .json()
      .error.details.map((d: { code: string; field: string }) => `${d.field}:${d.code}`);
    expect(details).toEqual(
      expect.arrayContaining([
        "password:auth.password_common",
        "zone_codes:auth.scope_not_applicable",
        "zone_codes:registry.zone_unknown",
        "tax_codes:registry.tax_code_invalid",
        "tax_codes:registry.enterprise_unknown",
      ]),
    );
  });

  it("records a change of role or scope as a permission change, with before and after", async () => {
    const id = (await create({ ...good, username: "doi-vai-tro", display_name: "Lê Thị Cúc" })).json().id;
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      headers: admin(),
      payload: { role: "enterprise", zone_codes: [], tax_codes: [E1] },
    });
    expect(res.json()).toMatchObject({ role: "enterprise", tax_codes: [E1], zone_codes: [] });
    const entry = (
      await t.app.inject({ url: `/api/v1/audit?entity_type=user&entity_id=${id}`, headers: admin() })
    ).json().items[0];
    expect(entry).toMatchObject({
      action: "permission_change",
      changes: { role: ["zone_officer", "enterprise"], tax_codes: [[], [E1]], zone_codes: [["KCN-B"], []] },
    });
  });

  it("does not let an administrator demote or disable themselves", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${city.userIds.admin}`,
      headers: admin(),
      payload: { status: "disabled" },
    });
    expect(res.json().error.code).toBe("auth.self_lockout");
  });

  it("lists users with accent-insensitive search, filters, sorting and export", async () => {
    const list = (q: string) =>
      t.app.inject({ url: `/api/v1/users?${q}`, headers: admin() }).then((r) => r.json());
    expect((await list("q=tran van binh")).items.map((u: { username: string }) => u.username)).toEqual([
      "tran.van.b",
    ]);
    expect((await list("role=leader")).items.every((u: { role: string }) => u.role === "leader")).toBe(true);
    expect((await list("zone=KCN-B")).total).toBe(1);
    const sorted = (await list("sort=-username")).items.map((u: { username: string }) => u.username);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const xlsx = await t.app.inject({ url: "/api/v1/users/export?format=xlsx", headers: city.as("leader") });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});

describe("demo accounts", () => {
  it("creates one account per role in demo mode and disables them all when demo mode is off", async () => {
    const settings = { passwordHashCost: 10, sessionIdleMinutes: 60, sessionMaxHours: 8 };
    const demo = await createTestApp({ demo: true });
    try {
      const created = await ensureDemoUsers(demo.handle.db, settings);
      expect(created.map((u) => u.role).sort()).toEqual(DEMO_USERS.map((u) => u.role).sort());
      expect(created.find((u) => u.role === "zone_officer")?.scope).toBe("KKT-DVCH");
      expect(await ensureDemoUsers(demo.handle.db, settings)).toEqual([]);
      const officer = await demo.login("bqlkkt", "demo-HaiPhong-2026");
      expect(officer.csrf).toBeTruthy();
      expect((await disableDemoUsers(demo.handle.db)).sort()).toEqual(
        DEMO_USERS.map((u) => u.username).sort(),
      );
      const refused = await demo.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "admin", password: "demo-HaiPhong-2026" },
      });
      expect(refused.json().error.code).toBe("auth.invalid_credentials");
    } finally {
      await demo.close();
    }
  });
});
