/**
 * A small city to test access against: an economic zone with one zone inside it, another zone and a
 * cluster; an enterprise and a project in each zone; one signed-in session per role.
 *
 *   KKT-A ─ KCN-A1 ─ enterprise E1 (0200000014) ─ project PA-0001
 *   KCN-B          ─ enterprise E2 (0200000021) ─ project PB-0001
 *   CCN-C
 *
 * The zone officer is assigned KKT-A (so KCN-A1 too); the enterprise user is bound to E1.
 */
import type { Role } from "../src/modules/identity/policy.ts";
import { INSIDE, type TestContext, type TestSession } from "./test-app.ts";

export const E1 = "0200000014";
export const E2 = "0200000021";
export type Who = Role | "public";
export const EVERYONE: Who[] = [
  "public",
  "enterprise",
  "zone_officer",
  "industry_official",
  "environment_inspector",
  "leader",
  "admin",
];

export const zone = (code: string, kind: string, extra: Record<string, unknown> = {}) => ({
  code,
  name_vi: `Khu thử ${code}`,
  kind,
  location: INSIDE,
  total_area_ha: 300,
  industrial_land_ha: 200,
  leased_land_ha: 50,
  status: "operating",
  ...extra,
});

export const enterprise = (taxCode: string, zoneCode: string) => ({
  tax_code: taxCode,
  name_vi: `Công ty Thử ${taxCode}`,
  ownership: "foreign",
  investor_countries: [{ country: "KR", share: 100 }],
  vsic_main: "2640",
  zone_code: zoneCode,
  workers: 420,
  contact_name: "Nguyễn Thị Liên Hệ",
  contact_phone: "0225 3888 999",
  contact_email: `lienhe.${taxCode}@example.vn`,
});

export const project = (irc: string, taxCode: string, zoneCode: string) => ({
  irc_number: irc,
  name_vi: `Dự án thử ${irc}`,
  enterprise_tax_code: taxCode,
  investors: [{ name: "Investor Co.", country: "KR" }],
  zone_code: zoneCode,
  location: INSIDE,
  vsic_codes: ["2640"],
  currency: "USD",
  registered_capital: 5_000_000,
  vnd_per_usd: 25_000,
  rate_date: "2025-01-02",
  issued_on: "2025-02-01",
});

export interface ScopedCity {
  sessions: Record<Exclude<Who, "public">, TestSession>;
  userIds: Record<Exclude<Who, "public">, string>;
  /** Headers for a request as `who` (none for the public). */
  as(who: Who): Record<string, string>;
}

export async function buildScopedCity(t: TestContext): Promise<ScopedCity> {
  const posts: Array<[string, object]> = [
    ["/api/v1/zones", zone("KKT-A", "kkt")],
    ["/api/v1/zones", zone("KCN-A1", "kcn", { parent_code: "KKT-A" })],
    ["/api/v1/zones", zone("KCN-B", "kcn")],
    ["/api/v1/zones", zone("CCN-C", "ccn")],
    ["/api/v1/enterprises", enterprise(E1, "KCN-A1")],
    ["/api/v1/enterprises", enterprise(E2, "KCN-B")],
    ["/api/v1/projects", project("PA-0001", E1, "KCN-A1")],
    ["/api/v1/projects", project("PB-0001", E2, "KCN-B")],
  ];
  for (const [url, payload] of posts) {
    const res = await t.inject({ method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
  const scopes: Record<Exclude<Who, "public">, { zones?: string[]; taxCodes?: string[] }> = {
    enterprise: { taxCodes: [E1] },
    zone_officer: { zones: ["KKT-A"] },
    industry_official: {},
    environment_inspector: {},
    leader: {},
    admin: {},
  };
  const sessions = {} as ScopedCity["sessions"];
  const userIds = {} as ScopedCity["userIds"];
  for (const [role, scope] of Object.entries(scopes) as Array<
    [Exclude<Who, "public">, typeof scopes.admin]
  >) {
    const user = await t.user(role, scope);
    userIds[role] = user.id;
    sessions[role] = await t.login(user.username);
  }
  return { sessions, userIds, as: (who) => (who === "public" ? {} : sessions[who].headers) };
}
