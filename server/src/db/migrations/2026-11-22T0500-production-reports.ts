// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // rate: growth or share, comparable over part of a year; level: a total, judged on the whole year.
  await sql`alter table stat_indicator add column aggregation text not null default 'rate'
    check (aggregation in ('rate', 'level'))`.execute(db);
  // The product list: products by VSIC 2025 class (4 digits) with the unit they are reported in.
  await sql`
    create table stat_product (
      code text primary key check (code ~ '^[0-9]{4}\\.[0-9]{2,3}$'),
      vsic_class text not null check (vsic_class ~ '^[0-9]{4}$'),
      name_vi text not null,
      name_en text,
      unit text not null,
      search_text text not null default ''
    )`.execute(db);
  // Monthly production by enterprise and product. A revision keeps the earlier figure in the history.
  await sql`
    create table stat_production (
      id serial primary key,
      enterprise_tax_code text not null,
      product_code text not null references stat_product (code),
      month date not null check (extract(day from month) = 1),
      quantity double precision not null check (quantity >= 0),
      status text not null default 'submitted' check (status in ('submitted', 'flagged', 'confirmed')),
      flags jsonb not null default '[]',
      revision integer not null default 1,
      channel text not null check (channel in ('workspace', 'api', 'import', 'demo')),
      submitted_at timestamptz not null default now(),
      submitted_by text,
      reviewed_by text,
      review_note text,
      is_synthetic boolean not null default false,
      unique (enterprise_tax_code, product_code, month)
    )`.execute(db);
  await sql`create index stat_production_month on stat_production (month, product_code)`.execute(db);
  await sql`create index stat_production_flagged on stat_production (status) where status = 'flagged'`.execute(
    db,
  );
  await sql`
    create table stat_production_revision (
      id bigserial primary key,
      production_id integer not null references stat_production (id) on delete cascade,
      revision integer not null,
      quantity double precision not null,
      status text not null,
      flags jsonb not null,
      submitted_at timestamptz not null,
      submitted_by text,
      replaced_at timestamptz not null default now(),
      replaced_by text
    )`.execute(db);
  // Months whose indices must be computed again after a revision (the IIP series reads it).
  await sql`
    create table stat_recompute (
      month date primary key,
      since timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["stat_recompute", "stat_production_revision", "stat_production", "stat_product"])
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  await sql`alter table stat_indicator drop column if exists aggregation`.execute(db);
}
