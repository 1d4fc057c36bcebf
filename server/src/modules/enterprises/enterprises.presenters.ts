import type { Column, GeoJsonFeature } from "../../http/export.ts";
import { type Enterprise, RESTRICTED_ENTERPRISE_FIELDS } from "./enterprises.schemas.ts";

export const enterpriseColumns: Column<Enterprise>[] = [
  { key: "tax_code", vi: "Mã số thuế", en: "Tax code", value: (e) => e.tax_code },
  { key: "name_vi", vi: "Tên doanh nghiệp", en: "Name (Vietnamese)", value: (e) => e.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (English)", value: (e) => e.name_en },
  { key: "ownership", vi: "Loại hình sở hữu", en: "Ownership", value: (e) => e.ownership },
  {
    key: "investor_countries",
    vi: "Quốc gia nhà đầu tư",
    en: "Investor countries",
    value: (e) => e.investor_countries.map((c) => `${c.country}:${c.share}`),
  },
  { key: "vsic_main", vi: "Ngành chính (VSIC 2025)", en: "Main VSIC 2025 code", value: (e) => e.vsic_main },
  { key: "vsic_other", vi: "Ngành khác", en: "Other VSIC codes", value: (e) => e.vsic_other },
  { key: "address", vi: "Địa chỉ", en: "Address", value: (e) => e.address },
  { key: "commune_code", vi: "Mã xã/phường", en: "Commune code", value: (e) => e.commune_code },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (e) => e.zone_code },
  { key: "lon", vi: "Kinh độ", en: "Longitude", value: (e) => e.location?.lon },
  { key: "lat", vi: "Vĩ độ", en: "Latitude", value: (e) => e.location?.lat },
  { key: "workers", vi: "Số lao động", en: "Workers", value: (e) => e.workers },
  { key: "workers_as_of", vi: "Lao động tính đến", en: "Workers as of", value: (e) => e.workers_as_of },
  { key: "contact_name", vi: "Người liên hệ", en: "Contact person", value: (e) => e.contact_name },
  { key: "contact_phone", vi: "Điện thoại liên hệ", en: "Contact phone", value: (e) => e.contact_phone },
  { key: "contact_email", vi: "Email liên hệ", en: "Contact email", value: (e) => e.contact_email },
  { key: "high_tech", vi: "Công nghệ cao", en: "High-tech", value: (e) => e.high_tech },
  {
    key: "high_tech_certificate",
    vi: "Số chứng nhận CNC",
    en: "High-tech certificate",
    value: (e) => e.high_tech_certificate,
  },
  { key: "status", vi: "Trạng thái", en: "Status", value: (e) => e.status },
  { key: "established_on", vi: "Ngày thành lập", en: "Established", value: (e) => e.established_on },
  { key: "is_synthetic", vi: "Dữ liệu mô phỏng", en: "Synthetic", value: (e) => e.is_synthetic },
];

export function enterpriseFeature(e: Enterprise): GeoJsonFeature | null {
  if (!e.location) return null;
  return {
    type: "Feature",
    id: e.tax_code,
    geometry: { type: "Point", coordinates: [e.location.lon, e.location.lat] },
    properties: { ...e, location: undefined },
  };
}

/** What access control needs to know about an enterprise: where it is and who it is. */
export function enterpriseTarget(e: Pick<Enterprise, "zone_code" | "tax_code">): {
  zones: Array<string | null>;
  taxCodes: string[];
} {
  return { zones: [e.zone_code], taxCodes: [e.tax_code] };
}

/** The enterprise without its restricted fields unless the caller may see them. */
export function redactEnterprise(
  e: Enterprise,
  canSee: (target: ReturnType<typeof enterpriseTarget>) => boolean,
): Enterprise {
  if (canSee(enterpriseTarget(e))) return e;
  const copy: Partial<Enterprise> = { ...e };
  for (const field of RESTRICTED_ENTERPRISE_FIELDS) delete copy[field];
  return copy as Enterprise;
}

/** Export columns: restricted columns only when at least one row shows them. */
export function visibleEnterpriseColumns(rows: readonly Enterprise[]): typeof enterpriseColumns {
  const shown = rows.some((r) => "contact_name" in r);
  return enterpriseColumns.filter(
    (c) => shown || !(RESTRICTED_ENTERPRISE_FIELDS as readonly string[]).includes(c.key),
  );
}
