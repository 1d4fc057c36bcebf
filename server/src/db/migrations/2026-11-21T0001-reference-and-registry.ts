// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table data_source (
      code text primary key,
      kind text not null check (kind in ('official', 'published', 'estimate', 'synthetic')),
      title text not null,
      publisher text,
      url text,
      published_on date
    )`.execute(db);

  // Administrative units of both eras: the two-tier units in force from 2025-07-01 and the
  // three-tier units that ended on 2025-06-30. The same code can exist in both eras.
  await sql`
    create table admin_unit (
      era text not null check (era in ('2025', 'pre2025')),
      code text not null,
      level text not null check (level in ('province', 'district', 'commune')),
      valid_from date,
      valid_to date,
      parent_code text,
      name text not null,
      name_en text,
      full_name text not null,
      full_name_en text,
      unit_type text not null,
      unit_type_en text,
      area_km2 numeric,
      geometry jsonb,
      search_text text not null,
      primary key (era, level, code)
    )`.execute(db);
  await sql`create index admin_unit_parent on admin_unit (era, parent_code, level)`.execute(db);

  await sql`
    create table admin_unit_crosswalk (
      new_code text not null,
      old_commune_code text not null,
      old_district_code text not null,
      old_province_code text not null,
      merge_type text not null check (merge_type in ('full', 'partial')),
      primary key (new_code, old_commune_code)
    )`.execute(db);

  await sql`
    create table vsic_code (
      version text not null,
      code text not null,
      level smallint not null check (level between 1 and 5),
      parent_code text,
      section text not null,
      name_vi text not null,
      search_text text not null,
      primary key (version, code)
    )`.execute(db);

  await sql`
    create table country (
      alpha2 text primary key,
      alpha3 text not null unique,
      numeric_code text not null,
      name_en text not null,
      name_vi text not null,
      search_text text not null
    )`.execute(db);

  await sql`
    create table zone (
      id serial primary key,
      code text not null unique,
      name_vi text not null,
      name_en text,
      kind text not null check (kind in ('kkt', 'kcn', 'ccn')),
      parent_code text references zone (code) on update cascade,
      commune_codes text[] not null default '{}',
      legacy_territory text not null check (legacy_territory in ('east', 'west')),
      boundary jsonb,
      lon double precision,
      lat double precision,
      total_area_ha numeric not null check (total_area_ha >= 0),
      industrial_land_ha numeric check (industrial_land_ha >= 0),
      leased_land_ha numeric check (leased_land_ha >= 0),
      developer text,
      decision_number text,
      decision_date date,
      status text not null check (status in ('planned', 'under_construction', 'operating')),
      eco_status text not null default 'none' check (eco_status in ('none', 'programme', 'certified')),
      wastewater_capacity_m3d numeric check (wastewater_capacity_m3d >= 0),
      field_sources jsonb not null default '{}',
      is_synthetic boolean not null default false,
      search_text text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (leased_land_ha is null or industrial_land_ha is null or leased_land_ha <= industrial_land_ha)
    )`.execute(db);
  await sql`create index zone_search on zone using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table enterprise (
      id serial primary key,
      tax_code text not null unique,
      name_vi text not null,
      name_en text,
      ownership text not null check (ownership in ('state', 'non_state', 'foreign')),
      investor_countries jsonb not null default '[]',
      country_codes text[] not null default '{}',
      vsic_version text not null default '2025',
      vsic_main text not null,
      vsic_other text[] not null default '{}',
      address text,
      commune_code text,
      zone_code text references zone (code) on update cascade,
      lon double precision,
      lat double precision,
      workers integer check (workers >= 0),
      workers_as_of date,
      high_tech boolean not null default false,
      high_tech_certificate text,
      status text not null check (status in ('active', 'suspended', 'dissolved')),
      established_on date,
      source_code text references data_source (code),
      is_synthetic boolean not null default false,
      search_text text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index enterprise_search on enterprise using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index enterprise_zone on enterprise (zone_code)`.execute(db);
  await sql`create index enterprise_commune on enterprise (commune_code)`.execute(db);
  await sql`create index enterprise_countries on enterprise using gin (country_codes)`.execute(db);

  await sql`
    create table project (
      id serial primary key,
      irc_number text not null unique,
      name_vi text not null,
      name_en text,
      enterprise_tax_code text references enterprise (tax_code) on update cascade,
      investors jsonb not null default '[]',
      investor_countries text[] not null default '{}',
      origin text not null check (origin in ('domestic', 'foreign')),
      zone_code text references zone (code) on update cascade,
      commune_code text,
      lon double precision,
      lat double precision,
      land_area_ha numeric check (land_area_ha >= 0),
      vsic_version text not null default '2025',
      vsic_codes text[] not null default '{}',
      currency text not null check (currency in ('VND', 'USD')),
      vnd_per_usd numeric not null check (vnd_per_usd > 0),
      rate_date date not null,
      milestones jsonb not null default '[]',
      disbursed_capital numeric not null default 0 check (disbursed_capital >= 0),
      disbursed_as_of date,
      -- Projection of project_event, recomputed from all events in the transaction that appends one.
      registered_capital numeric not null default 0,
      share_purchase_capital numeric not null default 0,
      status text not null default 'active' check (status in ('active', 'suspended', 'terminated')),
      issued_on date,
      extended_months integer not null default 0,
      source_code text references data_source (code),
      is_synthetic boolean not null default false,
      search_text text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index project_search on project using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index project_zone on project (zone_code)`.execute(db);
  await sql`create index project_enterprise on project (enterprise_tax_code)`.execute(db);
  await sql`create index project_countries on project using gin (investor_countries)`.execute(db);

  await sql`
    create table project_event (
      id serial primary key,
      project_id integer not null references project (id) on delete cascade,
      seq integer not null,
      kind text not null check (kind in ('issued', 'capital_increase', 'share_purchase', 'adjustment',
        'extension', 'suspension', 'resumption', 'termination')),
      occurred_on date not null,
      decision_number text,
      amount numeric,
      months integer,
      note text,
      created_at timestamptz not null default now(),
      unique (project_id, seq)
    )`.execute(db);

  await sql`
    create table import_run (
      id text primary key,
      kind text not null,
      file_name text,
      format text not null,
      status text not null check (status in ('applied', 'rejected', 'valid')),
      total_rows integer not null,
      inserted integer not null default 0,
      updated integer not null default 0,
      issues jsonb not null default '[]',
      search_text text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "import_run",
    "project_event",
    "project",
    "enterprise",
    "zone",
    "country",
    "vsic_code",
    "admin_unit_crosswalk",
    "admin_unit",
    "data_source",
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
