// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id uuid primary key,
      username text not null unique check (username = lower(username) and username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text not null,
      email text,
      role text not null check (role in
        ('admin', 'leader', 'industry_official', 'zone_officer', 'environment_inspector', 'enterprise')),
      zone_codes text[] not null default '{}',
      tax_codes text[] not null default '{}',
      status text not null default 'active' check (status in ('active', 'disabled')),
      password_hash text not null,
      must_change_password boolean not null default false,
      password_changed_at timestamptz not null default now(),
      last_login_at timestamptz,
      is_demo boolean not null default false,
      search_text text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Failures are counted per username, known or not, so that lock-out reveals nothing about which exist.
  await sql`
    create table login_throttle (
      username text primary key,
      failures integer not null default 0,
      locked_until timestamptz,
      last_failure_at timestamptz not null default now()
    )`.execute(db);

  // Only hashes of session ids and token secrets are stored: a copy of the database opens no account.
  await sql`
    create table user_session (
      id_hash text primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      client_ip text,
      user_agent text,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index user_session_user on user_session (user_id)`.execute(db);

  await sql`
    create table api_token (
      id uuid primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      name text not null,
      prefix text not null,
      secret_hash text not null unique,
      permissions text[] not null,
      expires_at timestamptz not null,
      last_used_at timestamptz,
      last_used_ip text,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_token_user on api_token (user_id)`.execute(db);

  // Append-only and hash-chained: each row's hash covers the previous row's hash and its own fields.
  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_username text not null,
      actor_role text,
      actor_via text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      changes jsonb not null,
      request_id text,
      client_ip text,
      prev_hash text not null,
      hash text not null,
      search_text text not null default ''
    )`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_username, seq)`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id, seq)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`.execute(db);
  await sql`revoke update, delete, truncate on audit_log from public`.execute(db);

  await sql`alter table import_run add column user_id uuid, add column username text`.execute(db);
  await sql`create index import_run_user on import_run (user_id, created_at)`.execute(db);

  // Contacts are personal data: never shown to the public (see docs/SECURITY.md).
  await sql`
    alter table enterprise
      add column contact_name text,
      add column contact_phone text,
      add column contact_email text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table enterprise drop column contact_name, drop column contact_phone, drop column contact_email`.execute(
    db,
  );
  await sql`alter table import_run drop column user_id, drop column username`.execute(db);
  for (const table of ["audit_log", "api_token", "user_session", "login_throttle", "app_user"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
}
