// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The screening catalogue: versions (decision, dates in force, what each supersedes) and entries.
  await sql`
    create table inv_catalogue_version (
      id serial primary key,
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
      title_vi text not null,
      title_en text,
      decision_number text,
      decided_on date,
      in_force_from date not null,
      in_force_to date,
      supersedes_id integer references inv_catalogue_version (id),
      status text not null default 'draft' check (status in ('draft', 'published')),
      is_sample boolean not null default false,
      note text,
      search_text text not null default '',
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (in_force_to is null or in_force_to >= in_force_from)
    )`.execute(db);
  await sql`
    create table inv_catalogue_entry (
      id serial primary key,
      version_id integer not null references inv_catalogue_version (id) on delete cascade,
      code text not null,
      category text not null check (category in ('encouraged', 'conditional', 'not_accepted')),
      title_vi text not null,
      title_en text,
      vsic_codes text[] not null default '{}',
      products text[] not null default '{}',
      criteria jsonb not null default '[]',
      legal_basis text,
      search_text text not null default '',
      unique (version_id, code)
    )`.execute(db);
  await sql`
    create table inv_screening (
      id serial primary key,
      code text not null unique,
      version_id integer not null references inv_catalogue_version (id),
      screened_on date not null,
      category text not null check (category in ('encouraged', 'conditional', 'not_accepted', 'unlisted')),
      title text not null,
      proposal jsonb not null,
      result jsonb not null,
      user_id uuid references app_user (id),
      username text,
      search_text text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inv_screening_created on inv_screening (created_at desc)`.execute(db);

  // Legal thresholds as dated reference data: a change of law is a new row, not new code.
  await sql`
    create table inv_legal_rule (
      id serial primary key,
      code text not null check (code ~ '^[a-z][a-z0-9_]{2,60}$'),
      value double precision not null,
      unit text not null,
      instrument text not null,
      article text not null,
      in_force_from date not null,
      in_force_to date,
      verified boolean not null default false,
      note text,
      unique (code, in_force_from),
      check (in_force_to is null or in_force_to >= in_force_from)
    )`.execute(db);

  // Post-licence supervision: actual dates and revised (extended) due dates per committed milestone.
  await sql`
    create table inv_milestone_progress (
      project_id integer not null references project (id) on delete cascade,
      milestone_code text not null,
      revised_due date,
      actual_on date,
      actual_source text check (actual_source in ('report', 'officer', 'demo')),
      updated_at timestamptz not null default now(),
      primary key (project_id, milestone_code)
    )`.execute(db);
  // Each project's schedule status as the daily job last judged it (the board filters and sorts on it).
  await sql`
    create table inv_project_schedule (
      project_id integer primary key references project (id) on delete cascade,
      status text not null check (status in
        ('on_schedule', 'late', 'in_extension', 'past_legal_limit', 'completed', 'terminated', 'no_milestones')),
      days_late integer not null default 0,
      late_milestone text,
      next_due date,
      evaluated_on date not null
    )`.execute(db);
  await sql`create index inv_project_schedule_status on inv_project_schedule (status, days_late desc)`.execute(
    db,
  );
  await sql`
    create table inv_case (
      id serial primary key,
      code text not null unique,
      project_id integer not null references project (id),
      stage text not null check (stage in ('warning', 'extended', 'recovered', 'terminated')),
      milestone_code text,
      days_late_at_open integer not null,
      opened_on date not null,
      closed_on date,
      search_text text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // One active case per project: the daily job may run twice, on two instances, and open it once.
  await sql`create unique index inv_case_active on inv_case (project_id) where stage in ('warning', 'extended')`.execute(
    db,
  );
  await sql`
    create table inv_case_step (
      id bigserial primary key,
      case_id integer not null references inv_case (id) on delete cascade,
      stage text not null check (stage in ('warning', 'extended', 'recovered', 'terminated')),
      document_number text,
      document_date date,
      note text,
      data jsonb,
      user_id uuid references app_user (id),
      username text,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inv_case_step_case on inv_case_step (case_id, at)`.execute(db);
  // A job run per job and day: the row is the lock that makes the daily job run once.
  await sql`
    create table inv_job_run (
      job text not null,
      run_on date not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      result jsonb,
      primary key (job, run_on)
    )`.execute(db);

  // Investor reports, quarterly (Q1–Q4) and annual (Y), one per project and period.
  await sql`
    create table inv_report (
      id serial primary key,
      project_id integer not null references project (id),
      year integer not null check (year between 2000 and 2100),
      period text not null check (period in ('Q1', 'Q2', 'Q3', 'Q4', 'Y')),
      due_on date not null,
      capital_disbursed double precision not null check (capital_disbursed >= 0),
      revenue_vnd double precision check (revenue_vnd >= 0),
      exports_usd double precision check (exports_usd >= 0),
      workers integer check (workers >= 0),
      taxes_vnd double precision check (taxes_vnd >= 0),
      rnd_vnd double precision check (rnd_vnd >= 0),
      environment_vnd double precision check (environment_vnd >= 0),
      milestone_actuals jsonb not null default '{}',
      flags jsonb not null default '[]',
      status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
      channel text not null check (channel in ('workspace', 'api', 'import', 'demo')),
      submitted_at timestamptz not null default now(),
      submitted_by text,
      reviewed_at timestamptz,
      reviewed_by text,
      review_note text,
      is_synthetic boolean not null default false,
      unique (project_id, year, period)
    )`.execute(db);
  await sql`create index inv_report_status on inv_report (status, submitted_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "inv_report",
    "inv_job_run",
    "inv_case_step",
    "inv_case",
    "inv_project_schedule",
    "inv_milestone_progress",
    "inv_legal_rule",
    "inv_screening",
    "inv_catalogue_entry",
    "inv_catalogue_version",
  ]) {
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  }
}
