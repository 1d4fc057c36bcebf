import type { ColumnType, Generated } from "kysely";
import type { Area } from "../../platform/geo.ts";

export type ZoneKind = "kkt" | "kcn" | "ccn";
export type ZoneStatus = "planned" | "under_construction" | "operating";
export type EcoStatus = "none" | "programme" | "certified";
export type LegacyTerritory = "east" | "west";
/** Which source each figure of a zone comes from: field name → data_source.code. */
export type FieldSources = Record<string, string>;

export interface ZoneTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string | null;
  kind: ZoneKind;
  parent_code: string | null;
  commune_codes: string[];
  legacy_territory: LegacyTerritory;
  boundary: ColumnType<Area | null, string | null, string | null>;
  lon: number | null;
  lat: number | null;
  total_area_ha: number;
  industrial_land_ha: number | null;
  leased_land_ha: number | null;
  developer: string | null;
  decision_number: string | null;
  decision_date: string | null;
  status: ZoneStatus;
  eco_status: EcoStatus;
  wastewater_capacity_m3d: number | null;
  field_sources: ColumnType<FieldSources, string, string>;
  is_synthetic: boolean;
  search_text: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
