/** SQL for post-licence supervision: legal rules, milestone progress, schedules, cases and job runs. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { Db } from "../../db/database.ts";
import { wordPatterns } from "../../platform/text.ts";
import type {
  CaseStage,
  InvCaseStepTable,
  InvCaseTable,
  InvLegalRuleTable,
  ScheduleStatus,
} from "./investment.table.ts";
import { scopeToProjects } from "./reports.repository.ts";
import type { MilestonePlan, MilestoneProgress } from "./schedule.ts";

type Sort = { field: string; direction: "asc" | "desc" };

export async function legalRules(db: Db) {
  return db.selectFrom("inv_legal_rule").selectAll().orderBy("code").orderBy("in_force_from").execute();
}

export async function lockLegalRules(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('inv_legal_rule'))`.execute(db);
}

export async function insertLegalRules(
  db: Db,
  rows: readonly Insertable<InvLegalRuleTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto("inv_legal_rule").values(rows).execute();
}

export interface ScheduleSource {
  project_id: number;
  status: "active" | "suspended" | "terminated";
  extended_months: number;
  milestones: MilestonePlan[];
  progress: Array<MilestoneProgress & { code: string }> | null;
  case_stage: "warning" | "extended" | null;
}

/** What judging a schedule needs, for every project (or the given ones), in one query. */
export async function scheduleSources(db: Db, projectIds?: readonly number[]): Promise<ScheduleSource[]> {
  const only = projectIds ? sql`where p.id = any(${`{${projectIds.join(",")}}`}::int4[])` : sql``;
  const { rows } = await sql<ScheduleSource>`
    select p.id as project_id, p.status, p.extended_months, p.milestones,
      (select jsonb_agg(jsonb_build_object('code', m.milestone_code,
          'revised_due', to_char(m.revised_due, 'YYYY-MM-DD'), 'actual_on', to_char(m.actual_on, 'YYYY-MM-DD')))
        from inv_milestone_progress m where m.project_id = p.id) as progress,
      (select c.stage from inv_case c where c.project_id = p.id and c.stage in ('warning', 'extended')) as case_stage
    from project p ${only}`.execute(db);
  return rows;
}

export interface ScheduleRow {
  project_id: number;
  status: ScheduleStatus;
  days_late: number;
  late_milestone: string | null;
  next_due: string | null;
}

/** Writes each project's judged schedule, set-based. */
export async function upsertSchedules(db: Db, rows: readonly ScheduleRow[], on: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    await sql`
      insert into inv_project_schedule (project_id, status, days_late, late_milestone, next_due, evaluated_on)
      select u.id, u.status, u.days, u.milestone, u.next_due, ${on}::date
      from unnest(${`{${chunk.map((r) => r.project_id).join(",")}}`}::int4[], ${chunk.map((r) => r.status)}::text[],
        ${`{${chunk.map((r) => r.days_late).join(",")}}`}::int4[], ${chunk.map((r) => r.late_milestone)}::text[],
        ${chunk.map((r) => r.next_due)}::date[]) as u(id, status, days, milestone, next_due)
      on conflict (project_id) do update set status = excluded.status, days_late = excluded.days_late,
        late_milestone = excluded.late_milestone, next_due = excluded.next_due, evaluated_on = excluded.evaluated_on
      where (inv_project_schedule.status, inv_project_schedule.days_late, inv_project_schedule.late_milestone,
          inv_project_schedule.next_due, inv_project_schedule.evaluated_on)
        is distinct from (excluded.status, excluded.days_late, excluded.late_milestone, excluded.next_due, excluded.evaluated_on)`.execute(
      db,
    );
  }
}

/** GS-<year>-<id, at least 5 digits>. */
const CODE = sql`'GS-' || to_char(u.opened_on, 'YYYY') || '-' || lpad(u.id::text, greatest(5, length(u.id::text)), '0')`;

export interface NewCase {
  project_id: number;
  milestone_code: string | null;
  days_late: number;
}

/**
 * Opens a warning case for each project without an active one. The partial unique index keeps one
 * active case per project, so a second run (or a second instance) opens nothing twice.
 */
export async function openCases(
  db: Db,
  rows: readonly NewCase[],
  on: string,
): Promise<Array<{ id: number; code: string; project_id: number }>> {
  if (rows.length === 0) return [];
  const { rows: opened } = await sql<{ id: number; code: string; project_id: number }>`
    with u as (
      select nextval(pg_get_serial_sequence('inv_case', 'id'))::int as id, v.project_id, v.milestone, v.days, ${on}::date as opened_on
      from unnest(${`{${rows.map((r) => r.project_id).join(",")}}`}::int4[], ${rows.map((r) => r.milestone_code)}::text[],
        ${`{${rows.map((r) => r.days_late).join(",")}}`}::int4[]) as v(project_id, milestone, days)
    )
    insert into inv_case (id, code, project_id, stage, milestone_code, days_late_at_open, opened_on, search_text)
    select u.id, ${CODE}, u.project_id, 'warning', u.milestone, u.days, u.opened_on,
      lower(${CODE}) || ' ' || p.search_text
    from u join project p on p.id = u.project_id
    on conflict (project_id) where stage in ('warning', 'extended') do nothing
    returning id, code, project_id`.execute(db);
  return opened;
}

export async function insertCaseSteps(db: Db, steps: readonly Insertable<InvCaseStepTable>[]): Promise<void> {
  for (let i = 0; i < steps.length; i += 5000)
    await db
      .insertInto("inv_case_step")
      .values(steps.slice(i, i + 5000))
      .execute();
}

/** Claims today's run of a job; null when it has already been claimed (by this or another instance). */
export async function claimJobRun(db: Db, job: string, on: string): Promise<boolean> {
  const { rows } = await sql`
    insert into inv_job_run (job, run_on) values (${job}, ${on}) on conflict do nothing returning job`.execute(
    db,
  );
  return rows.length === 1;
}

export async function finishJobRun(db: Db, job: string, on: string, result: unknown): Promise<void> {
  await db
    .updateTable("inv_job_run")
    .set({ finished_at: new Date(), result: JSON.stringify(result) })
    .where("job", "=", job)
    .where("run_on", "=", on)
    .execute();
}

/** The latest run of a job, by when it started. */
export async function lastJobRun(db: Db, job: string) {
  return db
    .selectFrom("inv_job_run")
    .selectAll()
    .where("job", "=", job)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function jobRun(db: Db, job: string, on: string) {
  return db
    .selectFrom("inv_job_run")
    .selectAll()
    .where("job", "=", job)
    .where("run_on", "=", on)
    .executeTakeFirst();
}

/** New due dates of a project's milestones (an extension), in one statement. */
export async function setRevisedDues(
  db: Db,
  projectId: number,
  dues: Readonly<Record<string, string>>,
): Promise<void> {
  const rows = Object.entries(dues).map(([milestone_code, revised_due]) => ({
    project_id: projectId,
    milestone_code,
    revised_due,
  }));
  if (rows.length === 0) return;
  await db
    .insertInto("inv_milestone_progress")
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(["project_id", "milestone_code"])
        .doUpdateSet((eb) => ({ revised_due: eb.ref("excluded.revised_due"), updated_at: new Date() })),
    )
    .execute();
}

/** The dates a project's milestones were reached, and who said so, in one statement. */
export async function setActuals(
  db: Db,
  projectId: number,
  actuals: Readonly<Record<string, string>>,
  source: "report" | "officer",
): Promise<void> {
  const rows = Object.entries(actuals).map(([milestone_code, actual_on]) => ({
    project_id: projectId,
    milestone_code,
    actual_on,
    actual_source: source,
  }));
  if (rows.length === 0) return;
  await db
    .insertInto("inv_milestone_progress")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["project_id", "milestone_code"]).doUpdateSet((eb) => ({
        actual_on: eb.ref("excluded.actual_on"),
        actual_source: eb.ref("excluded.actual_source"),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Bulk form for the demo: actual dates only. */
export async function insertProgress(
  db: Db,
  rows: ReadonlyArray<{ project_id: number; milestone_code: string; actual_on: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto("inv_milestone_progress")
      .values(rows.slice(i, i + 5000).map((r) => ({ ...r, actual_source: "demo" as const })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export interface SupervisionFilter {
  q?: string | undefined;
  status?: ScheduleStatus | undefined;
  zone?: string | undefined;
  stage?: CaseStage | undefined;
  active?: "true" | "false" | undefined;
  project?: string | undefined;
  zones?: readonly string[];
  enterprises?: readonly string[];
}

function projectsQuery(db: Db, f: SupervisionFilter) {
  let q = db
    .selectFrom("inv_project_schedule as s")
    .innerJoin("project as p", "p.id", "s.project_id")
    .leftJoin("zone as z", "z.code", "p.zone_code")
    .leftJoin("inv_case as c", (join) =>
      join.onRef("c.project_id", "=", "p.id").on("c.stage", "in", ["warning", "extended"]),
    );
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("p.search_text", "like", pattern);
  if (f.status) q = q.where("s.status", "=", f.status);
  if (f.zone) q = q.where("p.zone_code", "=", f.zone);
  if (f.project) q = q.where("p.irc_number", "=", f.project);
  return scopeToProjects(q, f);
}

export async function listScheduled(db: Db, f: SupervisionFilter, sort: Sort, limit: number, offset: number) {
  const column = sort.field === "irc_number" ? "p.irc_number" : `s.${sort.field}`;
  return projectsQuery(db, f)
    .select([
      "p.irc_number",
      "p.name_vi",
      "p.zone_code",
      "z.name_vi as zone_name",
      "p.enterprise_tax_code",
      "p.status as project_status",
      "p.extended_months",
      "s.status",
      "s.days_late",
      "s.late_milestone",
      "s.next_due",
      "s.evaluated_on",
      "c.code as case_code",
      "c.stage as case_stage",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(column)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("p.irc_number")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type ScheduledRow = Awaited<ReturnType<typeof listScheduled>>[number];

export async function countScheduled(db: Db, f: SupervisionFilter): Promise<number> {
  const row = await projectsQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Projects by zone and schedule status, for the board. */
export async function statusByZone(db: Db, f: SupervisionFilter) {
  return projectsQuery(db, { ...f, status: undefined })
    .select(["p.zone_code", "z.name_vi as zone_name", "s.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["p.zone_code", "z.name_vi", "s.status"])
    .orderBy("p.zone_code")
    .execute();
}

function casesQuery(db: Db, f: SupervisionFilter & { code?: string }) {
  let q = db
    .selectFrom("inv_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .leftJoin("inv_project_schedule as s", "s.project_id", "p.id");
  for (const pattern of wordPatterns(f.q ?? "")) q = q.where("c.search_text", "like", pattern);
  if (f.code) q = q.where("c.code", "=", f.code);
  if (f.stage) q = q.where("c.stage", "=", f.stage);
  if (f.active) q = q.where("c.stage", f.active === "true" ? "in" : "not in", ["warning", "extended"]);
  if (f.zone) q = q.where("p.zone_code", "=", f.zone);
  if (f.project) q = q.where("p.irc_number", "=", f.project);
  return scopeToProjects(q, f);
}

export async function listCases(
  db: Db,
  f: SupervisionFilter & { code?: string },
  sort: Sort,
  limit: number,
  offset: number,
) {
  return casesQuery(db, f)
    .selectAll("c")
    .select([
      "p.irc_number",
      "p.name_vi as project_name",
      "p.zone_code",
      "p.enterprise_tax_code",
      "s.status as schedule_status",
      "s.days_late",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy(sql`${sql.ref(`c.${sort.field}`)} ${sql.raw(sort.direction)} nulls last`)
    .orderBy("c.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

export async function countCases(db: Db, f: SupervisionFilter): Promise<number> {
  const row = await casesQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function casesByStage(db: Db, f: SupervisionFilter) {
  return casesQuery(db, { ...f, stage: undefined, active: undefined })
    .select(["c.stage", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("c.stage")
    .execute();
}

export async function lockCase(db: Db, code: string) {
  return db.selectFrom("inv_case").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export async function updateCase(db: Db, id: number, patch: Updateable<InvCaseTable>): Promise<void> {
  await db
    .updateTable("inv_case")
    .set({ ...patch, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function caseSteps(db: Db, caseId: number) {
  return db.selectFrom("inv_case_step").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}

export async function projectCases(db: Db, projectId: number) {
  return db
    .selectFrom("inv_case")
    .select(["code", "stage", "opened_on", "closed_on"])
    .where("project_id", "=", projectId)
    .orderBy("id", "desc")
    .execute();
}
