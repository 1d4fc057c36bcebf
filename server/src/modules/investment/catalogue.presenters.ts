import type { Column } from "../../http/export.ts";
import type { Entry, Version } from "./catalogue.schemas.ts";
import { type Criterion, FIELDS } from "./criteria.ts";

/** "capital_per_ha >= 5 tỷ đồng/ha; equipment_age <= 10 năm": the form the importer reads back. */
export function criteriaText(criteria: readonly Criterion[]): string {
  return criteria
    .map((c) => {
      const value = Array.isArray(c.value) ? c.value.join(", ") : String(c.value);
      const unit = FIELDS[c.field]?.unit;
      const basis = c.legal_basis ? ` | ${c.legal_basis}` : "";
      return `${c.field} ${c.operator} ${value}${unit ? ` ${unit}` : ""}${basis}`;
    })
    .join("; ");
}

export const entryColumns: Column<Entry>[] = [
  { key: "version_code", vi: "Mã phiên bản", en: "Version code", value: (e) => e.version_code },
  { key: "code", vi: "Mã mục", en: "Entry code", value: (e) => e.code },
  { key: "category", vi: "Nhóm", en: "Category", value: (e) => e.category },
  { key: "title_vi", vi: "Nội dung", en: "Title (Vietnamese)", value: (e) => e.title_vi },
  { key: "title_en", vi: "Nội dung tiếng Anh", en: "Title (English)", value: (e) => e.title_en },
  { key: "vsic_codes", vi: "Mã ngành VSIC 2025", en: "VSIC 2025 codes", value: (e) => e.vsic_codes },
  { key: "products", vi: "Sản phẩm", en: "Products", value: (e) => e.products },
  { key: "criteria", vi: "Tiêu chí", en: "Criteria", value: (e) => criteriaText(e.criteria as Criterion[]) },
  { key: "legal_basis", vi: "Căn cứ pháp lý", en: "Legal basis", value: (e) => e.legal_basis },
];

interface ScreeningSummary {
  code: string;
  title: string;
  version_code: string;
  screened_on: string;
  category: string;
  username: string | null;
  created_at: string;
}

export const screeningColumns: Column<ScreeningSummary>[] = [
  { key: "code", vi: "Mã", en: "Code", value: (s) => s.code },
  { key: "title", vi: "Dự án đề xuất", en: "Proposal", value: (s) => s.title },
  { key: "category", vi: "Kết quả", en: "Result", value: (s) => s.category },
  { key: "version_code", vi: "Phiên bản danh mục", en: "Catalogue version", value: (s) => s.version_code },
  { key: "screened_on", vi: "Ngày áp dụng", en: "Screened on", value: (s) => s.screened_on },
  { key: "username", vi: "Người sàng lọc", en: "By", value: (s) => s.username },
  { key: "created_at", vi: "Thời điểm", en: "At", value: (s) => s.created_at },
];

export const versionColumns: Column<Version>[] = [
  { key: "code", vi: "Mã phiên bản", en: "Version code", value: (v) => v.code },
  { key: "title_vi", vi: "Tên", en: "Title (Vietnamese)", value: (v) => v.title_vi },
  { key: "title_en", vi: "Tên tiếng Anh", en: "Title (English)", value: (v) => v.title_en },
  { key: "decision_number", vi: "Số quyết định", en: "Decision number", value: (v) => v.decision_number },
  { key: "decided_on", vi: "Ngày quyết định", en: "Decided on", value: (v) => v.decided_on },
  { key: "in_force_from", vi: "Hiệu lực từ", en: "In force from", value: (v) => v.in_force_from },
  { key: "in_force_to", vi: "Hiệu lực đến", en: "In force to", value: (v) => v.in_force_to },
  { key: "supersedes", vi: "Thay thế phiên bản", en: "Supersedes", value: (v) => v.supersedes },
  { key: "superseded_by", vi: "Bị thay thế bởi", en: "Superseded by", value: (v) => v.superseded_by },
  { key: "status", vi: "Trạng thái", en: "Status", value: (v) => v.status },
  { key: "is_sample", vi: "Bản mẫu", en: "Sample", value: (v) => (v.is_sample ? "có / yes" : "không / no") },
  { key: "entry_count", vi: "Số mục", en: "Entries", value: (v) => v.entry_count },
];
