// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Regulation limit tables as versioned data: one row per table version (QCVN 40:2011, QCVN 40:2025 …).
  await sql`
    create table env_limit_table (
      code text primary key check (code ~ '^[A-Za-z0-9:._-]{2,40}$'),
      family text not null,
      title_vi text not null,
      title_en text,
      kind text not null check (kind in ('ambient', 'wastewater', 'emission')),
      effective_from date,
      effective_to date,
      supersedes text references env_limit_table (code),
      source text,
      rows_loaded_at timestamptz,
      rows_loaded_by text
    )`.execute(db);
  // column_name: 'A'/'B' (QCVN 40, 19) or '-' (QCVN 05). A range (pH) has both bounds; a ceiling only max.
  await sql`
    create table env_limit_row (
      id serial primary key,
      table_code text not null references env_limit_table (code) on delete cascade,
      parameter text not null,
      parameter_vi text,
      parameter_en text,
      averaging text not null check (averaging in ('1h', '8h', '24h', 'annual')),
      column_name text not null default '-',
      limit_min double precision,
      limit_max double precision,
      unit text not null,
      coefficients_apply boolean not null default false,
      effective_from date,
      effective_to date,
      verified boolean not null default false,
      note text,
      check (limit_min is not null or limit_max is not null)
    )`.execute(db);
  await sql`
    create unique index env_limit_row_key on env_limit_row
      (table_code, parameter, averaging, column_name, coalesce(effective_from, '0001-01-01'))`.execute(db);

  await sql`
    create table env_station (
      id serial primary key,
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
      name_vi text not null,
      name_en text,
      kind text not null check (kind in ('ambient_air', 'wastewater', 'stack_emission')),
      zone_id integer references zone (id),
      enterprise_id integer references enterprise (id),
      commune_code text,
      lon double precision,
      lat double precision,
      limit_table text references env_limit_table (code),
      limit_column text,
      coefficients jsonb not null default '{}',
      interval_seconds integer not null default 300 check (interval_seconds between 10 and 86400),
      status text not null default 'active' check (status in ('active', 'inactive')),
      mqtt_secret_hash text unique,
      mqtt_secret_issued_at timestamptz,
      last_reading_at timestamptz,
      last_received_at timestamptz,
      is_synthetic boolean not null default false,
      search_text text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index env_station_zone on env_station (zone_id)`.execute(db);
  await sql`create index env_station_enterprise on env_station (enterprise_id)`.execute(db);

  await sql`
    create table env_datastream (
      id serial primary key,
      station_id integer not null references env_station (id) on delete cascade,
      parameter text not null,
      unit text not null,
      unique (station_id, parameter)
    )`.execute(db);

  // Readings, keyed so that the same reading sent twice is stored once. status: the logger's code
  // (0 measuring, 1 calibrating, 2 device error); only status 0 enters means and checks.
  await sql`
    create table env_observation (
      datastream_id integer not null references env_datastream (id),
      phenomenon_time timestamptz not null,
      result double precision not null,
      status smallint not null default 0,
      received_at timestamptz not null default now(),
      primary key (datastream_id, phenomenon_time)
    )`.execute(db);

  // Hourly sums, kept incrementally: each batch adds only the readings it newly stored.
  await sql`
    create table env_hourly (
      datastream_id integer not null references env_datastream (id),
      hour timestamptz not null,
      n_received integer not null,
      n_valid integer not null,
      sum_valid double precision not null,
      min_valid double precision,
      max_valid double precision,
      primary key (datastream_id, hour)
    )`.execute(db);

  // 8-hour rolling and 24-hour means, recomputed for the windows a batch touches. period_end is exclusive.
  await sql`
    create table env_mean (
      datastream_id integer not null references env_datastream (id),
      averaging text not null check (averaging in ('8h', '24h')),
      period_end timestamptz not null,
      value double precision not null,
      hours integer not null,
      primary key (datastream_id, averaging, period_end)
    )`.execute(db);

  // The station's hourly VN_AQI (NowCast for PM), for the map and the station page.
  await sql`
    create table env_aqi_hourly (
      station_id integer not null references env_station (id),
      hour timestamptz not null,
      aqi integer not null,
      dominant text not null,
      sub_indices jsonb not null,
      primary key (station_id, hour)
    )`.execute(db);

  // What was refused, with why, where the station's owner can read it.
  await sql`
    create table env_rejection (
      id bigserial primary key,
      station_id integer references env_station (id),
      station_code text,
      channel text not null check (channel in ('mqtt', 'http', 'file')),
      received_at timestamptz not null default now(),
      reason text not null,
      detail text not null,
      excerpt text
    )`.execute(db);
  await sql`create index env_rejection_station on env_rejection (station_id, received_at desc)`.execute(db);

  await sql`
    create table env_case (
      id serial primary key,
      code text not null unique,
      station_id integer not null references env_station (id),
      datastream_id integer not null references env_datastream (id),
      parameter text not null,
      averaging text not null,
      enterprise_id integer references enterprise (id),
      zone_id integer references zone (id),
      status text not null default 'open'
        check (status in ('open', 'under_review', 'notice_issued', 'resolved', 'escalated')),
      first_period_end timestamptz not null,
      last_period_end timestamptz not null,
      exceedance_count integer not null default 1,
      peak_value double precision not null,
      peak_ratio double precision,
      limit_value double precision,
      limit_table text,
      limit_verified boolean not null default false,
      inspector_id uuid references app_user (id),
      notice_number text,
      notice_date date,
      remediation_deadline date,
      search_text text not null default '',
      opened_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      closed_at timestamptz
    )`.execute(db);
  await sql`create index env_case_stream on env_case (datastream_id, last_period_end desc)`.execute(db);
  await sql`create index env_case_status on env_case (status, opened_at desc)`.execute(db);

  await sql`
    create table env_exceedance (
      datastream_id integer not null references env_datastream (id),
      averaging text not null,
      period_end timestamptz not null,
      value double precision not null,
      limit_value double precision not null,
      ratio double precision,
      limit_table text not null,
      verified boolean not null,
      case_id integer references env_case (id),
      detected_at timestamptz not null default now(),
      primary key (datastream_id, averaging, period_end)
    )`.execute(db);
  await sql`create index env_exceedance_recent on env_exceedance (period_end desc)`.execute(db);

  await sql`
    create table env_case_event (
      id bigserial primary key,
      case_id integer not null references env_case (id),
      at timestamptz not null default now(),
      user_id uuid references app_user (id),
      username text,
      kind text not null check (kind in ('opened', 'extended', 'assigned', 'status', 'comment', 'answer')),
      from_status text,
      to_status text,
      note text,
      data jsonb
    )`.execute(db);
  await sql`create index env_case_event_case on env_case_event (case_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "env_case_event",
    "env_exceedance",
    "env_case",
    "env_rejection",
    "env_aqi_hourly",
    "env_mean",
    "env_hourly",
    "env_observation",
    "env_datastream",
    "env_station",
    "env_limit_row",
    "env_limit_table",
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
