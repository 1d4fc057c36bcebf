import type { ColumnType, Generated } from "kysely";

export type StationKind = "ambient_air" | "wastewater" | "stack_emission";
export type CaseStatus = "open" | "under_review" | "notice_issued" | "resolved" | "escalated";
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string | null, string | null | undefined, string | null>;

/** Kq, Kf for wastewater; Kp, Kv (and the reference O₂ in %) for stack emissions. */
export interface Coefficients {
  Kq?: number;
  Kf?: number;
  Kp?: number;
  Kv?: number;
  O2_ref?: number;
}

export interface EnvLimitTableTable {
  code: string;
  family: string;
  title_vi: string;
  title_en: string | null;
  kind: "ambient" | "wastewater" | "emission";
  effective_from: Day;
  effective_to: Day;
  supersedes: string | null;
  source: string | null;
  rows_loaded_at: Date | null;
  rows_loaded_by: string | null;
}

export interface EnvLimitRowTable {
  id: Generated<number>;
  table_code: string;
  parameter: string;
  parameter_vi: string | null;
  parameter_en: string | null;
  averaging: string;
  column_name: string;
  limit_min: number | null;
  limit_max: number | null;
  unit: string;
  coefficients_apply: boolean;
  effective_from: Day;
  effective_to: Day;
  verified: boolean;
  note: string | null;
}

export interface EnvStationTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string | null;
  kind: StationKind;
  zone_id: number | null;
  enterprise_id: number | null;
  commune_code: string | null;
  lon: number | null;
  lat: number | null;
  limit_table: string | null;
  limit_column: string | null;
  coefficients: ColumnType<Coefficients, string | undefined, string>;
  interval_seconds: Generated<number>;
  status: Generated<"active" | "inactive">;
  mqtt_secret_hash: string | null;
  mqtt_secret_issued_at: Date | null;
  last_reading_at: Date | null;
  last_received_at: Date | null;
  is_synthetic: Generated<boolean>;
  search_text: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface EnvDatastreamTable {
  id: Generated<number>;
  station_id: number;
  parameter: string;
  unit: string;
}

export interface EnvObservationTable {
  datastream_id: number;
  phenomenon_time: Stamp;
  result: number;
  status: number;
  received_at: Generated<Date>;
}

export interface EnvHourlyTable {
  datastream_id: number;
  hour: Stamp;
  n_received: number;
  n_valid: number;
  sum_valid: number;
  min_valid: number | null;
  max_valid: number | null;
}

export interface EnvMeanTable {
  datastream_id: number;
  averaging: "8h" | "24h";
  period_end: Stamp;
  value: number;
  hours: number;
}

export interface EnvAqiHourlyTable {
  station_id: number;
  hour: Stamp;
  aqi: number;
  dominant: string;
  sub_indices: ColumnType<Record<string, number>, string, string>;
}

export interface EnvRejectionTable {
  id: Generated<string>;
  station_id: number | null;
  station_code: string | null;
  channel: "mqtt" | "http" | "file";
  received_at: Generated<Date>;
  reason: string;
  detail: string;
  excerpt: string | null;
}

export interface EnvCaseTable {
  id: Generated<number>;
  code: string;
  station_id: number;
  datastream_id: number;
  parameter: string;
  averaging: string;
  enterprise_id: number | null;
  zone_id: number | null;
  status: Generated<CaseStatus>;
  first_period_end: Stamp;
  last_period_end: Stamp;
  exceedance_count: Generated<number>;
  peak_value: number;
  peak_ratio: number | null;
  limit_value: number | null;
  limit_table: string | null;
  limit_verified: boolean;
  inspector_id: string | null;
  notice_number: string | null;
  notice_date: Day;
  remediation_deadline: Day;
  search_text: string;
  opened_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
}

export interface EnvExceedanceTable {
  datastream_id: number;
  averaging: string;
  period_end: Stamp;
  value: number;
  limit_value: number;
  ratio: number | null;
  limit_table: string;
  verified: boolean;
  case_id: number | null;
  detected_at: Generated<Date>;
}

export interface EnvCaseEventTable {
  id: Generated<string>;
  case_id: number;
  at: Generated<Date>;
  user_id: string | null;
  username: string | null;
  kind: "opened" | "extended" | "assigned" | "status" | "comment" | "answer";
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: ColumnType<unknown, string | null, string | null> | null;
}
