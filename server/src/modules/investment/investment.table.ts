import type { ColumnType, Generated } from "kysely";
import type { Category, Criterion, Outcome } from "./criteria.ts";

type Created = ColumnType<Date, never, never>;
type Touched = ColumnType<Date, never, Date>;
type Json<T> = ColumnType<T, string, string>;

export interface InvCatalogueVersionTable {
  id: Generated<number>;
  code: string;
  title_vi: string;
  title_en: string | null;
  decision_number: string | null;
  decided_on: string | null;
  in_force_from: string;
  in_force_to: string | null;
  supersedes_id: number | null;
  status: Generated<"draft" | "published">;
  is_sample: boolean;
  note: string | null;
  search_text: string;
  published_at: Date | null;
  created_at: Created;
  updated_at: Touched;
}

export interface InvCatalogueEntryTable {
  id: Generated<number>;
  version_id: number;
  code: string;
  category: Category;
  title_vi: string;
  title_en: string | null;
  vsic_codes: string[];
  products: string[];
  criteria: Json<Criterion[]>;
  legal_basis: string | null;
  search_text: string;
}

export interface InvScreeningTable {
  id: Generated<number>;
  code: string;
  version_id: number;
  screened_on: string;
  category: Outcome;
  title: string;
  proposal: Json<Record<string, unknown>>;
  result: Json<Record<string, unknown>>;
  user_id: string | null;
  username: string | null;
  search_text: string;
  created_at: Created;
}

export interface InvLegalRuleTable {
  id: Generated<number>;
  code: string;
  value: number;
  unit: string;
  instrument: string;
  article: string;
  in_force_from: string;
  in_force_to: string | null;
  verified: boolean;
  note: string | null;
}

export interface InvMilestoneProgressTable {
  project_id: number;
  milestone_code: string;
  revised_due: string | null;
  actual_on: string | null;
  actual_source: "report" | "officer" | "demo" | null;
  updated_at: Touched;
}

export type ScheduleStatus =
  | "on_schedule"
  | "late"
  | "in_extension"
  | "past_legal_limit"
  | "completed"
  | "terminated"
  | "no_milestones";

export interface InvProjectScheduleTable {
  project_id: number;
  status: ScheduleStatus;
  days_late: number;
  late_milestone: string | null;
  next_due: string | null;
  evaluated_on: string;
}

export type CaseStage = "warning" | "extended" | "recovered" | "terminated";

export interface InvCaseTable {
  id: Generated<number>;
  code: string;
  project_id: number;
  stage: CaseStage;
  milestone_code: string | null;
  days_late_at_open: number;
  opened_on: string;
  closed_on: string | null;
  search_text: string;
  created_at: Created;
  updated_at: Touched;
}

export interface InvCaseStepTable {
  id: Generated<string>;
  case_id: number;
  stage: CaseStage;
  document_number: string | null;
  document_date: string | null;
  note: string | null;
  data: Json<unknown> | null;
  user_id: string | null;
  username: string | null;
  at: Created;
}

export interface InvJobRunTable {
  job: string;
  run_on: string;
  started_at: Created;
  finished_at: Date | null;
  result: Json<unknown> | null;
}

export type ReportPeriod = "Q1" | "Q2" | "Q3" | "Q4" | "Y";
export type ReportStatus = "submitted" | "accepted" | "returned";

export interface InvReportTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  period: ReportPeriod;
  due_on: string;
  capital_disbursed: number;
  revenue_vnd: number | null;
  exports_usd: number | null;
  workers: number | null;
  taxes_vnd: number | null;
  rnd_vnd: number | null;
  environment_vnd: number | null;
  milestone_actuals: Json<Record<string, string>>;
  flags: Json<Array<{ field: string; vi: string; en: string }>>;
  status: Generated<ReportStatus>;
  channel: "workspace" | "api" | "import" | "demo";
  submitted_at: ColumnType<Date, Date | undefined, Date>;
  submitted_by: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
  is_synthetic: boolean;
}
