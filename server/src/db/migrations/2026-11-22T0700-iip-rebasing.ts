// Frozen in time: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // A series is read across every base (to link them), by group and code.
  await sql`create index stat_iip_index_series on stat_iip_index (territory, ownership, level, code, month)`.execute(
    db,
  );
  // One base per base year: a change of weights within a year is a new base year's business.
  await sql`create unique index stat_iip_base_year on stat_iip_base (base_year)`.execute(db);
  // Whether a month holds synthetic (demo) figures, for the status of what is computed from it.
  await sql`create index stat_production_synthetic on stat_production (month) where is_synthetic`.execute(db);
  // Indicator values the system computes from the reports, replaced whenever the IIP is recomputed.
  await sql`alter table stat_value add column derived boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table stat_value drop column if exists derived`.execute(db);
  await sql`drop index if exists stat_production_synthetic`.execute(db);
  await sql`drop index if exists stat_iip_index_series`.execute(db);
  await sql`drop index if exists stat_iip_base_year`.execute(db);
}
