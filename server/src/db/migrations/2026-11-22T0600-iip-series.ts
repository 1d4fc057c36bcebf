// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // A base of the IIP: its year, and the weights fixed for it (a change of base is a new row).
  await sql`
    create table stat_iip_base (
      code text primary key check (code ~ '^[0-9A-Za-z_-]{2,20}$'),
      base_year integer not null check (base_year between 2000 and 2100),
      valid_from date not null,
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  // Weights: base-year output value of each product (inside its class), value added of each class.
  await sql`
    create table stat_iip_weight (
      base_code text not null references stat_iip_base (code) on delete cascade,
      kind text not null check (kind in ('product', 'class')),
      code text not null,
      weight double precision not null check (weight > 0),
      primary key (base_code, kind, code)
    )`.execute(db);
  // The base year's monthly average quantity of each product, by territory and ownership group.
  await sql`
    create table stat_iip_base_quantity (
      base_code text not null references stat_iip_base (code) on delete cascade,
      territory text not null check (territory in ('city', 'east', 'west')),
      ownership text not null check (ownership in ('all', 'state', 'non_state', 'foreign')),
      product_code text not null,
      quantity double precision not null check (quantity > 0),
      primary key (base_code, territory, ownership, product_code)
    )`.execute(db);
  // Monthly indices on the base (= 100), unrounded, by territory, ownership and level.
  await sql`
    create table stat_iip_index (
      base_code text not null references stat_iip_base (code) on delete cascade,
      month date not null,
      territory text not null,
      ownership text not null,
      level text not null check (level in ('total', 'section', 'division', 'class')),
      code text not null,
      index double precision not null,
      weight double precision not null,
      computed_at timestamptz not null default now(),
      primary key (base_code, month, territory, ownership, level, code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["stat_iip_index", "stat_iip_base_quantity", "stat_iip_weight", "stat_iip_base"])
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
}
