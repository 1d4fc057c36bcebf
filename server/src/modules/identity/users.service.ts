/** Accounts: creation with the password policy, scopes checked against the registry, audited changes. */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { AppError, invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, diffRecords, recordAudit } from "../audit/audit.service.ts";
import type { User, UserFilter, UserInput, UserPatch } from "./identity.schemas.ts";
import { hashPassword, passwordIssues, verifyPassword } from "./passwords.ts";
import * as sessions from "./sessions.repository.ts";
import { type IdentitySettings, reserveAttempt } from "./sessions.service.ts";
import { scopeIssues } from "./user-scopes.ts";
import { presentUser } from "./users.presenters.ts";
import * as repo from "./users.repository.ts";

const ENTITY = { vi: "người dùng", en: "User" };
type Row = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

/** What the audit log keeps of an account: never its password hash. */
function audited(u: User): Record<string, unknown> {
  const { created_at: _c, updated_at: _u, last_login_at: _l, ...rest } = u;
  return rest;
}

export async function getUser(db: Db, id: string): Promise<User> {
  const row = await repo.findUserById(db, id);
  if (!row) throw notFound(ENTITY, id);
  return presentUser(row);
}

export async function findUserByName(db: Db, username: string): Promise<User | null> {
  const row = await repo.findUserByName(db, username.trim().toLowerCase());
  return row ? presentUser(row) : null;
}

export async function listUsers(
  db: Db,
  filter: UserFilter,
  sort: string,
  paging: Paging,
): Promise<Page<User>> {
  const rows = await repo.listUsers(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countUsers(db, filter), presentUser);
}

export async function allUsers(db: Db, filter: UserFilter, sort: string): Promise<User[]> {
  return (await exportRows((limit) => repo.listUsers(db, filter, parseSort(sort), limit, 0))).map(
    presentUser,
  );
}

function duplicateUsername(username: string): AppError {
  const text = { vi: `Tên đăng nhập "${username}" đã tồn tại.`, en: `Username "${username}" is taken.` };
  return new AppError("auth.username_taken", 409, text, [
    { code: "auth.username_taken", field: "username", message: text },
  ]);
}

export async function createUser(
  db: Db,
  settings: IdentitySettings,
  actor: Actor,
  input: UserInput & { is_demo?: boolean },
  /** A hash of input.password computed beforehand (the demo accounts share one). */
  precomputedHash?: string,
): Promise<User> {
  const issues = [
    ...passwordIssues(input.password, input),
    ...(await scopeIssues(db, input.role, input.zone_codes, input.tax_codes)),
  ];
  if (issues.length) throw invalid(issues);
  if (await repo.findUserByName(db, input.username)) throw duplicateUsername(input.username);
  const id = randomUUID();
  const passwordHash = precomputedHash ?? (await hashPassword(input.password, settings.passwordHashCost));
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, {
        id,
        username: input.username,
        display_name: input.display_name,
        email: input.email ?? null,
        role: input.role,
        zone_codes: input.zone_codes,
        tax_codes: input.tax_codes,
        status: "active",
        password_hash: passwordHash,
        must_change_password: input.must_change_password,
        is_demo: input.is_demo ?? false,
        search_text: searchText(input.username, input.display_name, input.email),
      });
      const created = presentUser((await repo.findUserById(trx, id)) as Row);
      await recordAudit(trx, actor, {
        action: "create",
        entityType: "user",
        entityId: id,
        changes: diffRecords(null, audited(created)),
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw duplicateUsername(input.username);
    throw error;
  }
  return getUser(db, id);
}

/** Role, scope and status changes are recorded as permission changes; disabling ends sessions and tokens. */
export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch): Promise<User> {
  if (actor.userId === id && (patch.role !== undefined || patch.status === "disabled")) {
    throw new AppError("auth.self_lockout", 409, {
      vi: "Không thể tự đổi vai trò hoặc tự vô hiệu hoá tài khoản của mình.",
      en: "You cannot change your own role or disable your own account.",
    });
  }
  // Read, check and write under the row's lock, so concurrent edits cannot undo each other.
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockUser(trx, id);
    if (!row) throw notFound(ENTITY, id);
    const current = presentUser(row);
    const next = { ...current, ...patch };
    const issues = await scopeIssues(trx, next.role, next.zone_codes, next.tax_codes);
    if (issues.length) throw invalid(issues);
    await repo.updateUser(trx, id, {
      display_name: next.display_name,
      email: next.email,
      role: next.role,
      zone_codes: next.zone_codes,
      tax_codes: next.tax_codes,
      status: next.status,
      search_text: searchText(next.username, next.display_name, next.email),
    });
    const now = new Date();
    if (next.status === "disabled" && current.status !== "disabled") {
      await sessions.revokeUserSessions(trx, id, now);
      await sessions.revokeUserTokens(trx, id, now);
    }
    const changes = diffRecords(audited(current), audited(next));
    const permissionChange = ["role", "zone_codes", "tax_codes", "status"].some((k) => k in changes);
    if (Object.keys(changes).length) {
      await recordAudit(trx, actor, {
        action: permissionChange ? "permission_change" : "update",
        entityType: "user",
        entityId: id,
        changes,
      });
    }
  });
  return getUser(db, id);
}

async function setPassword(
  db: Db,
  actor: Actor,
  user: User,
  hash: string,
  options: { mustChange: boolean; keepSession?: string; revokeTokens?: boolean; action: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: now,
      must_change_password: options.mustChange,
    });
    await sessions.revokeUserSessions(trx, user.id, now, options.keepSession);
    if (options.revokeTokens) await sessions.revokeUserTokens(trx, user.id, now);
    await repo.clearThrottle(trx, user.username);
    await recordAudit(trx, actor, {
      action: options.action,
      entityType: "user",
      entityId: user.id,
      changes: { password: ["***", "***"] },
    });
  });
}

/** A user changes their own password: the current one is required; other sessions end. */
export async function changePassword(
  db: Db,
  settings: IdentitySettings,
  actor: Actor,
  input: { userId: string; current: string; next: string; sessionHash?: string | undefined },
): Promise<void> {
  const row = await repo.findUserById(db, input.userId);
  if (!row) throw notFound(ENTITY, input.userId);
  // Wrong current passwords count against the lock-out like wrong sign-ins.
  await reserveAttempt(db, row.username, new Date());
  const check = await verifyPassword(input.current, row.password_hash, settings.passwordHashCost);
  if (check.ok) await repo.clearThrottle(db, row.username);
  else {
    throw invalid([
      {
        code: "auth.password_wrong",
        field: "current_password",
        message: { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
      },
    ]);
  }
  const issues = passwordIssues(input.next, row, "new_password");
  if (input.next === input.current) {
    issues.push({
      code: "auth.password_reused",
      field: "new_password",
      message: {
        vi: "Mật khẩu mới phải khác mật khẩu cũ.",
        en: "The new password must differ from the old one.",
      },
    });
  }
  if (issues.length) throw invalid(issues);
  const hash = await hashPassword(input.next, settings.passwordHashCost);
  await setPassword(db, actor, presentUser(row), hash, {
    mustChange: false,
    keepSession: input.sessionHash,
    action: "password_change",
  });
}

/**
 * An administrator or operator sets a password for someone else — the answer to a compromised
 * account. Without one, a random temporary password is generated that must be changed at the next
 * sign-in. Every session ends, every API token is revoked and the lock-out is lifted.
 */
export async function resetPassword(
  db: Db,
  settings: IdentitySettings,
  actor: Actor,
  id: string,
  password?: string,
): Promise<string> {
  const user = await getUser(db, id);
  const chosen = password ?? `${randomBytes(12).toString("base64url")}-Hp`;
  const issues = passwordIssues(chosen, user);
  if (issues.length) throw invalid(issues);
  const hash = await hashPassword(chosen, settings.passwordHashCost);
  await setPassword(db, actor, user, hash, {
    mustChange: password === undefined,
    revokeTokens: true,
    action: "password_reset",
  });
  return chosen;
}

export { describeMe, presentUser } from "./users.presenters.ts";
