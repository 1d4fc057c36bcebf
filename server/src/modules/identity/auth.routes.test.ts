import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";
import { LOCKOUT_THRESHOLD, lockDuration } from "./sessions.service.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: "true" } });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, headers });
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  res.cookies.find((c) => c.name === "hpi_session")?.value;
const session = (cookie: string) =>
  t.app.inject({ url: "/api/v1/auth/session", headers: { cookie: `hpi_session=${cookie}` } });

describe("signing in", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await t.user("leader");
  });

  it("sets an HttpOnly, SameSite cookie and returns the CSRF token with the user's permissions", async () => {
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "hpi_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({
      authenticated: true,
      via: "session",
      user: { username: user.username, role: "leader", permissions: { "audit.read": "all" } },
    });
    expect(res.json().csrf_token).toMatch(/^[\w-]{43}$/);
  });

  it("marks the cookie Secure when the request arrived over HTTPS at the proxy", async () => {
    const res = await login(user.username, user.password, { "x-forwarded-proto": "https" });
    expect(res.cookies.find((c) => c.name === "hpi_session")?.secure).toBe(true);
  });

  it("never reuses a session id the browser brought: the old one is revoked (no fixation)", async () => {
    const first = cookieOf(await login(user.username, user.password)) as string;
    const second = await login(user.username, user.password, { cookie: `hpi_session=${first}` });
    const fresh = cookieOf(second) as string;
    expect(fresh).not.toBe(first);
    expect((await session(first)).json().authenticated).toBe(false);
    expect((await session(fresh)).json().authenticated).toBe(true);
    // An attacker-chosen id that never existed does not become a session either.
    const planted = await login(user.username, user.password, { cookie: "hpi_session=attacker-chosen" });
    expect(cookieOf(planted)).not.toBe("attacker-chosen");
    expect((await session("attacker-chosen")).json().authenticated).toBe(false);
  });

  it("answers the same for an unknown user as for a wrong password", async () => {
    const wrong = await login(user.username, "sai-mat-khau-hoan-toan");
    const unknown = await login("khong-ton-tai", "sai-mat-khau-hoan-toan");
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it("keeps a session alive only while it is used: an idle session expires", async () => {
    const s = await t.login(user.username);
    await sql`update user_session set last_seen_at = now() - interval '3 hours'`.execute(t.handle.db);
    const res = await t.app.inject({ url: "/api/v1/auth/sessions", headers: s.headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers["set-cookie"]).toMatch(/hpi_session=;/);
  });
});

describe("CSRF protection", () => {
  it("refuses an unsafe request made with the session cookie but without the token", async () => {
    const user = await t.user("admin");
    const s = await t.login(user.username);
    const payload = { name: "tích hợp", permissions: ["zone.read"] };
    const cookieOnly = { cookie: `hpi_session=${s.cookie}` };
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: cookieOnly,
      payload,
    });
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { ...cookieOnly, "x-csrf-token": "x".repeat(43) },
      payload,
    });
    expect([missing.statusCode, forged.statusCode]).toEqual([403, 403]);
    expect(missing.json().error.code).toBe("auth.csrf_failed");
    const ok = await t.app.inject({ method: "POST", url: "/api/v1/tokens", headers: s.headers, payload });
    expect(ok.statusCode).toBe(201);
    // Safe methods need no token, and bearer tokens are not sent automatically by browsers.
    expect((await t.app.inject({ url: "/api/v1/tokens", headers: cookieOnly })).statusCode).toBe(200);
  });
});

describe("signing out", () => {
  it("ends the current session on logout and every session on logout-all", async () => {
    const user = await t.user("leader");
    const a = await t.login(user.username);
    const b = await t.login(user.username);
    const c = await t.login(user.username);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: a.headers })).statusCode,
    ).toBe(204);
    expect((await session(a.cookie)).json().authenticated).toBe(false);
    expect((await session(b.cookie)).json().authenticated).toBe(true);
    const all = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout-all", headers: b.headers });
    expect(all.json()).toEqual({ sessions_revoked: 2 });
    expect((await session(c.cookie)).json().authenticated).toBe(false);
  });

  it("lists the user's sessions and ends one by its handle, but not another user's", async () => {
    const user = await t.user("leader");
    const other = await t.user("leader");
    const a = await t.login(user.username);
    const b = await t.login(user.username);
    const list = (await t.app.inject({ url: "/api/v1/auth/sessions", headers: a.headers })).json();
    expect(list).toHaveLength(2);
    const theOther = list.find((s: { current: boolean }) => !s.current);
    const o = await t.login(other.username);
    const refused = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/sessions/${theOther.id}`,
      headers: o.headers,
    });
    expect(refused.statusCode).toBe(404);
    await t.app.inject({ method: "DELETE", url: `/api/v1/auth/sessions/${theOther.id}`, headers: a.headers });
    expect((await session(b.cookie)).json().authenticated).toBe(false);
  });
});

describe("passwords", () => {
  it("changes a password only with the current one, by the policy, ending the other sessions", async () => {
    const user = await t.user("leader");
    const a = await t.login(user.username);
    const b = await t.login(user.username);
    const change = (current: string, next: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/password",
        headers: a.headers,
        payload: { current_password: current, new_password: next },
      });
    expect((await change("khong-dung-mat-khau", "mat-khau-moi-rat-dai-2026")).json().error.code).toBe(
      "auth.password_wrong",
    );
    const weak = (await change(user.password, `${user.username}1`)).json().error;
    expect(weak.details.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(["auth.password_too_short", "auth.password_contains_account"]),
    );
    expect(weak.details[0].field).toBe("new_password");
    expect((await change(user.password, "mat-khau-moi-rat-dai-2026")).statusCode).toBe(204);
    expect((await session(a.cookie)).json().authenticated).toBe(true);
    expect((await session(b.cookie)).json().authenticated).toBe(false);
    expect((await login(user.username, "mat-khau-moi-rat-dai-2026")).statusCode).toBe(200);
  });

  it("makes a user with a temporary password change it before doing anything else", async () => {
    const admin = await t.login((await t.user("admin")).username);
    const user = await t.user("leader");
    const reset = await t.app.inject({
      method: "POST",
      url: `/api/v1/users/${user.id}/reset-password`,
      headers: admin.headers,
    });
    const temporary = reset.json().temporary_password as string;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect((await login(user.username, user.password)).statusCode).toBe(401);
    const s = await t.login(user.username, temporary);
    const blocked = await t.app.inject({ url: "/api/v1/audit", headers: s.headers });
    expect(blocked.json().error.code).toBe("auth.password_change_required");
    expect((await t.app.inject({ url: "/api/v1/zones", headers: s.headers })).statusCode).toBe(200);
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: s.headers,
      payload: { current_password: temporary, new_password: "mat-khau-rieng-cua-toi" },
    });
    expect((await t.app.inject({ url: "/api/v1/audit", headers: s.headers })).statusCode).toBe(200);
  });
});

describe("lock-out", () => {
  it("doubles the lock with each failure past the threshold, up to an hour", () => {
    expect([4, 5, 6, 7, 12, 20].map(lockDuration)).toEqual([
      null,
      60_000,
      120_000,
      240_000,
      3_600_000,
      3_600_000,
    ]);
  });

  it("locks an account after repeated failures, refusing even the right password until it lifts", async () => {
    const user = await t.user("leader");
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      expect((await login(user.username, `sai-${i}-mat-khau`)).statusCode).toBe(401);
    const locked = await login(user.username, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("auth.locked");
    await sql`update login_throttle set locked_until = now() - interval '1 second'`.execute(t.handle.db);
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    // A success clears the count: one more failure does not lock again.
    expect((await login(user.username, "sai-lan-nua-thoi")).statusCode).toBe(401);
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });

  it("counts parallel guesses one by one: no more than the threshold are ever checked", async () => {
    const user = await t.user("leader");
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => login(user.username, `doan-mo-${i}-mat-khau`)),
      login(user.username, user.password),
    ]);
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401 || c === 200).length).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(21 - LOCKOUT_THRESHOLD);
  });

  it("answers a malformed username (a lone surrogate) as a failed sign-in, not a crash", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username":"ab\\ud800c","password":"khong-biet-mat-khau"}',
    });
    expect(res.statusCode).toBe(401);
  });

  it("locks unknown usernames the same way, so lock-out does not reveal which accounts exist", async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await login("ai-do-khong-co", `thu-${i}-mat-khau`);
    expect((await login("ai-do-khong-co", "thu-them-lan-nua")).json().error.code).toBe("auth.locked");
  });

  it("refuses a disabled account even with the right password, and ends its sessions and tokens", async () => {
    const admin = await t.login((await t.user("admin")).username);
    const user = await t.user("leader");
    const s = await t.login(user.username);
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { status: "disabled" },
    });
    expect((await login(user.username, user.password)).json().error.code).toBe("auth.invalid_credentials");
    expect((await session(s.cookie)).json().authenticated).toBe(false);
    expect((await t.app.inject({ url: "/api/v1/audit", headers: user.headers })).statusCode).toBe(401);
  });
});

describe("rate limits", () => {
  it("counts requests by address, so made-up tokens neither escape the limit nor skip it", async () => {
    const strict = await createTestApp({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "2", RATE_LIMIT_PER_MINUTE: "3" },
    });
    try {
      const signIns: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await strict.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          headers: { authorization: `Basic made-up-${i}` },
          payload: { username: "ai-do", password: "khong-quan-trong-lam" },
        });
        signIns.push(res.statusCode);
      }
      expect(signIns).toEqual([401, 401, 429, 429]);
      const reads: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await strict.app.inject({
          url: "/api/v1/zones",
          headers: { authorization: `Bearer hpi_fake${i}` },
        });
        reads.push(res.statusCode);
      }
      expect(reads).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });

  it("limits sign-in attempts per address", async () => {
    const strict = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await strict.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "ai-do", password: "khong-quan-trong-lam" },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().error.code).toBe("common.rate_limited");
          expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
        }
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});
