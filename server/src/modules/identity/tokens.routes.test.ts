import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestSession } from "../../../test/test-app.ts";

let t: TestContext;
let official: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  official = await t.login((await t.user("industry_official")).username);
});
afterAll(() => t.close());

const create = (payload: object, headers = official.headers) =>
  t.app.inject({ method: "POST", url: "/api/v1/tokens", headers, payload });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("are shown once, stored as a hash, and listed by prefix only", async () => {
    const res = await create({
      name: "Cổng dữ liệu mở",
      permissions: ["zone.read", "project.read_restricted"],
    });
    expect(res.statusCode).toBe(201);
    const { token, id, prefix } = res.json();
    expect(token).toMatch(/^hpi_[\w-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const listed = (await t.app.inject({ url: "/api/v1/tokens", headers: official.headers })).json();
    expect(listed.find((x: { id: string }) => x.id === id)).not.toHaveProperty("token");
    const stored = await sql<{
      secret_hash: string;
    }>`select secret_hash from api_token where id = ${id}`.execute(t.handle.db);
    expect(stored.rows[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(token.slice(4));
  });

  it("carry only the permissions given, never more than the creator holds", async () => {
    const refused = await create({ name: "x", permissions: ["user.manage", "audit.read", "zone.read"] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.map((d: { value?: string; field: string }) => d.field)).toEqual([
      "permissions",
      "permissions",
    ]);
    const { token } = (await create({ name: "chỉ đọc", permissions: ["project.read_restricted"] })).json();
    const write = await t.app.inject({
      method: "POST",
      url: "/api/v1/zones",
      headers: bearer(token),
      payload: {
        code: "CCN-TOKEN",
        name_vi: "Cụm",
        kind: "ccn",
        total_area_ha: 10,
        commune_codes: ["10507"],
      },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("auth.forbidden");
    // Open data stays open to any token.
    expect((await t.app.inject({ url: "/api/v1/zones", headers: bearer(token) })).statusCode).toBe(200);
  });

  it("record when and from where they were last used", async () => {
    const { token, id } = (await create({ name: "đồng bộ", permissions: ["zone.read"] })).json();
    await t.app.inject({
      url: "/api/v1/zones",
      headers: { ...bearer(token), "x-forwarded-for": "10.1.2.3" },
    });
    const listed = (await t.app.inject({ url: "/api/v1/tokens", headers: official.headers })).json();
    const used = listed.find((x: { id: string }) => x.id === id);
    expect(used.last_used_at).not.toBeNull();
    expect(used.last_used_ip).toBe("127.0.0.1");
  });

  it("stop working when they expire", async () => {
    const { token, id } = (
      await create({ name: "ngắn hạn", permissions: ["zone.read"], expires_in_days: 1 })
    ).json();
    expect((await t.app.inject({ url: "/api/v1/zones", headers: bearer(token) })).statusCode).toBe(200);
    await sql`update api_token set expires_at = now() - interval '1 minute' where id = ${id}`.execute(
      t.handle.db,
    );
    const res = await t.app.inject({ url: "/api/v1/zones", headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("auth.token_invalid");
    expect(res.headers["www-authenticate"]).toContain("invalid_token");
    const listed = (await t.app.inject({ url: "/api/v1/tokens", headers: official.headers })).json();
    expect(listed.find((x: { id: string }) => x.id === id).status).toBe("expired");
  });

  it("stop working when revoked, and the revocation is audited", async () => {
    const { token, id } = (await create({ name: "thu hồi", permissions: ["zone.read"] })).json();
    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${id}`,
      headers: official.headers,
    });
    expect(revoked.json().status).toBe("revoked");
    expect((await t.app.inject({ url: "/api/v1/zones", headers: bearer(token) })).statusCode).toBe(401);
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'token' and entity_id = ${id} order by seq`.execute(
      t.handle.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "revoke"]);
  });

  it("cannot create further tokens or change the account", async () => {
    const { token } = (await create({ name: "tích hợp", permissions: ["zone.read"] })).json();
    const again = await create({ name: "con", permissions: ["zone.read"] }, bearer(token));
    expect(again.statusCode).toBe(403);
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout-all",
      headers: bearer(token),
    });
    expect(logout.statusCode).toBe(403);
  });
});
