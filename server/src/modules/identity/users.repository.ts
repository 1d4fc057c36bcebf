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

export async function findThrottle(db: Db, username: string) {
  return db.selectFrom("login_throttle").selectAll().where("username", "=", username).executeTakeFirst();
}

/** Counts one failure, restarting the count when the last failure is older than a day. */
export async function addFailure(db: Db, username: string, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const row = await db
    .insertInto("login_throttle")
    .values({ username, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column("username").doUpdateSet({
        failures: sql`case when login_throttle.last_failure_at < ${dayAgo} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockUntil(db: Db, username: string, until: Date): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set({ locked_until: until })
    .where("username", "=", username)
    .execute();
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("username", "=", username).execute();
}
