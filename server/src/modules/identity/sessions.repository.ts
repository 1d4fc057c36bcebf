/** SQL for sessions and API tokens (stored as hashes only). */
import { type Insertable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ApiTokenTable, UserSessionTable } from "./identity.table.ts";

const USER_COLUMNS = [
  "app_user.id as user_id",
  "app_user.username",
  "app_user.display_name",
  "app_user.role",
  "app_user.zone_codes",
  "app_user.tax_codes",
  "app_user.must_change_password",
] as const;

export async function insertSession(db: Db, row: Insertable<UserSessionTable>): Promise<void> {
  await db.insertInto("user_session").values(row).execute();
}

/** A live session of an active user: not revoked, not past its absolute or idle expiry. */
export async function liveSession(db: Db, idHash: string, now: Date, idleSince: Date) {
  return db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select([
      ...USER_COLUMNS,
      "user_session.csrf_token",
      "user_session.last_seen_at",
      "user_session.expires_at",
    ])
    .where("user_session.id_hash", "=", idHash)
    .where("user_session.revoked_at", "is", null)
    .where("user_session.expires_at", ">", now)
    .where("user_session.last_seen_at", ">", idleSince)
    .where("app_user.status", "=", "active")
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable("user_session").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
}

export async function revokeSession(db: Db, idHash: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("user_session")
    .set({ revoked_at: now })
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeUserSessions(
  db: Db,
  userId: string,
  now: Date,
  except?: string,
): Promise<number> {
  let q = db
    .updateTable("user_session")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (except) q = q.where("id_hash", "!=", except);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export async function userSessions(db: Db, userId: string, now: Date) {
  return db
    .selectFrom("user_session")
    .select(["id_hash", "created_at", "last_seen_at", "expires_at", "client_ip", "user_agent"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** Sessions are listed by a short public handle: the first 16 hex digits of the stored hash. */
export async function sessionByHandle(db: Db, userId: string, handle: string) {
  return db
    .selectFrom("user_session")
    .select(["id_hash", "user_id"])
    .where("user_id", "=", userId)
    .where(sql<boolean>`left(id_hash, 16) = ${handle}`)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function insertToken(db: Db, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto("api_token").values(row).execute();
}

export async function liveToken(db: Db, secretHash: string, now: Date) {
  return db
    .selectFrom("api_token")
    .innerJoin("app_user", "app_user.id", "api_token.user_id")
    .select([...USER_COLUMNS, "api_token.id as token_id", "api_token.permissions", "api_token.last_used_at"])
    .where("api_token.secret_hash", "=", secretHash)
    .where("api_token.revoked_at", "is", null)
    .where("api_token.expires_at", ">", now)
    .where("app_user.status", "=", "active")
    .executeTakeFirst();
}

export async function touchToken(db: Db, id: string, now: Date, ip: string | null): Promise<void> {
  await db
    .updateTable("api_token")
    .set({ last_used_at: now, last_used_ip: ip })
    .where("id", "=", id)
    .execute();
}

const TOKEN_COLUMNS = [
  "api_token.id",
  "api_token.user_id",
  "app_user.username",
  "api_token.name",
  "api_token.prefix",
  "api_token.permissions",
  "api_token.expires_at",
  "api_token.last_used_at",
  "api_token.last_used_ip",
  "api_token.created_at",
  "api_token.revoked_at",
] as const;

export async function listTokens(db: Db, userId: string | null) {
  let q = db
    .selectFrom("api_token")
    .innerJoin("app_user", "app_user.id", "api_token.user_id")
    .select(TOKEN_COLUMNS);
  if (userId) q = q.where("api_token.user_id", "=", userId);
  return q.orderBy("api_token.created_at", "desc").execute();
}

export async function findToken(db: Db, id: string) {
  return db
    .selectFrom("api_token")
    .innerJoin("app_user", "app_user.id", "api_token.user_id")
    .select(TOKEN_COLUMNS)
    .where("api_token.id", "=", id)
    .executeTakeFirst();
}

export async function revokeToken(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable("api_token")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export async function revokeUserTokens(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
