/** Export columns and map features for zones. */
import type { Column, GeoJsonFeature } from "../../http/export.ts";
import type { Zone } from "./zones.schemas.ts";

type ZoneWithBoundary = Zone & { boundary: unknown };

export const zoneColumns: Column<Zone>[] = [
  { key: "code", vi: "Mã khu", en: "Zone code", value: (z) => z.code },
  { key: "name_vi", vi: "Tên khu", en: "Name (Vietnamese)", value: (z) => z.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (English)", value: (z) => z.name_en },
  { key: "kind", vi: "Loại", en: "Kind", value: (z) => z.kind },
  { key: "parent_code", vi: "Thuộc khu kinh tế", en: "Economic zone", value: (z) => z.parent_code },
  { key: "commune_codes", vi: "Mã xã/phường", en: "Commune codes", value: (z) => z.commune_codes },
  { key: "legacy_territory", vi: "Địa bàn cũ", en: "Legacy territory", value: (z) => z.legacy_territory },
  { key: "lon", vi: "Kinh độ", en: "Longitude", value: (z) => z.location?.lon },
  { key: "lat", vi: "Vĩ độ", en: "Latitude", value: (z) => z.location?.lat },
  { key: "total_area_ha", vi: "Tổng diện tích (ha)", en: "Total area (ha)", value: (z) => z.total_area_ha },
  {
    key: "industrial_land_ha",
    vi: "Đất công nghiệp (ha)",
    en: "Industrial land (ha)",
    value: (z) => z.industrial_land_ha,
  },
  {
    key: "leased_land_ha",
    vi: "Đất đã cho thuê (ha)",
    en: "Leased land (ha)",
    value: (z) => z.leased_land_ha,
  },
  { key: "occupancy", vi: "Tỷ lệ lấp đầy", en: "Occupancy", value: (z) => z.occupancy },
  { key: "developer", vi: "Chủ đầu tư hạ tầng", en: "Developer", value: (z) => z.developer },
  {
    key: "decision_number",
    vi: "Số quyết định thành lập",
    en: "Decision number",
    value: (z) => z.decision_number,
  },
  { key: "decision_date", vi: "Ngày quyết định", en: "Decision date", value: (z) => z.decision_date },
  { key: "status", vi: "Trạng thái", en: "Status", value: (z) => z.status },
  { key: "eco_status", vi: "KCN sinh thái", en: "Eco-industrial park", value: (z) => z.eco_status },
  {
    key: "wastewater_capacity_m3d",
    vi: "Công suất XLNT (m³/ngày)",
    en: "Wastewater capacity (m³/day)",
    value: (z) => z.wastewater_capacity_m3d,
  },
  { key: "is_synthetic", vi: "Dữ liệu mô phỏng", en: "Synthetic", value: (z) => z.is_synthetic },
];

export function zoneFeature(zone: ZoneWithBoundary): GeoJsonFeature | null {
  const geometry =
    zone.boundary ??
    (zone.location ? { type: "Point", coordinates: [zone.location.lon, zone.location.lat] } : null);
  if (!geometry) return null;
  const { boundary: _b, ...properties } = zone;
  return { type: "Feature", id: zone.code, geometry, properties };
}
