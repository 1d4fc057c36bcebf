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
