import type { ColumnType, Generated } from "kysely";

export type Ownership = "state" | "non_state" | "foreign";
export type EnterpriseStatus = "active" | "suspended" | "dissolved";
export interface InvestorShare {
  country: string;
  share: number;
}

export interface EnterpriseTable {
  id: Generated<number>;
  tax_code: string;
  name_vi: string;
  name_en: string | null;
  ownership: Ownership;
  investor_countries: ColumnType<InvestorShare[], string, string>;
  country_codes: string[];
  vsic_version: string;
  vsic_main: string;
  vsic_other: string[];
  address: string | null;
  commune_code: string | null;
  zone_code: string | null;
  lon: number | null;
  lat: number | null;
  workers: number | null;
  workers_as_of: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  high_tech: boolean;
  high_tech_certificate: string | null;
  status: EnterpriseStatus;
  established_on: string | null;
  source_code: string | null;
  is_synthetic: boolean;
  search_text: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
