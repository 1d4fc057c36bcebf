/**
 * Signing in and out: password check with lock-out, server-side sessions, API-token authentication.
 * Session ids and token secrets are random 256-bit values; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { expandZones } from "../zones/zones.service.ts";
import { decoyHash, hashPassword, verifyPassword } from "./passwords.ts";
import type { Role, Subject } from "./policy.ts";
import * as sessions from "./sessions.repository.ts";
import * as users from "./users.repository.ts";

/** The settings identity needs, taken straight from the configuration. */
export type IdentitySettings = Pick<Config, "passwordHashCost" | "sessionIdleMinutes" | "sessionMaxHours">;

export interface Principal {
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    zoneCodes: string[];
    taxCodes: string[];
    mustChangePassword: boolean;
  };
  subject: Subject;
  via: "session" | "token";
  sessionHash?: string;
  csrfToken?: string;
  expiresAt?: Date;
  tokenId?: string;
}

export const LOCKOUT_THRESHOLD = 5;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 60 * 60_000;
/** Activity is written at most this often per session or token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const randomSecret = (): string => randomBytes(32).toString("base64url");

/** After the threshold, each further failure doubles the lock: 1, 2, 4 … minutes, at most an hour. */
export function lockDuration(failures: number): number | null {
  if (failures < LOCKOUT_THRESHOLD) return null;
  return Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures - LOCKOUT_THRESHOLD));
}

const decoys = new Map<number, Promise<string>>();
function decoyFor(cost: number): Promise<string> {
  let decoy = decoys.get(cost);
  if (!decoy) {
    decoy = decoyHash(cost);
    decoys.set(cost, decoy);
  }
  return decoy;
}

const INVALID = new AppError("auth.invalid_credentials", 401, {
  vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
  en: "Wrong username or password.",
});

function locked(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const error = new AppError("auth.locked", 429, {
    vi: `Đăng nhập sai nhiều lần; tài khoản tạm khoá, thử lại sau ${seconds} giây.`,
    en: `Too many failed sign-ins; try again in ${seconds} seconds.`,
  });
  return Object.assign(error, { retryAfter: seconds });
}

export interface LoginRequest {
  username: string;
  password: string;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The session cookie the browser already had: revoked, never reused (no session fixation). */
  previousSession?: string | undefined;
  now?: Date;
}

export interface LoginResult {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Counts a password attempt before the password is checked: the attempt is reserved under a row
 * lock, so parallel guesses are counted one by one and the one that reaches the threshold locks the
 * account for those still waiting. A success clears the count (clearThrottle).
 */
export async function reserveAttempt(db: Db, rawUsername: string, now: Date): Promise<number> {
  const username = rawUsername.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const row = await users.lockThrottle(trx, username);
    if (row.locked_until && row.locked_until > now) throw locked(row.locked_until, now);
    const stale = now.getTime() - row.last_failure_at.getTime() > 86_400_000;
    const failures = (stale ? 0 : row.failures) + 1;
    const lock = lockDuration(failures);
    await users.setThrottle(trx, username, {
      failures,
      last_failure_at: now,
      locked_until: lock === null ? null : new Date(now.getTime() + lock),
    });
    return failures;
  });
}

async function recordFailure(
  db: Db,
  request: LoginRequest,
  userId: string | null,
  failures: number,
  reason: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const lock = lockDuration(failures);
    await recordAudit(trx, anonymousActor(request), {
      action: "login_failed",
      entityType: "user",
      entityId: userId,
      changes: {
        username: request.username.trim().toLowerCase(),
        reason,
        failures,
        locked_for_seconds: lock === null ? null : lock / 1000,
      },
    });
  });
}

function anonymousActor(request: LoginRequest): Actor {
  return {
    userId: null,
    username: "anonymous",
    role: null,
    via: "session",
    requestId: request.requestId,
    clientIp: request.clientIp,
  };
}

export async function login(db: Db, settings: IdentitySettings, request: LoginRequest): Promise<LoginResult> {
  const now = request.now ?? new Date();
  const username = request.username.trim().toLowerCase();
  const failures = await reserveAttempt(db, username, now);
  const user = await users.findUserByName(db, username);
  const check = await verifyPassword(
    request.password,
    user?.password_hash ?? (await decoyFor(settings.passwordHashCost)),
    settings.passwordHashCost,
  );
  // A disabled account answers like a wrong password: the answer must not confirm a guessed one.
  if (!user || !check.ok || user.status !== "active") {
    const reason = !user ? "unknown_user" : !check.ok ? "wrong_password" : "disabled";
    await recordFailure(db, request, user?.id ?? null, failures, reason);
    throw INVALID;
  }
  const sessionId = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxHours * 3_600_000);
  const rehash = check.outdated ? await hashPassword(request.password, settings.passwordHashCost) : null;
  await db.transaction().execute(async (trx) => {
    if (request.previousSession) await sessions.revokeSession(trx, sha256(request.previousSession), now);
    await users.clearThrottle(trx, username);
    await sessions.insertSession(trx, {
      id_hash: sha256(sessionId),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      client_ip: request.clientIp,
      user_agent: request.userAgent?.slice(0, 500) ?? null,
    });
    await users.updateUser(trx, user.id, {
      last_login_at: now,
      ...(rehash ? { password_hash: rehash } : {}),
    });
    await recordAudit(
      trx,
      { ...anonymousActor(request), userId: user.id, username: user.username, role: user.role },
      { action: "login", entityType: "session", entityId: sha256(sessionId).slice(0, 16) },
    );
  });
  return { sessionId, csrfToken, expiresAt, userId: user.id };
}

async function principalOf(
  db: Db,
  row: {
    user_id: string;
    username: string;
    display_name: string;
    role: Role;
    zone_codes: string[];
    tax_codes: string[];
    must_change_password: boolean;
  },
  via: "session" | "token",
  tokenPermissions?: string[],
): Promise<Principal> {
  const zones = row.role === "zone_officer" ? await expandZones(db, row.zone_codes) : new Set<string>();
  return {
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      zoneCodes: row.zone_codes,
      taxCodes: row.tax_codes,
      mustChangePassword: row.must_change_password,
    },
    subject: {
      id: row.user_id,
      role: row.role,
      zones,
      taxCodes: row.tax_codes,
      ...(tokenPermissions ? { tokenPermissions: new Set(tokenPermissions) } : {}),
    },
    via,
  };
}

/** The principal of a session cookie, or null when it is unknown, revoked, expired or idle too long. */
export async function authenticateSession(
  db: Db,
  settings: IdentitySettings,
  sessionId: string,
  now = new Date(),
): Promise<Principal | null> {
  const idHash = sha256(sessionId);
  const idleSince = new Date(now.getTime() - settings.sessionIdleMinutes * 60_000);
  const row = await sessions.liveSession(db, idHash, now, idleSince);
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS)
    await sessions.touchSession(db, idHash, now);
  const principal = await principalOf(db, row, "session");
  return { ...principal, sessionHash: idHash, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** The principal of an API token, or null when it is unknown, revoked or expired. */
export async function authenticateToken(
  db: Db,
  token: string,
  clientIp: string | null,
  now = new Date(),
): Promise<Principal | null> {
  const row = await sessions.liveToken(db, sha256(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await sessions.touchToken(db, row.token_id, now, clientIp);
  }
  return { ...(await principalOf(db, row, "token", row.permissions)), tokenId: row.token_id };
}

export async function logout(db: Db, actor: Actor, sessionHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sessions.revokeSession(trx, sessionHash, new Date());
    await recordAudit(trx, actor, {
      action: "logout",
      entityType: "session",
      entityId: sessionHash.slice(0, 16),
    });
  });
}

/** Signs the user out of every session (the current one included). */
export async function logoutEverywhere(db: Db, actor: Actor, userId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const revoked = await sessions.revokeUserSessions(trx, userId, new Date());
    await recordAudit(trx, actor, {
      action: "logout_all",
      entityType: "user",
      entityId: userId,
      changes: { sessions_revoked: revoked },
    });
    return revoked;
  });
}

export interface SessionView {
  id: string;
  current: boolean;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  client_ip: string | null;
  user_agent: string | null;
}

export async function listSessions(db: Db, userId: string, currentHash?: string): Promise<SessionView[]> {
  const rows = await sessions.userSessions(db, userId, new Date());
  return rows.map((r) => ({
    id: r.id_hash.slice(0, 16),
    current: r.id_hash === currentHash,
    created_at: r.created_at.toISOString(),
    last_seen_at: r.last_seen_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
    client_ip: r.client_ip,
    user_agent: r.user_agent,
  }));
}

/** Ends one of the user's own sessions by its handle; another user's handle is simply not found. */
export async function revokeSessionByHandle(
  db: Db,
  actor: Actor,
  userId: string,
  handle: string,
): Promise<void> {
  const found = await sessions.sessionByHandle(db, userId, handle);
  if (!found) {
    throw new AppError("common.not_found", 404, {
      vi: `Không tìm thấy phiên "${handle}".`,
      en: `Session "${handle}" was not found.`,
    });
  }
  await logout(db, actor, found.id_hash);
}
