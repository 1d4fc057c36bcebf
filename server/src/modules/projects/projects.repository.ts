/** SQL for projects and their event history. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { ProjectFilter } from "./projects.schemas.ts";
import type { ProjectEventTable, ProjectTable } from "./projects.table.ts";

/** Capital converted with each project's own recorded rate. */
const usd = (column: string) =>
  sql<number>`case when currency = 'USD' then ${sql.ref(column)} else ${sql.ref(column)} / vnd_per_usd end`;
const SORT_EXPRESSIONS: Record<string, ReturnType<typeof sql>> = {
  registered_capital_usd: usd("registered_capital"),
  disbursed_capital_usd: usd("disbursed_capital"),
};

function filtered(db: Db, f: ProjectFilter) {
  let q = db.selectFrom("project");
  if (f.q) {
    const words = wordPatterns(f.q);
    const irc = f.q.trim();
    q = q.where((eb) =>
      eb.or([eb.and(words.map((w) => eb("search_text", "like", w))), eb("irc_number", "=", irc)]),
    );
  }
  if (f.origin) q = q.where("origin", "=", f.origin);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.zone === "none") q = q.where("zone_code", "is", null);
  else if (f.zone) q = q.where("zone_code", "=", f.zone);
  if (f.commune) q = q.where("commune_code", "=", f.commune);
  if (f.country) q = q.where(sql<boolean>`investor_countries @> array[${f.country}]::text[]`);
  if (f.vsic)
    q = q.where(sql<boolean>`exists (select 1 from unnest(vsic_codes) v where v like ${`${f.vsic}%`})`);
  if (f.enterprise) q = q.where("enterprise_tax_code", "=", f.enterprise);
  if (f.synthetic !== undefined) q = q.where("is_synthetic", "=", f.synthetic);
  return q;
}

export async function listProjects(
  db: Db,
  f: ProjectFilter,
  sort: { field: string; direction: "asc" | "desc" },
  limit: number,
  offset: number,
) {
  // Names sort by their folded form (search_text starts with it): "Đình Vũ" with the D's.
  const order =
    SORT_EXPRESSIONS[sort.field] ?? sql.ref(sort.field === "name_vi" ? "search_text" : sort.field);
  return filtered(db, f)
    .selectAll()
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${order} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("irc_number")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countProjects(db: Db, f: ProjectFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findProject(db: Db, irc: string) {
  return db.selectFrom("project").selectAll().where("irc_number", "=", irc).executeTakeFirst();
}

export async function findProjects(db: Db, ircs: readonly string[]) {
  if (ircs.length === 0) return [];
  return db
    .selectFrom("project")
    .selectAll()
    .where(sql<boolean>`irc_number = any(${sql.val([...ircs])}::text[])`)
    .execute();
}

export async function listEvents(db: Db, projectId: number) {
  return db
    .selectFrom("project_event")
    .select(["seq", "kind", "occurred_on", "decision_number", "amount", "months", "note"])
    .where("project_id", "=", projectId)
    .orderBy("seq")
    .execute();
}

export async function insertProject(db: Db, row: Insertable<ProjectTable>) {
  return db.insertInto("project").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function updateProject(db: Db, id: number, row: Updateable<ProjectTable>) {
  await db
    .updateTable("project")
    .set({ ...row, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function insertEvents(db: Db, rows: Insertable<ProjectEventTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("project_event")
      .values(rows.slice(i, i + 1000))
      .execute();
}

export interface KnownProject {
  id: number;
  registered_capital: number;
  currency: "VND" | "USD";
  status: string;
  last_event_on: string | null;
  zone_code: string | null;
  enterprise_tax_code: string | null;
}

/** What an import needs to know about projects that already exist, by certificate number. */
export async function existingIrcNumbers(
  db: Db,
  ircs: readonly string[],
): Promise<Map<string, KnownProject>> {
  if (ircs.length === 0) return new Map();
  const rows = await db
    .selectFrom("project as p")
    .select((eb) => [
      "p.id",
      "p.irc_number",
      "p.registered_capital",
      "p.currency",
      "p.status",
      "p.zone_code",
      "p.enterprise_tax_code",
      eb
        .selectFrom("project_event as e")
        .select((e) => e.fn.max("e.occurred_on").as("d"))
        .whereRef("e.project_id", "=", "p.id")
        .as("last_event_on"),
    ])
    .where(sql<boolean>`p.irc_number = any(${sql.val([...ircs])}::text[])`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.irc_number,
      {
        id: r.id,
        registered_capital: r.registered_capital,
        currency: r.currency,
        status: r.status,
        last_event_on: (r.last_event_on as string | null) ?? null,
        zone_code: r.zone_code,
        enterprise_tax_code: r.enterprise_tax_code,
      },
    ]),
  );
}

/** Locks the given projects' rows until the end of the transaction. */
export async function lockProjects(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`select id from project where id = any(${sql.val([...ids])}::int[]) order by id for update`.execute(
    db,
  );
}

const UPSERT_CHUNK = 300;

/** Insert or update project attributes by IRC number; returns ids by IRC and which were new. */
export async function upsertProjects(
  db: Db,
  rows: Insertable<ProjectTable>[],
  onProgress?: (done: number) => void,
) {
  const out: Array<{ id: number; irc_number: string; inserted: boolean }> = [];
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const result = await db
      .insertInto("project")
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.column("irc_number").doUpdateSet((eb) => ({
          name_vi: eb.ref("excluded.name_vi"),
          name_en: eb.ref("excluded.name_en"),
          enterprise_tax_code: eb.ref("excluded.enterprise_tax_code"),
          investors: eb.ref("excluded.investors"),
          investor_countries: eb.ref("excluded.investor_countries"),
          origin: eb.ref("excluded.origin"),
          zone_code: eb.ref("excluded.zone_code"),
          commune_code: eb.ref("excluded.commune_code"),
          lon: eb.ref("excluded.lon"),
          lat: eb.ref("excluded.lat"),
          land_area_ha: eb.ref("excluded.land_area_ha"),
          vsic_codes: eb.ref("excluded.vsic_codes"),
          currency: eb.ref("excluded.currency"),
          vnd_per_usd: eb.ref("excluded.vnd_per_usd"),
          rate_date: eb.ref("excluded.rate_date"),
          milestones: eb.ref("excluded.milestones"),
          disbursed_capital: eb.ref("excluded.disbursed_capital"),
          disbursed_as_of: eb.ref("excluded.disbursed_as_of"),
          search_text: eb.ref("excluded.search_text"),
          updated_at: new Date(),
        })),
      )
      .returning(["id", "irc_number", sql<boolean>`xmax = 0`.as("inserted")])
      .execute();
    out.push(...result);
    onProgress?.(Math.min(rows.length, i + UPSERT_CHUNK));
  }
  return out;
}

/** Recomputes the projection columns of many projects from their full event histories. */
export async function eventsOf(db: Db, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom("project_event")
    .select(["project_id", "seq", "kind", "occurred_on", "decision_number", "amount", "months", "note"])
    .where(sql<boolean>`project_id = any(${sql.val([...projectIds])}::int[])`)
    .orderBy("project_id")
    .orderBy("seq")
    .execute();
}

export async function setProjections(
  db: Db,
  rows: Array<{
    id: number;
    registered_capital: number;
    share_purchase_capital: number;
    status: string;
    issued_on: string | null;
    extended_months: number;
  }>,
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await sql`
      update project p set
        registered_capital = v.registered_capital,
        share_purchase_capital = v.share_purchase_capital,
        status = v.status,
        issued_on = v.issued_on,
        extended_months = v.extended_months,
        updated_at = now()
      from unnest(
        ${sql.val(chunk.map((r) => r.id))}::int[],
        ${sql.val(chunk.map((r) => r.registered_capital))}::numeric[],
        ${sql.val(chunk.map((r) => r.share_purchase_capital))}::numeric[],
        ${sql.val(chunk.map((r) => r.status))}::text[],
        ${sql.val(chunk.map((r) => r.issued_on))}::date[],
        ${sql.val(chunk.map((r) => r.extended_months))}::int[]
      ) as v(id, registered_capital, share_purchase_capital, status, issued_on, extended_months)
      where p.id = v.id`.execute(db);
  }
}

export interface ProjectAggregate {
  zone_code: string | null;
  origin: "domestic" | "foreign";
  currency: "VND" | "USD";
  projects: number;
  registered: number;
  share_purchase: number;
  disbursed: number;
  registered_usd: number;
  share_purchase_usd: number;
  disbursed_usd: number;
}

export async function aggregateByZone(db: Db): Promise<ProjectAggregate[]> {
  return db
    .selectFrom("project")
    .select((eb) => [
      "zone_code",
      "origin",
      "currency",
      eb.fn.countAll<number>().as("projects"),
      sql<number>`sum(registered_capital)`.as("registered"),
      sql<number>`sum(share_purchase_capital)`.as("share_purchase"),
      sql<number>`sum(disbursed_capital)`.as("disbursed"),
      sql<number>`sum(${usd("registered_capital")})`.as("registered_usd"),
      sql<number>`sum(${usd("share_purchase_capital")})`.as("share_purchase_usd"),
      sql<number>`sum(${usd("disbursed_capital")})`.as("disbursed_usd"),
    ])
    .where("status", "!=", "terminated")
    .groupBy(["zone_code", "origin", "currency"])
    .execute();
}
