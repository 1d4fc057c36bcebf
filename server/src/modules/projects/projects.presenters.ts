import type { Column, GeoJsonFeature } from "../../http/export.ts";
import type { Project } from "./projects.schemas.ts";

export const projectColumns: Column<Project>[] = [
  { key: "irc_number", vi: "Số GCNĐKĐT", en: "IRC number", value: (p) => p.irc_number },
  { key: "name_vi", vi: "Tên dự án", en: "Name (Vietnamese)", value: (p) => p.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (English)", value: (p) => p.name_en },
  {
    key: "enterprise_tax_code",
    vi: "MST tổ chức thực hiện",
    en: "Enterprise tax code",
    value: (p) => p.enterprise_tax_code,
  },
  {
    key: "investors",
    vi: "Nhà đầu tư",
    en: "Investors",
    // The importer's form: Name [CODE, tax code]; …
    value: (p) => p.investors.map((i) => `${i.name} [${i.country}${i.tax_code ? `, ${i.tax_code}` : ""}]`),
  },
  { key: "origin", vi: "Nguồn vốn", en: "Origin", value: (p) => p.origin },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (p) => p.zone_code },
  { key: "commune_code", vi: "Mã xã/phường", en: "Commune code", value: (p) => p.commune_code },
  { key: "lon", vi: "Kinh độ", en: "Longitude", value: (p) => p.location?.lon },
  { key: "lat", vi: "Vĩ độ", en: "Latitude", value: (p) => p.location?.lat },
  { key: "vsic_codes", vi: "Mã ngành VSIC 2025", en: "VSIC 2025 codes", value: (p) => p.vsic_codes },
  { key: "currency", vi: "Tiền tệ", en: "Currency", value: (p) => p.capital.currency },
  { key: "registered", vi: "Vốn đăng ký", en: "Registered capital", value: (p) => p.capital.registered },
  {
    key: "share_purchase",
    vi: "Góp vốn, mua cổ phần",
    en: "Share purchases",
    value: (p) => p.capital.share_purchase,
  },
  { key: "disbursed", vi: "Vốn đã giải ngân", en: "Disbursed capital", value: (p) => p.capital.disbursed },
  {
    key: "disbursed_as_of",
    vi: "Giải ngân tính đến",
    en: "Disbursed as of",
    value: (p) => p.capital.disbursed_as_of,
  },
  {
    key: "registered_usd",
    vi: "Vốn đăng ký (USD)",
    en: "Registered capital (USD)",
    value: (p) => p.capital.registered_usd,
  },
  { key: "vnd_per_usd", vi: "Tỷ giá VND/USD", en: "VND per USD", value: (p) => p.capital.vnd_per_usd },
  { key: "rate_date", vi: "Ngày tỷ giá", en: "Rate date", value: (p) => p.capital.rate_date },
  { key: "land_area_ha", vi: "Diện tích đất (ha)", en: "Land area (ha)", value: (p) => p.land_area_ha },
  { key: "issued_on", vi: "Ngày cấp", en: "Issued on", value: (p) => p.issued_on },
  {
    key: "milestones",
    vi: "Mốc tiến độ",
    en: "Milestones",
    value: (p) => p.milestones.map((m) => `${m.code}: ${m.due}`),
  },
  { key: "status", vi: "Trạng thái", en: "Status", value: (p) => p.status },
  {
    key: "extended_months",
    vi: "Số tháng giãn tiến độ",
    en: "Months extended",
    value: (p) => p.extended_months,
  },
  { key: "is_synthetic", vi: "Dữ liệu mô phỏng", en: "Synthetic", value: (p) => p.is_synthetic },
];

export function projectFeature(p: Project): GeoJsonFeature | null {
  if (!p.location) return null;
  return {
    type: "Feature",
    id: p.irc_number,
    geometry: { type: "Point", coordinates: [p.location.lon, p.location.lat] },
    properties: { ...p, location: undefined },
  };
}
