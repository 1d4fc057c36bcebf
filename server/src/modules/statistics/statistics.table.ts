import type { ColumnType } from "kysely";

export type Territory = "city" | "east" | "west";
export type ValueStatus = "official" | "estimate" | "computed" | "synthetic";

export interface StatIndicatorTable {
  code: string;
  name_vi: string;
  name_en: string;
  definition_vi: string | null;
  definition_en: string | null;
  unit: string;
  frequency: "month" | "quarter" | "year";
  direction: "up" | "down";
  aggregation: ColumnType<"rate" | "level", "rate" | "level" | undefined, "rate" | "level">;
  breakdowns: string[];
  method: string | null;
  source: string | null;
  owner_agency: string | null;
  search_text: string;
}

export interface StatValueTable {
  id: ColumnType<number, never, never>;
  indicator_code: string;
  period: string;
  period_start: string;
  period_end: string;
  territory: Territory;
  breakdown_kind: "total" | "industry" | "ownership";
  breakdown_code: string;
  value: number;
  status: ValueStatus;
  source_url: string | null;
  source_note: string | null;
  /** Computed by the system from the production reports (replaced at each recomputation). */
  derived: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface StatTargetTable {
  indicator_code: string;
  year: number;
  territory: Territory;
  value: number;
  source: string | null;
  note: string | null;
}

export interface StatProductTable {
  code: string;
  vsic_class: string;
  name_vi: string;
  name_en: string | null;
  unit: string;
  search_text: string;
}

export type ProductionStatus = "submitted" | "flagged" | "confirmed";
export interface ProductionFlag {
  field: string;
  vi: string;
  en: string;
  /** For a jump: the median it was judged against, and over how many months. */
  median?: number;
  months?: number;
}

export interface StatProductionTable {
  id: ColumnType<number, never, never>;
  enterprise_tax_code: string;
  product_code: string;
  month: string;
  quantity: number;
  status: ProductionStatus;
  flags: ColumnType<ProductionFlag[], string, string>;
  revision: ColumnType<number, number | undefined, number>;
  channel: "workspace" | "api" | "import" | "demo";
  submitted_at: ColumnType<Date, Date | undefined, Date>;
  submitted_by: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  is_synthetic: boolean;
}

export interface StatProductionRevisionTable {
  id: ColumnType<string, never, never>;
  production_id: number;
  revision: number;
  quantity: number;
  status: string;
  flags: ColumnType<ProductionFlag[], string, string>;
  submitted_at: Date;
  submitted_by: string | null;
  replaced_at: ColumnType<Date, never, never>;
  replaced_by: string | null;
}

export interface StatRecomputeTable {
  month: string;
  since: ColumnType<Date, never, never>;
}

export type Ownership = "all" | "state" | "non_state" | "foreign";

export interface StatIipBaseTable {
  code: string;
  base_year: number;
  valid_from: string;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface StatIipWeightTable {
  base_code: string;
  kind: "product" | "class";
  code: string;
  weight: number;
}

export interface StatIipBaseQuantityTable {
  base_code: string;
  territory: Territory;
  ownership: Ownership;
  product_code: string;
  quantity: number;
}

export interface StatIipIndexTable {
  base_code: string;
  month: string;
  territory: Territory;
  ownership: Ownership;
  level: "total" | "section" | "division" | "class";
  code: string;
  index: number;
  weight: number;
  computed_at: ColumnType<Date, never, Date>;
}
