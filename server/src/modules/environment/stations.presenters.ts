import type { Column } from "../../http/export.ts";
import type { Station } from "./stations.schemas.ts";

export const stationColumns: Column<Station>[] = [
  { key: "code", vi: "Mã trạm", en: "Code", value: (s) => s.code },
  { key: "name_vi", vi: "Tên trạm", en: "Name (vi)", value: (s) => s.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (en)", value: (s) => s.name_en },
  { key: "kind", vi: "Loại trạm", en: "Kind", value: (s) => s.kind },
  { key: "zone_code", vi: "Khu", en: "Zone", value: (s) => s.zone_code },
  {
    key: "enterprise_tax_code",
    vi: "MST chủ nguồn thải",
    en: "Owner tax code",
    value: (s) => s.enterprise_tax_code,
  },
  { key: "enterprise_name", vi: "Chủ nguồn thải", en: "Owner", value: (s) => s.enterprise_name },
  { key: "lon", vi: "Kinh độ", en: "Longitude", value: (s) => s.location?.lon },
  { key: "lat", vi: "Vĩ độ", en: "Latitude", value: (s) => s.location?.lat },
  { key: "limit_table", vi: "Quy chuẩn", en: "Limit table", value: (s) => s.limit_table },
  { key: "limit_column", vi: "Cột", en: "Column", value: (s) => s.limit_column },
  {
    key: "parameters",
    vi: "Thông số",
    en: "Parameters",
    value: (s) => s.parameters.map((p) => p.parameter).join(", "),
  },
  { key: "interval_seconds", vi: "Chu kỳ (giây)", en: "Interval (s)", value: (s) => s.interval_seconds },
  { key: "status", vi: "Trạng thái", en: "Status", value: (s) => s.status },
  { key: "last_reading_at", vi: "Số liệu gần nhất", en: "Last reading", value: (s) => s.last_reading_at },
  { key: "silent", vi: "Mất tín hiệu", en: "Silent", value: (s) => s.silent },
  { key: "aqi", vi: "VN_AQI", en: "VN_AQI", value: (s) => s.aqi?.aqi },
  { key: "is_synthetic", vi: "Dữ liệu mô phỏng", en: "Synthetic", value: (s) => s.is_synthetic },
];
