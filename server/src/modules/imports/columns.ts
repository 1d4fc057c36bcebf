/** Import/template columns of each kind: headers in Vietnamese and English, how a cell becomes a value. */

import {
  parseBoolean,
  parseDate,
  parseDecimal,
  parseList,
  parseNumber,
} from "../../platform/parse-values.ts";
import { fold } from "../../platform/text.ts";

export type ImportKind = "zones" | "enterprises" | "projects";
export const IMPORT_KINDS = ["zones", "enterprises", "projects"] as const;

/** Parses one cell; returns undefined for "no value" and throws CellError for a bad one. */
type Parser = (text: string) => unknown;

export class CellError extends Error {}

export interface ImportColumn {
  /** Field of the input object; "location.lon" for nested. */
  field: string;
  vi: string;
  en: string;
  required?: boolean;
  parse: Parser;
  example: string;
  help?: { vi: string; en: string };
}

const text: Parser = (t) => t;
const number: Parser = (t) => {
  const n = parseNumber(t);
  if (n === null) throw new CellError("number");
  return n;
};
const decimal: Parser = (t) => {
  const n = parseDecimal(t);
  if (n === null) throw new CellError("number");
  return n;
};
const date: Parser = (t) => {
  const d = parseDate(t);
  if (d === null) throw new CellError("date");
  return d;
};
const bool: Parser = (t) => {
  const b = parseBoolean(t);
  if (b === null) throw new CellError("boolean");
  return b;
};
const list: Parser = (t) => parseList(t);
function choice(aliases: Record<string, string>): Parser {
  const folded = new Map(Object.entries(aliases).map(([k, v]) => [fold(k), v]));
  return (t) => folded.get(fold(t)) ?? t.trim().toLowerCase();
}

/** "KR:60; JP:40" or "KR" → [{country, share}]; a single country without share gets 100. */
const investorCountries: Parser = (t) =>
  parseList(t).map((part, _i, all) => {
    const [country = "", share] = part.split(":").map((s) => s.trim());
    const value = share === undefined ? (all.length === 1 ? 100 : Number.NaN) : parseNumber(share);
    if (value === null || Number.isNaN(value)) throw new CellError("share");
    return { country: country.toUpperCase(), share: value };
  });

/** "LG Electronics Inc. [KR]; Công ty X [VN, 0101248141]" → [{name, country, tax_code}]. */
const investors: Parser = (t) =>
  parseList(t).map((part) => {
    const m = /^(.*?)\s*\[\s*([A-Za-z]{2})\s*(?:,\s*([\d-]+))?\s*\]$/.exec(part);
    if (!m) throw new CellError("investor");
    return {
      name: (m[1] ?? "").trim(),
      country: (m[2] ?? "").toUpperCase(),
      ...(m[3] ? { tax_code: m[3] } : {}),
    };
  });

/** "construction_start: 2026-01-31; operation_start: 30/06/2027" → milestones. */
const MILESTONE_LABELS: Record<string, string> = {
  land_handover: "Nhận bàn giao đất / Land handover",
  construction_start: "Khởi công xây dựng / Construction start",
  construction_end: "Hoàn thành xây dựng / Construction completed",
  operation_start: "Đi vào hoạt động / Start of operation",
};
const milestones: Parser = (t) =>
  parseList(t).map((part) => {
    const [code = "", due = ""] = part.split(/:(.*)/s).map((s) => s.trim());
    const d = parseDate(due);
    if (!code || !d) throw new CellError("milestone");
    return { code, label: MILESTONE_LABELS[code] ?? code, due: d };
  });

const location = (example: [string, string]): ImportColumn[] => [
  { field: "location.lon", vi: "Kinh độ", en: "Longitude", parse: decimal, example: example[0] },
  { field: "location.lat", vi: "Vĩ độ", en: "Latitude", parse: decimal, example: example[1] },
];

const ZONE_KIND = choice({ "khu công nghiệp": "kcn", "cụm công nghiệp": "ccn", "khu kinh tế": "kkt" });
const ZONE_STATUS = choice({
  "đang hoạt động": "operating",
  "đang xây dựng": "under_construction",
  "quy hoạch": "planned",
});
const OWNERSHIP = choice({
  "nhà nước": "state",
  "ngoài nhà nước": "non_state",
  "có vốn đầu tư nước ngoài": "foreign",
  fdi: "foreign",
  "nước ngoài": "foreign",
});
const ENTERPRISE_STATUS = choice({
  "đang hoạt động": "active",
  "tạm ngừng": "suspended",
  "giải thể": "dissolved",
});

export const COLUMNS: Record<ImportKind, ImportColumn[]> = {
  zones: [
    {
      field: "code",
      vi: "Mã khu",
      en: "Zone code",
      required: true,
      parse: (t) => t.toUpperCase(),
      example: "KCN-DINHVU",
    },
    {
      field: "name_vi",
      vi: "Tên khu",
      en: "Name (Vietnamese)",
      required: true,
      parse: text,
      example: "Khu công nghiệp Đình Vũ",
    },
    {
      field: "name_en",
      vi: "Tên tiếng Anh",
      en: "Name (English)",
      parse: text,
      example: "Dinh Vu Industrial Zone",
    },
    {
      field: "kind",
      vi: "Loại",
      en: "Kind",
      required: true,
      parse: ZONE_KIND,
      example: "kcn",
      help: { vi: "kcn, ccn, kkt", en: "kcn, ccn, kkt" },
    },
    {
      field: "parent_code",
      vi: "Thuộc khu kinh tế",
      en: "Economic zone",
      parse: (t) => t.toUpperCase(),
      example: "KKT-DVCH",
    },
    { field: "commune_codes", vi: "Mã xã/phường", en: "Commune codes", parse: list, example: "" },
    {
      field: "legacy_territory",
      vi: "Địa bàn cũ",
      en: "Legacy territory",
      parse: choice({ "hải phòng cũ": "east", "hải dương cũ": "west" }),
      example: "east",
    },
    ...location(["106.7621", "20.8357"]),
    {
      field: "total_area_ha",
      vi: "Tổng diện tích (ha)",
      en: "Total area (ha)",
      required: true,
      parse: number,
      example: "541,73",
    },
    {
      field: "industrial_land_ha",
      vi: "Đất công nghiệp (ha)",
      en: "Industrial land (ha)",
      parse: number,
      example: "390",
    },
    {
      field: "leased_land_ha",
      vi: "Đất đã cho thuê (ha)",
      en: "Leased land (ha)",
      parse: number,
      example: "390",
    },
    {
      field: "developer",
      vi: "Chủ đầu tư hạ tầng",
      en: "Developer",
      parse: text,
      example: "Công ty Liên doanh Phát triển Đình Vũ",
    },
    {
      field: "decision_number",
      vi: "Số quyết định thành lập",
      en: "Decision number",
      parse: text,
      example: "",
    },
    { field: "decision_date", vi: "Ngày quyết định", en: "Decision date", parse: date, example: "" },
    {
      field: "status",
      vi: "Trạng thái",
      en: "Status",
      required: true,
      parse: ZONE_STATUS,
      example: "operating",
      help: { vi: "operating, under_construction, planned", en: "operating, under_construction, planned" },
    },
    {
      field: "eco_status",
      vi: "KCN sinh thái",
      en: "Eco-industrial park",
      parse: choice({ "chương trình": "programme", "đã công nhận": "certified", không: "none" }),
      example: "programme",
    },
    {
      field: "wastewater_capacity_m3d",
      vi: "Công suất XLNT (m³/ngày)",
      en: "Wastewater capacity (m³/day)",
      parse: number,
      example: "8000",
    },
  ],
  enterprises: [
    {
      field: "tax_code",
      vi: "Mã số thuế",
      en: "Tax code",
      required: true,
      parse: text,
      example: "0200519875",
    },
    {
      field: "name_vi",
      vi: "Tên doanh nghiệp",
      en: "Name (Vietnamese)",
      required: true,
      parse: text,
      example: "Công ty TNHH Ví dụ Hải Phòng",
    },
    {
      field: "name_en",
      vi: "Tên tiếng Anh",
      en: "Name (English)",
      parse: text,
      example: "Example Hai Phong Co., Ltd.",
    },
    {
      field: "ownership",
      vi: "Loại hình sở hữu",
      en: "Ownership",
      required: true,
      parse: OWNERSHIP,
      example: "foreign",
      help: { vi: "state, non_state, foreign", en: "state, non_state, foreign" },
    },
    {
      field: "investor_countries",
      vi: "Quốc gia nhà đầu tư",
      en: "Investor countries",
      parse: investorCountries,
      example: "KR:60; JP:40",
      help: { vi: "Mã ISO:tỷ lệ %, cách nhau bằng ;", en: "ISO code:share %, separated by ;" },
    },
    {
      field: "vsic_main",
      vi: "Ngành chính (VSIC 2025)",
      en: "Main VSIC 2025 code",
      required: true,
      parse: text,
      example: "2640",
    },
    { field: "vsic_other", vi: "Ngành khác", en: "Other VSIC codes", parse: list, example: "2630; 2790" },
    { field: "address", vi: "Địa chỉ", en: "Address", parse: text, example: "Lô A1, KCN Đình Vũ" },
    { field: "commune_code", vi: "Mã xã/phường", en: "Commune code", parse: text, example: "" },
    { field: "zone_code", vi: "Mã khu/cụm", en: "Zone code", parse: (t) => t.toUpperCase(), example: "" },
    ...location(["106.7621", "20.8357"]),
    { field: "workers", vi: "Số lao động", en: "Workers", parse: number, example: "1.250" },
    {
      field: "workers_as_of",
      vi: "Lao động tính đến",
      en: "Workers as of",
      parse: date,
      example: "31/12/2025",
    },
    { field: "high_tech", vi: "Công nghệ cao", en: "High-tech", parse: bool, example: "không" },
    {
      field: "high_tech_certificate",
      vi: "Số chứng nhận CNC",
      en: "High-tech certificate",
      parse: text,
      example: "",
    },
    { field: "status", vi: "Trạng thái", en: "Status", parse: ENTERPRISE_STATUS, example: "active" },
    { field: "established_on", vi: "Ngày thành lập", en: "Established", parse: date, example: "15/03/2018" },
  ],
  projects: [
    {
      field: "irc_number",
      vi: "Số GCNĐKĐT",
      en: "IRC number",
      required: true,
      parse: text,
      example: "2123456789",
    },
    {
      field: "name_vi",
      vi: "Tên dự án",
      en: "Name (Vietnamese)",
      required: true,
      parse: text,
      example: "Dự án nhà máy linh kiện điện tử",
    },
    {
      field: "name_en",
      vi: "Tên tiếng Anh",
      en: "Name (English)",
      parse: text,
      example: "Electronic components plant",
    },
    {
      field: "enterprise_tax_code",
      vi: "MST tổ chức thực hiện",
      en: "Enterprise tax code",
      parse: text,
      example: "",
    },
    {
      field: "investors",
      vi: "Nhà đầu tư",
      en: "Investors",
      required: true,
      parse: investors,
      example: "Example Corp. [KR]",
      help: { vi: "Tên [mã quốc gia, MST]; …", en: "Name [country code, tax code]; …" },
    },
    {
      field: "origin",
      vi: "Nguồn vốn",
      en: "Origin",
      parse: choice({ "trong nước": "domestic", "nước ngoài": "foreign", fdi: "foreign", ddi: "domestic" }),
      example: "foreign",
    },
    { field: "zone_code", vi: "Mã khu/cụm", en: "Zone code", parse: (t) => t.toUpperCase(), example: "" },
    { field: "commune_code", vi: "Mã xã/phường", en: "Commune code", parse: text, example: "" },
    ...location(["106.7621", "20.8357"]),
    { field: "land_area_ha", vi: "Diện tích đất (ha)", en: "Land area (ha)", parse: number, example: "5,5" },
    {
      field: "vsic_codes",
      vi: "Mã ngành VSIC 2025",
      en: "VSIC 2025 codes",
      required: true,
      parse: list,
      example: "2619",
    },
    {
      field: "currency",
      vi: "Tiền tệ",
      en: "Currency",
      required: true,
      parse: (t) => t.toUpperCase(),
      example: "USD",
    },
    {
      field: "registered_capital",
      vi: "Vốn đăng ký",
      en: "Registered capital",
      required: true,
      parse: number,
      example: "25000000",
    },
    {
      field: "vnd_per_usd",
      vi: "Tỷ giá VND/USD",
      en: "VND per USD",
      required: true,
      parse: number,
      example: "25.450",
    },
    {
      field: "rate_date",
      vi: "Ngày tỷ giá",
      en: "Rate date",
      required: true,
      parse: date,
      example: "02/01/2026",
    },
    {
      field: "issued_on",
      vi: "Ngày cấp",
      en: "Issued on",
      required: true,
      parse: date,
      example: "15/01/2026",
    },
    { field: "decision_number", vi: "Số quyết định", en: "Decision number", parse: text, example: "" },
    {
      field: "disbursed_capital",
      vi: "Vốn đã giải ngân",
      en: "Disbursed capital",
      parse: number,
      example: "0",
    },
    { field: "disbursed_as_of", vi: "Giải ngân tính đến", en: "Disbursed as of", parse: date, example: "" },
    {
      field: "milestones",
      vi: "Mốc tiến độ",
      en: "Milestones",
      parse: milestones,
      example: "construction_start: 30/06/2026; operation_start: 31/12/2027",
      help: { vi: "mã: ngày; …", en: "code: date; …" },
    },
  ],
};
