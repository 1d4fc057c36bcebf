/** SQL for catalogue versions, their entries and stored screenings. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { EntryFilter, ScreeningFilter, VersionFilter } from "./catalogue.schemas.ts";
import type {
  InvCatalogueEntryTable,
  InvCatalogueVersionTable,
  InvScreeningTable,
} from "./investment.table.ts";

type Sort = { field: string; direction: "asc" | "desc" };

/** `publishedOnly`: what a reader who may not see drafts is shown. */
export type VersionQuery = VersionFilter & { code?: string; publishedOnly?: boolean };

function versionsQuery(db: Db, f: VersionQuery) {
  let q = db
    .selectFrom("inv_catalogue_version as v")
    .leftJoin("inv_catalogue_version as prev", "prev.id", "v.supersedes_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("v.search_text", "like", pattern);
  if (f.code) q = q.where("v.code", "=", f.code);
  if (f.status) q = q.where("v.status", "=", f.status);
  if (f.publishedOnly) q = q.where("v.status", "=", "published");
  if (f.in_force_on) {
    const day = f.in_force_on;
    q = q
      .where("v.in_force_from", "<=", day)
      .where((eb) => eb.or([eb("v.in_force_to", "is", null), eb("v.in_force_to", ">=", day)]));
  }
  return q;
}

export async function listVersions(db: Db, f: VersionQuery, sort: Sort, limit: number, offset: number) {
  return versionsQuery(db, f)
    .selectAll("v")
    .select([
      "prev.code as supersedes",
      sql<
        string | null
      >`(select n.code from inv_catalogue_version n where n.supersedes_id = v.id order by n.in_force_from limit 1)`.as(
        "superseded_by",
      ),
      sql<number>`(select count(*)::int from inv_catalogue_entry e where e.version_id = v.id)`.as(
        "entry_count",
      ),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`v.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("v.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function countVersions(db: Db, f: VersionQuery): Promise<number> {
  const row = await versionsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Serialises changes to versions' dates in force (publishing, ending), so overlap checks cannot race. */
export async function lockCatalogue(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('inv_catalogue_version'))`.execute(db);
}

/** The ids a version supersedes, directly or through older versions (oldest last). */
export async function supersededChain(db: Db, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive chain(id, supersedes_id, depth) as (
      select id, supersedes_id, 0 from inv_catalogue_version where id = ${id}
      union all
      select v.id, v.supersedes_id, c.depth + 1 from inv_catalogue_version v join chain c on v.id = c.supersedes_id
      where c.depth < 100
    )
    select id from chain`.execute(db);
  return rows.map((r) => r.id);
}

export async function lockVersion(db: Db, code: string) {
  return db
    .selectFrom("inv_catalogue_version")
    .selectAll()
    .where("code", "=", code)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockVersionById(db: Db, id: number) {
  return db
    .selectFrom("inv_catalogue_version")
    .select(["id", "code", "in_force_from", "in_force_to"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function versionsByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("inv_catalogue_version")
    .select(["id", "code", "status"])
    .where("code", "in", [...codes])
    .execute();
}

/** Entries by "version/code" keys, as the audit log compares them around an import. */
export async function entriesByKeys(db: Db, keys: ReadonlyArray<{ version: string; code: string }>) {
  if (keys.length === 0) return [];
  return db
    .selectFrom("inv_catalogue_entry as e")
    .innerJoin("inv_catalogue_version as v", "v.id", "e.version_id")
    .select([
      "v.code as version_code",
      "e.code",
      "e.category",
      "e.title_vi",
      "e.vsic_codes",
      "e.products",
      "e.criteria",
    ])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb("v.code", "=", k.version), eb("e.code", "=", k.code)]))))
    .execute();
}

export async function versionIdByCode(db: Db, code: string): Promise<number | null> {
  const row = await db
    .selectFrom("inv_catalogue_version")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertVersion(db: Db, row: Insertable<InvCatalogueVersionTable>): Promise<number> {
  const { id } = await db
    .insertInto("inv_catalogue_version")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateVersion(
  db: Db,
  id: number,
  patch: Updateable<InvCatalogueVersionTable>,
): Promise<void> {
  await db
    .updateTable("inv_catalogue_version")
    .set({ ...patch, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Published versions other than `id` whose period in force meets [from, to] (to null: open-ended). */
export async function overlappingPublished(db: Db, id: number, from: string, to: string | null) {
  let q = db
    .selectFrom("inv_catalogue_version")
    .select(["code", "in_force_from", "in_force_to"])
    .where("status", "=", "published")
    .where("id", "!=", id)
    .where((eb) => eb.or([eb("in_force_to", "is", null), eb("in_force_to", ">=", from)]));
  if (to !== null) q = q.where("in_force_from", "<=", to);
  return q.execute();
}

/** The published version in force on a day. */
export async function versionInForce(db: Db, day: string) {
  return db
    .selectFrom("inv_catalogue_version")
    .selectAll()
    .where("status", "=", "published")
    .where("in_force_from", "<=", day)
    .where((eb) => eb.or([eb("in_force_to", "is", null), eb("in_force_to", ">=", day)]))
    .orderBy("in_force_from", "desc")
    .executeTakeFirst();
}

export async function insertEntries(
  db: Db,
  rows: readonly Insertable<InvCatalogueEntryTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("inv_catalogue_entry")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function deleteEntries(db: Db, versionId: number, codes?: readonly string[]): Promise<number> {
  let q = db.deleteFrom("inv_catalogue_entry").where("version_id", "=", versionId);
  if (codes) q = q.where("code", "in", codes.length ? codes : [""]);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function updateEntry(
  db: Db,
  versionId: number,
  code: string,
  patch: Updateable<InvCatalogueEntryTable>,
): Promise<void> {
  await db
    .updateTable("inv_catalogue_entry")
    .set(patch)
    .where("version_id", "=", versionId)
    .where("code", "=", code)
    .execute();
}

function entriesQuery(db: Db, versionId: number, f: EntryFilter & { code?: string }) {
  let q = db.selectFrom("inv_catalogue_entry as e").where("e.version_id", "=", versionId);
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("e.search_text", "like", pattern);
  if (f.code) q = q.where("e.code", "=", f.code);
  if (f.category) q = q.where("e.category", "=", f.category);
  if (f.vsic) {
    // An entry for division 26 covers class 2610; one for 2610 is listed under 26 too.
    const vsic = f.vsic;
    q = q.where(
      sql<boolean>`exists (select 1 from unnest(e.vsic_codes) c where starts_with(${vsic}, c) or starts_with(c, ${vsic}))`,
    );
  }
  return q;
}

export async function listEntries(
  db: Db,
  versionId: number,
  f: EntryFilter & { code?: string },
  sort: Sort,
  limit: number,
  offset: number,
) {
  return entriesQuery(db, versionId, f)
    .selectAll("e")
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`${sql.ref(`e.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("e.code")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export async function countEntries(db: Db, versionId: number, f: EntryFilter): Promise<number> {
  const row = await entriesQuery(db, versionId, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function allEntries(db: Db, versionId: number) {
  return db
    .selectFrom("inv_catalogue_entry")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("code")
    .execute();
}

/** SL-<year in Vietnam>-<id, at least 5 digits>. */
const CODE = sql`'SL-' || to_char((now() at time zone 'UTC') + interval '7 hours', 'YYYY') || '-' || lpad(n.id::text, greatest(5, length(n.id::text)), '0')`;

export async function insertScreening(
  db: Db,
  row: Omit<Insertable<InvScreeningTable>, "code" | "id">,
): Promise<{ code: string; created_at: Date }> {
  const { rows } = await sql<{ code: string; created_at: Date }>`
    with n as (select nextval(pg_get_serial_sequence('inv_screening', 'id'))::int as id)
    insert into inv_screening (id, code, version_id, screened_on, category, title, proposal, result, user_id, username, search_text)
    select n.id, ${CODE}, ${row.version_id}, ${row.screened_on}, ${row.category}, ${row.title},
      ${row.proposal}::jsonb, ${row.result}::jsonb, ${row.user_id ?? null}, ${row.username ?? null},
      ${CODE} || ' ' || ${row.search_text}
    from n
    returning code, created_at`.execute(db);
  return rows[0] as { code: string; created_at: Date };
}

function screeningsQuery(db: Db, f: ScreeningFilter & { code?: string; user_id?: string | undefined }) {
  let q = db.selectFrom("inv_screening as s").innerJoin("inv_catalogue_version as v", "v.id", "s.version_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("s.search_text", "like", pattern);
  if (f.code) q = q.where("s.code", "=", f.code);
  if (f.category) q = q.where("s.category", "=", f.category);
  if (f.version) q = q.where("v.code", "=", f.version);
  if (f.user_id !== undefined) q = q.where("s.user_id", "=", f.user_id);
  return q;
}

export async function listScreenings(
  db: Db,
  f: ScreeningFilter & { code?: string; user_id?: string | undefined },
  sort: Sort,
  limit: number,
  offset: number,
) {
  return screeningsQuery(db, f)
    .selectAll("s")
    .select(["v.code as version_code", sql<number>`count(*) over ()`.as("total")])
    .orderBy(sql`${sql.ref(`s.${sort.field}`)} ${sql.raw(sort.direction)}`)
    .orderBy("s.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type ScreeningRow = Awaited<ReturnType<typeof listScreenings>>[number];

export async function countScreenings(
  db: Db,
  f: ScreeningFilter & { user_id?: string | undefined },
): Promise<number> {
  const row = await screeningsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
