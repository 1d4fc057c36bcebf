/** Loads the shipped reference data into an empty database in one transaction. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Area } from "../../platform/geo.ts";
import { searchText } from "../../platform/text.ts";
import { countUnits, insertRows } from "./reference.repository.ts";
import type { AdminUnitTable } from "./reference.table.ts";
import { COUNTRY_NAME_OVERRIDES, readCsv, readJson } from "./reference-files.ts";

export const HAI_PHONG = "31";
export const REFORM_DATE = "2025-07-01";
const LAST_OLD_DAY = "2025-06-30";

interface FeatureCollection {
  features: Array<{ properties: { code: string; area_km2?: number }; geometry: Area }>;
}

async function currentUnits(): Promise<Insertable<AdminUnitTable>[]> {
  const [provinces, wards, wardShapes, provinceShape] = await Promise.all([
    readCsv("vn-admin-2025/provinces.csv"),
    readCsv("vn-admin-2025/wards.csv"),
    readJson<FeatureCollection>("vn-admin-2025/hai_phong_wards_2025.geojson"),
    readJson<FeatureCollection>("vn-admin-2025/hai_phong_province_2025.geojson"),
  ]);
  const shapes = new Map(wardShapes.features.map((f) => [f.properties.code, f]));
  const hpOutline = provinceShape.features[0]?.geometry ?? null;
  const unit = (r: Record<string, string>, level: "province" | "commune", parent: string | null) => {
    const shape = level === "commune" ? shapes.get(r.code as string) : undefined;
    const geometry = level === "province" && r.code === HAI_PHONG ? hpOutline : (shape?.geometry ?? null);
    return {
      era: "2025" as const,
      code: r.code as string,
      level,
      valid_from: REFORM_DATE,
      valid_to: null,
      parent_code: parent,
      name: r.name as string,
      name_en: r.name_en ?? null,
      full_name: r.full_name as string,
      full_name_en: r.full_name_en ?? null,
      unit_type: r.unit_type as string,
      unit_type_en: r.unit_type_en ?? null,
      area_km2: shape?.properties.area_km2 ?? null,
      geometry: geometry ? JSON.stringify(geometry) : null,
      search_text: searchText(r.full_name, r.name_en, r.code),
    };
  };
  return [
    ...provinces.map((r) => unit(r, "province", null)),
    ...wards.map((r) => unit(r, "commune", r.province_code ?? null)),
  ];
}

/** Pre-reform units appear only through the crosswalk: old provinces 30 and 31, their districts and communes. */
async function oldUnitsAndCrosswalk(): Promise<{
  units: Insertable<AdminUnitTable>[];
  crosswalk: Array<{
    new_code: string;
    old_commune_code: string;
    old_district_code: string;
    old_province_code: string;
    merge_type: "full" | "partial";
  }>;
}> {
  const rows = await readCsv("vn-admin-2025/hai_phong_ward_mapping_2025.csv");
  const units = new Map<string, Insertable<AdminUnitTable>>();
  const add = (
    level: "province" | "district" | "commune",
    code: string,
    fullName: string,
    parent: string | null,
  ) => {
    const key = `${level}:${code}`;
    if (units.has(key)) return;
    const [unitType = ""] = /^(Thành phố|Thị xã|Tỉnh|Quận|Huyện|Phường|Xã|Thị trấn)/.exec(fullName) ?? [];
    units.set(key, {
      era: "pre2025",
      code,
      level,
      valid_from: null,
      valid_to: LAST_OLD_DAY,
      parent_code: parent,
      name: unitType ? fullName.slice(unitType.length).trim() : fullName,
      name_en: null,
      full_name: fullName,
      full_name_en: null,
      unit_type: unitType || level,
      unit_type_en: null,
      area_km2: null,
      geometry: null,
      search_text: searchText(fullName, code),
    });
  };
  const crosswalk = rows.map((r) => {
    const province = r.old_province_code as string;
    const district = r.old_district_code as string;
    add("province", province, r.old_province_name as string, null);
    add("district", district, r.old_district_name as string, province);
    // Bạch Long Vĩ had no communes: its row maps the old district itself (see SOURCE.md).
    if (r.old_commune_code !== district)
      add("commune", r.old_commune_code as string, r.old_commune_name as string, district);
    return {
      new_code: r.new_ward_code as string,
      old_commune_code: r.old_commune_code as string,
      old_district_code: district,
      old_province_code: province,
      merge_type: r.merge_type === "partial" ? ("partial" as const) : ("full" as const),
    };
  });
  return { units: [...units.values()], crosswalk };
}

async function vsicRows() {
  const rows = await readCsv("vsic-2025/vsic2025_sections_B_to_E.csv");
  return rows.map((r) => ({
    version: "2025",
    code: r.code as string,
    level: Number(r.level),
    parent_code: r.parent_code || null,
    section: r.section as string,
    name_vi: r.name_vi as string,
    search_text: searchText(r.name_vi, r.code),
  }));
}

async function countryRows() {
  const rows = await readCsv("iso-countries/countries.csv");
  return rows.map((r) => {
    const nameVi = COUNTRY_NAME_OVERRIDES[r.alpha2 as string] ?? (r.name_vi as string);
    return {
      alpha2: r.alpha2 as string,
      alpha3: r.alpha3 as string,
      numeric_code: r.numeric as string,
      name_en: r.name_en as string,
      name_vi: nameVi,
      search_text: searchText(nameVi, r.name_en, r.alpha2, r.alpha3),
    };
  });
}

/** Idempotent: does nothing when units are already loaded. Returns whether it loaded. */
export async function loadReferenceData(db: Db): Promise<boolean> {
  if ((await countUnits(db)) > 0) return false;
  const [units, old, vsic, countries] = await Promise.all([
    currentUnits(),
    oldUnitsAndCrosswalk(),
    vsicRows(),
    countryRows(),
  ]);
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, "admin_unit", [...units, ...old.units]);
    await insertRows(trx, "admin_unit_crosswalk", old.crosswalk);
    await insertRows(trx, "vsic_code", vsic);
    await insertRows(trx, "country", countries);
  });
  return true;
}
