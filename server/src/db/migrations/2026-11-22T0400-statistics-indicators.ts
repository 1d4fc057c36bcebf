// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The indicator registry: what each indicator means, how it is measured, who owns it.
  await sql`
    create table stat_indicator (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{2,60}$'),
      name_vi text not null,
      name_en text not null,
      definition_vi text,
      definition_en text,
      unit text not null,
      frequency text not null check (frequency in ('month', 'quarter', 'year')),
      direction text not null default 'up' check (direction in ('up', 'down')),
      breakdowns text[] not null default '{}',
      method text,
      source text,
      owner_agency text,
      search_text text not null default ''
    )`.execute(db);
  // Values by period, territory and breakdown, each with its status and source. A period is a year
  // ("2024"), a quarter ("2024-Q1"), a month ("2024-03") or a span ("2024-01..06").
  await sql`
    create table stat_value (
      id serial primary key,
      indicator_code text not null references stat_indicator (code) on delete cascade,
      period text not null,
      period_start date not null,
      period_end date not null,
      territory text not null check (territory in ('city', 'east', 'west')),
      breakdown_kind text not null default 'total' check (breakdown_kind in ('total', 'industry', 'ownership')),
      breakdown_code text not null default '',
      value double precision not null,
      status text not null check (status in ('official', 'estimate', 'computed', 'synthetic')),
      source_url text,
      source_note text,
      updated_at timestamptz not null default now(),
      unique (indicator_code, period, territory, breakdown_kind, breakdown_code, status),
      check (period_end >= period_start)
    )`.execute(db);
  await sql`create index stat_value_series on stat_value (indicator_code, territory, period_end)`.execute(db);
  await sql`
    create table stat_target (
      indicator_code text not null references stat_indicator (code) on delete cascade,
      year integer not null check (year between 2000 and 2100),
      territory text not null default 'city' check (territory in ('city', 'east', 'west')),
      value double precision not null,
      source text,
      note text,
      primary key (indicator_code, year, territory)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["stat_target", "stat_value", "stat_indicator"])
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
}
