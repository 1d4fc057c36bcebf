/** The whole database as Kysely sees it, composed from each module's own table types. */

import type { AuditLogTable } from "../modules/audit/audit.table.ts";
import type { EnterpriseTable } from "../modules/enterprises/enterprises.table.ts";
import type {
  EnvAqiHourlyTable,
  EnvCaseEventTable,
  EnvCaseTable,
  EnvDatastreamTable,
  EnvExceedanceTable,
  EnvHourlyTable,
  EnvLimitRowTable,
  EnvLimitTableTable,
  EnvMeanTable,
  EnvObservationTable,
  EnvRejectionTable,
  EnvStationTable,
} from "../modules/environment/monitoring.table.ts";
import type {
  ApiTokenTable,
  AppUserTable,
  LoginThrottleTable,
  UserSessionTable,
} from "../modules/identity/identity.table.ts";
import type { ImportRunTable } from "../modules/imports/imports.table.ts";
import type {
  InvCaseStepTable,
  InvCaseTable,
  InvCatalogueEntryTable,
  InvCatalogueVersionTable,
  InvJobRunTable,
  InvLegalRuleTable,
  InvMilestoneProgressTable,
  InvProjectScheduleTable,
  InvReportTable,
  InvScreeningTable,
} from "../modules/investment/investment.table.ts";
import type { ProjectEventTable, ProjectTable } from "../modules/projects/projects.table.ts";
import type {
  AdminUnitCrosswalkTable,
  AdminUnitTable,
  CountryTable,
  DataSourceTable,
  VsicCodeTable,
} from "../modules/reference/reference.table.ts";
import type {
  StatIipBaseQuantityTable,
  StatIipBaseTable,
  StatIipIndexTable,
  StatIipWeightTable,
  StatIndicatorTable,
  StatProductionRevisionTable,
  StatProductionTable,
  StatProductTable,
  StatRecomputeTable,
  StatTargetTable,
  StatValueTable,
} from "../modules/statistics/statistics.table.ts";
import type { ZoneTable } from "../modules/zones/zones.table.ts";

export interface Database {
  data_source: DataSourceTable;
  admin_unit: AdminUnitTable;
  admin_unit_crosswalk: AdminUnitCrosswalkTable;
  vsic_code: VsicCodeTable;
  country: CountryTable;
  zone: ZoneTable;
  enterprise: EnterpriseTable;
  project: ProjectTable;
  project_event: ProjectEventTable;
  import_run: ImportRunTable;
  app_user: AppUserTable;
  login_throttle: LoginThrottleTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  env_limit_table: EnvLimitTableTable;
  env_limit_row: EnvLimitRowTable;
  env_station: EnvStationTable;
  env_datastream: EnvDatastreamTable;
  env_observation: EnvObservationTable;
  env_hourly: EnvHourlyTable;
  env_mean: EnvMeanTable;
  env_aqi_hourly: EnvAqiHourlyTable;
  env_rejection: EnvRejectionTable;
  env_case: EnvCaseTable;
  env_exceedance: EnvExceedanceTable;
  env_case_event: EnvCaseEventTable;
  inv_catalogue_version: InvCatalogueVersionTable;
  inv_catalogue_entry: InvCatalogueEntryTable;
  inv_screening: InvScreeningTable;
  inv_legal_rule: InvLegalRuleTable;
  inv_milestone_progress: InvMilestoneProgressTable;
  inv_project_schedule: InvProjectScheduleTable;
  inv_case: InvCaseTable;
  inv_case_step: InvCaseStepTable;
  inv_job_run: InvJobRunTable;
  inv_report: InvReportTable;
  stat_indicator: StatIndicatorTable;
  stat_value: StatValueTable;
  stat_target: StatTargetTable;
  stat_product: StatProductTable;
  stat_production: StatProductionTable;
  stat_production_revision: StatProductionRevisionTable;
  stat_recompute: StatRecomputeTable;
  stat_iip_base: StatIipBaseTable;
  stat_iip_weight: StatIipWeightTable;
  stat_iip_base_quantity: StatIipBaseQuantityTable;
  stat_iip_index: StatIipIndexTable;
}
