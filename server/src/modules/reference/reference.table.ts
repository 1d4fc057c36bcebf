import type { ColumnType } from "kysely";

export interface DataSourceTable {
  code: string;
  kind: "official" | "published" | "estimate" | "synthetic";
  title: string;
  publisher: string | null;
  url: string | null;
  published_on: string | null;
}

export type Era = "2025" | "pre2025";

export interface AdminUnitTable {
  era: Era;
  code: string;
  level: "province" | "district" | "commune";
  valid_from: string | null;
  valid_to: string | null;
  parent_code: string | null;
  name: string;
  name_en: string | null;
  full_name: string;
  full_name_en: string | null;
  unit_type: string;
  unit_type_en: string | null;
  area_km2: number | null;
  /** GeoJSON geometry, serialised on write. */
  geometry: ColumnType<unknown | null, string | null, string | null>;
  search_text: string;
}

export interface AdminUnitCrosswalkTable {
  new_code: string;
  old_commune_code: string;
  old_district_code: string;
  old_province_code: string;
  merge_type: "full" | "partial";
}

export interface VsicCodeTable {
  version: string;
  code: string;
  level: number;
  parent_code: string | null;
  section: string;
  name_vi: string;
  search_text: string;
}

export interface CountryTable {
  alpha2: string;
  alpha3: string;
  numeric_code: string;
  name_en: string;
  name_vi: string;
  search_text: string;
}
