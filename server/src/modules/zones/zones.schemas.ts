import { z } from "zod";
import { spatialExportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { area, communeCode, isoDate, location, patchOf, textSearch } from "../shared-schemas.ts";

export const zoneKind = z
  .enum(["kkt", "kcn", "ccn"])
  .describe("kkt khu kinh tế, kcn khu công nghiệp, ccn cụm công nghiệp");
export const zoneStatus = z.enum(["planned", "under_construction", "operating"]);
export const ecoStatus = z
  .enum(["none", "programme", "certified"])
  .describe("KCN sinh thái: none / programme (trong chương trình quốc gia) / certified");
export const territory = z
  .enum(["east", "west"])
  .describe("east: Hải Phòng cũ / old Hải Phòng; west: Hải Dương cũ / old Hải Dương");

export const zoneInput = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, "A–Z, 0–9, - (2–30)"),
  name_vi: z.string().trim().min(1).max(300),
  name_en: z.string().trim().max(300).nullish(),
  kind: zoneKind,
  parent_code: z
    .string()
    .max(30)
    .nullish()
    .describe("Khu kinh tế chứa KCN này / economic zone containing this KCN"),
  commune_codes: z
    .array(communeCode)
    .max(30)
    .optional()
    .describe("Mặc định: xã chứa toạ độ / default: the commune at the location"),
  legacy_territory: territory.optional().describe("Mặc định suy ra từ xã / default derived from the commune"),
  boundary: area.nullish(),
  location: location.nullish(),
  total_area_ha: z.number().min(0),
  industrial_land_ha: z.number().min(0).nullish(),
  leased_land_ha: z.number().min(0).nullish(),
  developer: z.string().trim().max(300).nullish(),
  decision_number: z.string().trim().max(100).nullish(),
  decision_date: isoDate.nullish(),
  status: zoneStatus,
  eco_status: ecoStatus.default("none"),
  wastewater_capacity_m3d: z.number().min(0).nullish(),
  field_sources: z
    .record(z.string(), z.string())
    .default({})
    .describe("Trường → mã nguồn / field → data source code"),
});
export type ZoneInput = z.infer<typeof zoneInput>;

export const zonePatch = patchOf(zoneInput.omit({ code: true }));
export type ZonePatch = z.infer<typeof zonePatch>;

export const zoneFilter = z.object({
  q: textSearch,
  kind: zoneKind.optional(),
  status: zoneStatus.optional(),
  territory: territory.optional(),
  commune: communeCode.optional(),
  parent: z.string().max(30).optional(),
  eco_status: ecoStatus.optional(),
  synthetic: z.enum(["true", "false"]).optional().describe("Chỉ dữ liệu mô phỏng / only synthetic rows"),
});
export type ZoneFilter = z.infer<typeof zoneFilter>;

export const zoneSortFields = ["code", "name_vi", "total_area_ha", "occupancy", "decision_date"] as const;
const zoneQueries = listQueries(zoneFilter, zoneSortFields, "code", spatialExportFormat);
export const zoneListQuery = zoneQueries.list;
export const zoneExportQuery = zoneQueries.export;

export const zone = z.object({
  code: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  kind: zoneKind,
  parent_code: z.string().nullable(),
  commune_codes: z.array(z.string()),
  legacy_territory: territory,
  location: location.nullable(),
  has_boundary: z.boolean(),
  total_area_ha: z.number(),
  industrial_land_ha: z.number().nullable(),
  leased_land_ha: z.number().nullable(),
  vacant_land_ha: z.number().nullable(),
  occupancy: z.number().nullable().describe("Tỷ lệ lấp đầy 0–1, suy ra / derived occupancy 0–1"),
  developer: z.string().nullable(),
  decision_number: z.string().nullable(),
  decision_date: z.string().nullable(),
  status: zoneStatus,
  eco_status: ecoStatus,
  wastewater_capacity_m3d: z.number().nullable(),
  field_sources: z.record(z.string(), z.string()),
  is_synthetic: z.boolean(),
});
export type Zone = z.infer<typeof zone>;

export const zoneDetail = zone.extend({ boundary: area.nullable() });
export type ZoneDetail = z.infer<typeof zoneDetail>;
export const codeParam = z.object({ code: z.string().max(30) });
