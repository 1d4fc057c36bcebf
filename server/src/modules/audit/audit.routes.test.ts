import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScopedCity, type ScopedCity } from "../../../test/scoped-city.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { grantAppRole } from "../../db/grants.ts";
import { verifyAuditChain } from "./audit.service.ts";

let t: TestContext;
let city: ScopedCity;
beforeAll(async () => {
  t = await createTestApp();
  city = await buildScopedCity(t);
});
afterAll(() => t.close());

const audit = (query: string, who: "admin" | "leader" = "admin") =>
  t.app.inject({ url: `/api/v1/audit${query}`, headers: city.as(who) });

describe("the audit log", () => {
  it("records who changed what, with the difference, request id and client address", async () => {
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/zones/KCN-A1",
      headers: city.as("zone_officer"),
      payload: { leased_land_ha: 120, developer: "Công ty Đình Vũ" },
    });
    expect(res.statusCode).toBe(200);
    const [entry] = (await audit("?entity_type=zone&entity_id=KCN-A1&action=update")).json().items;
    expect(entry).toMatchObject({
      actor_role: "zone_officer",
      actor_via: "session",
      action: "update",
      request_id: res.headers["x-request-id"],
      client_ip: "127.0.0.1",
      changes: { leased_land_ha: [50, 120], developer: [null, "Công ty Đình Vũ"] },
    });
    expect(entry.changes).not.toHaveProperty("name_vi");
    expect(entry.actor_username).toMatch(/^zone-officer-/);
  });

  it("records sign-ins, failed sign-ins and imports", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "x".repeat(12) },
    });
    const failed = (await audit("?action=login_failed")).json().items[0];
    expect(failed.changes).toMatchObject({ username: "nobody", failures: 1 });
    expect((await audit("?action=login")).json().total).toBeGreaterThanOrEqual(6);
  });

  it("records each record an import creates or changes, tied to the import by request id", async () => {
    const csv = [
      "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Quốc gia nhà đầu tư,Ngành chính (VSIC 2025),Mã khu/cụm,Số lao động",
      "0300000057,Công ty Nhập Mới,ngoài nhà nước,,2640,KCN-B,15",
      "0200000021,Công ty Thử 0200000021,có vốn đầu tư nước ngoài,KR:100,2640,KCN-B,420",
    ].join("\n");
    const boundary = "----audit";
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/enterprises",
      headers: {
        ...city.as("industry_official"),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dn.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    });
    expect(res.json().issues).toEqual([]);
    expect(res.json().status).toBe("applied");
    const requestId = res.headers["x-request-id"];
    const entries = (await audit("?sort=seq&page_size=500"))
      .json()
      .items.filter((e: { request_id: string }) => e.request_id === requestId);
    expect(entries.map((e: { action: string; entity_id: string }) => `${e.action} ${e.entity_id}`)).toEqual([
      `import ${res.json().id}`,
      "create 0300000057",
      "update 0200000021",
    ]);
    expect(entries[1].changes.workers).toEqual([null, 15]);
    // The file left out the contact columns, so the row replaced them: the log shows what was lost.
    expect(entries[2].changes.contact_email).toEqual(["lienhe.0200000021@example.vn", null]);
  });

  it("filters by actor, entity, action, dates and accent-insensitive words, and exports", async () => {
    const byActor = (
      await audit(`?actor=${(await audit("?action=update&entity_type=zone")).json().items[0].actor_username}`)
    ).json();
    expect(byActor.items.every((e: { actor_role: string }) => e.actor_role === "zone_officer")).toBe(true);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
    expect((await audit("?to=2020-01-01")).json().total).toBe(0);
    const words = (await audit("?q=kcn a1 UPDATE")).json();
    expect(words.items.length).toBeGreaterThan(0);
    expect((await audit("?sort=seq&page_size=1", "leader")).json().items[0].seq).toBe(1);
    const csv = await t.app.inject({
      url: "/api/v1/audit/export?format=csv&entity_type=project",
      headers: city.as("leader"),
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toContain("Người thực hiện");
    expect(csv.body).toContain("PA-0001");
  });

  it("keeps one unbroken chain when many changes arrive at once", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: "PATCH",
          url: i % 2 ? "/api/v1/zones/KCN-B" : "/api/v1/zones/CCN-C",
          headers: city.as("admin"),
          payload: { leased_land_ha: 10 + i },
        }),
      ),
    );
    const check = await t.app.inject({ url: "/api/v1/audit/verify", headers: city.as("admin") });
    expect(check.json()).toMatchObject({ ok: true, first_broken: null });
    expect(check.json().checked).toBe(check.json().total);
  });

  it("refuses to update, delete or truncate entries", async () => {
    const db = t.handle.db;
    await expect(
      sql`update audit_log set actor_username = 'someone' where seq = 1`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describe("tamper detection", () => {
  /** What an attacker with the owner's rights could do: switch the guard off, edit, switch it on. */
  const tamper = async (statement: ReturnType<typeof sql>) => {
    const db = t.handle.db;
    await sql`alter table audit_log disable trigger user`.execute(db);
    try {
      await statement.execute(db);
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
    }
  };

  it("names the first entry whose content was changed", async () => {
    const before = await verifyAuditChain(t.handle.db);
    expect(before.ok).toBe(true);
    await tamper(sql`update audit_log set changes = '{"leased_land_ha":[50,60]}' where seq = 5`);
    const after = await t.app.inject({ url: "/api/v1/audit/verify", headers: city.as("admin") });
    expect(after.json()).toMatchObject({
      ok: false,
      checked: 4,
      first_broken: { seq: "5", reason: "hash_mismatch" },
    });
  });

  it("notices a rewritten entry even when its own hash was recomputed", async () => {
    await tamper(sql`update audit_log set hash = repeat('a', 64) where seq = 5`);
    expect((await verifyAuditChain(t.handle.db)).first_broken).toMatchObject({
      seq: "5",
      reason: "hash_mismatch",
    });
  });

  it("notices a deleted entry", async () => {
    await tamper(sql`delete from audit_log where seq = 3`);
    expect((await verifyAuditChain(t.handle.db)).first_broken).toMatchObject({
      seq: "4",
      reason: "missing_entry",
    });
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "on PostgreSQL, the application role may read and append but never update or delete",
    async () => {
      const db = t.handle.db;
      const role = `hp_app_${randomBytes(4).toString("hex")}`;
      await sql`create role ${sql.id(role)} nologin`.execute(db);
      try {
        await grantAppRole(db, role);
        const as = async (statement: ReturnType<typeof sql>) =>
          db.transaction().execute(async (trx) => {
            await sql`set local role ${sql.id(role)}`.execute(trx);
            return statement.execute(trx);
          });
        await expect(as(sql`select count(*) from audit_log`)).resolves.toBeDefined();
        await expect(as(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(
          /permission denied/,
        );
        await expect(as(sql`delete from audit_log where seq = 1`)).rejects.toThrow(/permission denied/);
        await expect(as(sql`alter table audit_log disable trigger user`)).rejects.toThrow(/must be owner/);
        await expect(
          as(sql`update zone set developer = developer where code = 'KCN-B'`),
        ).resolves.toBeDefined();
      } finally {
        await sql`drop owned by ${sql.id(role)}`.execute(db);
        await sql`drop role ${sql.id(role)}`.execute(db);
      }
    },
  );
});
