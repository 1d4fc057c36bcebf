/** SQL for investor reports: stored reports, what is expected of each project and what is overdue. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type { InvReportTable, ReportPeriod } from "./investment.table.ts";
import type { ReportFilter } from "./reports.schemas.ts";

type Sort = { field: string; direction: "asc" | "desc" };
export interface Scope {
  zones?: readonly string[];
  enterprises?: readonly string[];
}

/** Cuts a query over projects (aliased `p`) to the caller's zones or enterprises (and their branches). */
export function scopeToProjects<Q>(q: Q, s: Scope): Q {
  // biome-ignore lint/suspicious/noExplicitAny: the same project columns in every query this scopes.
  let out = q as any;
  if (s.zones)
    out = s.zones.length ? out.where("p.zone_code", "in", s.zones) : out.where(sql<boolean>`false`);
  if (s.enterprises) {
    const codes = s.enterprises;
    // biome-ignore lint/suspicious/noExplicitAny: expression builder of the scoped query.
    out = out.where((eb: any) =>
      codes.length === 0
        ? eb.val(false)
        : eb.or(
            codes.flatMap((c) => [
              eb("p.enterprise_tax_code", "=", c),
              eb("p.enterprise_tax_code", "like", `${c}-%`),
            ]),
          ),
    );
  }
  return out as Q;
}

function reportsQuery(db: Db, f: ReportFilter & Scope & { id?: number }) {
  let q = db.selectFrom("inv_report as r").innerJoin("project as p", "p.id", "r.project_id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("p.search_text", "like", pattern);
  if (f.id) q = q.where("r.id", "=", f.id);
  if (f.project) q = q.where("p.irc_number", "=", f.project);
  if (f.zone) q = q.where("p.zone_code", "=", f.zone);
  if (f.year) q = q.where("r.year", "=", f.year);
  if (f.period) q = q.where("r.period", "=", f.period);
  if (f.status) q = q.where("r.status", "=", f.status);
  if (f.flagged)
    q = q.where(sql<boolean>`jsonb_array_length(r.flags) ${sql.raw(f.flagged === "true" ? ">" : "=")} 0`);
  return scopeToProjects(q, f);
}

export async function listReports(
  db: Db,
  f: ReportFilter & Scope & { id?: number },
  sort: Sort,
  limit: number,
  offset: number,
) {
  const column = sort.field === "irc_number" ? "p.irc_number" : `r.${sort.field}`;
  return reportsQuery(db, f)
    .selectAll("r")
    .select([
      "p.irc_number",
      "p.name_vi as project_name",
      "p.zone_code",
      "p.enterprise_tax_code",
      "p.currency",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(column)} ${sql.raw(sort.direction)}`)
    .orderBy("r.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export async function countReports(db: Db, f: ReportFilter & Scope): Promise<number> {
  const row = await reportsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReport(db: Db, projectId: number, year: number, period: ReportPeriod) {
  return db
    .selectFrom("inv_report")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("year", "=", year)
    .where("period", "=", period)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockReport(db: Db, id: number) {
  return db.selectFrom("inv_report").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The project's latest report before a period, for the plausibility checks. */
export async function previousReport(
  db: Db,
  projectId: number,
  before: { year: number; period: ReportPeriod },
) {
  return db
    .selectFrom("inv_report")
    .select(["year", "period", "capital_disbursed", "workers"])
    .where("project_id", "=", projectId)
    .where(
      sql<boolean>`(year, case period when 'Y' then 5 else substr(period, 2)::int end) < (${before.year}, ${before.period === "Y" ? 5 : Number(before.period.slice(1))})`,
    )
    .orderBy("year", "desc")
    .orderBy(sql`case period when 'Y' then 5 else substr(period, 2)::int end`, "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertReports(
  db: Db,
  rows: readonly Insertable<InvReportTable>[],
): Promise<Array<{ id: number }>> {
  const out: Array<{ id: number }> = [];
  for (let i = 0; i < rows.length; i += 2000)
    out.push(
      ...(await db
        .insertInto("inv_report")
        .values(rows.slice(i, i + 2000))
        .returning("id")
        .execute()),
    );
  return out;
}

export async function updateReport(db: Db, id: number, patch: Updateable<InvReportTable>): Promise<void> {
  await db.updateTable("inv_report").set(patch).where("id", "=", id).execute();
}

/**
 * Projects expected to report for a period (certificate issued by its end, not terminated before
 * its start) with their report's status, if any, in the caller's scope.
 */
function expectedQuery(
  db: Db,
  year: number,
  period: ReportPeriod,
  start: string,
  end: string,
  s: Scope & { zone?: string; q?: string },
) {
  let q = db
    .selectFrom("project as p")
    .leftJoin("zone as z", "z.code", "p.zone_code")
    .leftJoin("inv_report as r", (j) =>
      j.onRef("r.project_id", "=", "p.id").on("r.year", "=", year).on("r.period", "=", period),
    )
    .where("p.issued_on", "<=", end)
    .where(
      sql<boolean>`not exists (select 1 from project_event e where e.project_id = p.id and e.kind = 'termination' and e.occurred_on < ${start})`,
    );
  if (s.zone) q = q.where("p.zone_code", "=", s.zone);
  for (const pattern of wordPatterns(s.q ?? "")) q = q.where("p.search_text", "like", pattern);
  return scopeToProjects(q, s);
}

export async function overdue(
  db: Db,
  year: number,
  period: ReportPeriod,
  bounds: { start: string; end: string },
  s: Scope & { zone?: string; q?: string },
  sort: Sort,
  limit: number,
  offset: number,
) {
  const other = sort.field === "irc_number" ? "p.zone_code" : "p.irc_number";
  return expectedQuery(db, year, period, bounds.start, bounds.end, s)
    .where((eb) => eb.or([eb("r.id", "is", null), eb("r.status", "=", "returned")]))
    .select([
      "p.irc_number",
      "p.name_vi",
      "p.zone_code",
      "p.enterprise_tax_code",
      "r.status",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`p.${sort.field}`)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy(sql.ref(other))
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function completeness(
  db: Db,
  year: number,
  period: ReportPeriod,
  bounds: { start: string; end: string },
  s: Scope & { zone?: string },
) {
  return expectedQuery(db, year, period, bounds.start, bounds.end, s)
    .select([
      "p.zone_code",
      "z.name_vi as zone_name",
      (eb) => eb.fn.countAll<number>().as("expected"),
      sql<number>`count(r.id) filter (where r.status <> 'returned')`.as("received"),
      sql<number>`count(r.id) filter (where r.status = 'accepted')`.as("accepted"),
    ])
    .groupBy(["p.zone_code", "z.name_vi"])
    .orderBy("p.zone_code")
    .execute();
}

/** Reports by (certificate, year, period), as the audit log compares them around an import. */
export async function reportsByKeys(
  db: Db,
  keys: ReadonlyArray<{ irc: string; year: number; period: ReportPeriod }>,
) {
  if (keys.length === 0) return [];
  return db
    .selectFrom("inv_report as r")
    .innerJoin("project as p", "p.id", "r.project_id")
    .select([
      "p.irc_number",
      "r.year",
      "r.period",
      "r.status",
      "r.capital_disbursed",
      "r.revenue_vnd",
      "r.exports_usd",
      "r.workers",
      "r.taxes_vnd",
      "r.rnd_vnd",
      "r.environment_vnd",
    ])
    .where((eb) =>
      eb.or(
        keys.map((w) =>
          eb.and([eb("p.irc_number", "=", w.irc), eb("r.year", "=", w.year), eb("r.period", "=", w.period)]),
        ),
      ),
    )
    .execute();
}
