import type { ColumnType, Generated } from "kysely";

export type Currency = "VND" | "USD";
export type ProjectOrigin = "domestic" | "foreign";
export type ProjectStatus = "active" | "suspended" | "terminated";
export type ProjectEventKind =
  | "issued"
  | "capital_increase"
  | "share_purchase"
  | "adjustment"
  | "extension"
  | "suspension"
  | "resumption"
  | "termination";

export interface Investor {
  name: string;
  country: string;
  tax_code?: string | undefined;
}
export interface Milestone {
  code: string;
  label: string;
  due: string;
}

export interface ProjectTable {
  id: Generated<number>;
  irc_number: string;
  name_vi: string;
  name_en: string | null;
  enterprise_tax_code: string | null;
  investors: ColumnType<Investor[], string, string>;
  investor_countries: string[];
  origin: ProjectOrigin;
  zone_code: string | null;
  commune_code: string | null;
  lon: number | null;
  lat: number | null;
  land_area_ha: number | null;
  vsic_version: string;
  vsic_codes: string[];
  currency: Currency;
  vnd_per_usd: number;
  rate_date: string;
  milestones: ColumnType<Milestone[], string, string>;
  disbursed_capital: number;
  disbursed_as_of: string | null;
  registered_capital: Generated<number>;
  share_purchase_capital: Generated<number>;
  status: Generated<ProjectStatus>;
  issued_on: string | null;
  extended_months: Generated<number>;
  source_code: string | null;
  is_synthetic: boolean;
  search_text: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface ProjectEventTable {
  id: Generated<number>;
  project_id: number;
  seq: number;
  kind: ProjectEventKind;
  occurred_on: string;
  decision_number: string | null;
  amount: number | null;
  months: number | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
}
