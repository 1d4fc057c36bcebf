/**
 * Demo accounts, one per role, created only in demo mode. Outside demo mode any demo account left in
 * the database is disabled at start-up, so a known password never guards real data.
 */
import type { Db } from "../../db/database.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { firstEnterpriseIn } from "../enterprises/enterprises.service.ts";
import { hashPassword } from "./passwords.ts";
import type { Role } from "./policy.ts";
import type { IdentitySettings } from "./sessions.service.ts";
import * as repo from "./users.repository.ts";
import { createUser, updateUser } from "./users.service.ts";

export const DEMO_PASSWORD = "demo-HaiPhong-2026";
/** The zone officer looks after the Đình Vũ – Cát Hải economic zone and the zones inside it. */
const DEMO_ZONE = "KKT-DVCH";

export interface DemoUser {
  username: string;
  display_name: string;
  role: Role;
}

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", display_name: "Quản trị hệ thống (demo)", role: "admin" },
  { username: "lanhdao", display_name: "Lãnh đạo UBND thành phố (demo)", role: "leader" },
  { username: "socongthuong", display_name: "Chuyên viên Sở Công Thương (demo)", role: "industry_official" },
  { username: "bqlkkt", display_name: "Chuyên viên Ban Quản lý KKT (demo)", role: "zone_officer" },
  { username: "thanhtra", display_name: "Thanh tra môi trường (demo)", role: "environment_inspector" },
  { username: "doanhnghiep", display_name: "Nhân viên doanh nghiệp (demo)", role: "enterprise" },
];

/** Creates the demo accounts that do not exist yet; returns those created with their scopes. */
export async function ensureDemoUsers(
  db: Db,
  settings: IdentitySettings,
): Promise<Array<DemoUser & { scope: string | null }>> {
  const existing = new Set((await repo.demoUsers(db)).map((u) => u.username));
  const zoneEnterprise = await firstEnterpriseIn(db, DEMO_ZONE);
  const created: Array<DemoUser & { scope: string | null }> = [];
  // One scrypt hash for the shared, published demo password instead of one per account.
  let hash: string | undefined;
  for (const user of DEMO_USERS) {
    if (existing.has(user.username) || (await repo.findUserByName(db, user.username))) continue;
    const zone_codes = user.role === "zone_officer" ? [DEMO_ZONE] : [];
    const tax_codes = user.role === "enterprise" && zoneEnterprise ? [zoneEnterprise] : [];
    if (user.role === "enterprise" && !zoneEnterprise) continue;
    hash ??= await hashPassword(DEMO_PASSWORD, settings.passwordHashCost);
    await createUser(
      db,
      settings,
      SYSTEM_ACTOR,
      {
        ...user,
        email: null,
        zone_codes,
        tax_codes,
        password: DEMO_PASSWORD,
        must_change_password: false,
        is_demo: true,
      },
      hash,
    );
    created.push({ ...user, scope: zone_codes[0] ?? tax_codes[0] ?? null });
  }
  return created;
}

/** Disables demo accounts still active; returns their usernames. */
export async function disableDemoUsers(db: Db): Promise<string[]> {
  const active = (await repo.demoUsers(db)).filter((u) => u.status === "active");
  for (const user of active) await updateUser(db, SYSTEM_ACTOR, user.id, { status: "disabled" });
  return active.map((u) => u.username);
}
