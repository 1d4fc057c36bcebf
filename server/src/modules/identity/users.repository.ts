/** SQL for accounts and the login throttle. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { AppUserTable } from "./identity.table.ts";
import type { Role } from "./policy.ts";

export async function findUserByName(db: Db, username: string) {
  return db.selectFrom("app_user").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function lockUser(db: Db, id: string) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertUser(db: Db, row: Insertable<AppUserTable>): Promise<void> {
  await db.insertInto("app_user").values(row).execute();
}

export async function updateUser(db: Db, id: string, row: Updateable<AppUserTable>): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ ...row, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: "active" | "disabled" | undefined;
  zone?: string | undefined;
  tax_code?: string | undefined;
}

function filtered(db: Db, f: UserFilter) {
  let q = db.selectFrom("app_user");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("search_text", "like", pattern);
  if (f.role) q = q.where("role", "=", f.role);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.zone) q = q.where(sql<boolean>`zone_codes @> array[${f.zone}]::text[]`);
  if (f.tax_code) q = q.where(sql<boolean>`tax_codes @> array[${f.tax_code}]::text[]`);
  return q;
}

export async function listUsers(
  db: Db,
  f: UserFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  return filtered(db, f)
    .selectAll()
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${sql.ref(sort.field)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("username")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countUsers(db: Db, f: UserFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function demoUsers(db: Db) {
  return db.selectFrom("app_user").select(["id", "username", "status"]).where("is_demo", "=", true).execute();
}

/** The throttle row of a username, locked until the transaction ends (created empty if missing). */
export async function lockThrottle(db: Db, username: string) {
  await db
    .insertInto("login_throttle")
    .values({ username, failures: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return db
    .selectFrom("login_throttle")
    .selectAll()
    .where("username", "=", username)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function setThrottle(
  db: Db,
  username: string,
  row: { failures: number; last_failure_at: Date; locked_until: Date | null },
): Promise<void> {
  await db.updateTable("login_throttle").set(row).where("username", "=", username).execute();
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("username", "=", username).execute();
}
