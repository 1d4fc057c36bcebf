import type { Column } from "../../http/export.ts";
import type { OverdueItem, Report } from "./reports.schemas.ts";

export const reportColumns: Column<Report>[] = [
  { key: "irc_number", vi: "Số GCNĐKĐT", en: "IRC number", value: (r) => r.irc_number },
  { key: "project_name", vi: "Dự án", en: "Project", value: (r) => r.project_name },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (r) => r.zone_code },
  { key: "year", vi: "Năm", en: "Year", value: (r) => r.year },
  { key: "period", vi: "Kỳ", en: "Period", value: (r) => r.period },
  { key: "due_on", vi: "Hạn nộp", en: "Due on", value: (r) => r.due_on },
  { key: "currency", vi: "Tiền tệ vốn", en: "Capital currency", value: (r) => r.currency },
  {
    key: "capital_disbursed",
    vi: "Vốn giải ngân luỹ kế",
    en: "Disbursed capital (cumulative)",
    value: (r) => r.capital_disbursed,
  },
  { key: "revenue_vnd", vi: "Doanh thu (đồng)", en: "Revenue (VND)", value: (r) => r.revenue_vnd },
  { key: "exports_usd", vi: "Xuất khẩu (USD)", en: "Exports (USD)", value: (r) => r.exports_usd },
  { key: "workers", vi: "Lao động", en: "Workers", value: (r) => r.workers },
  { key: "taxes_vnd", vi: "Nộp ngân sách (đồng)", en: "Taxes paid (VND)", value: (r) => r.taxes_vnd },
  { key: "rnd_vnd", vi: "Chi R&D (đồng)", en: "R&D spending (VND)", value: (r) => r.rnd_vnd },
  {
    key: "environment_vnd",
    vi: "Chi môi trường (đồng)",
    en: "Environmental spending (VND)",
    value: (r) => r.environment_vnd,
  },
  { key: "status", vi: "Trạng thái", en: "Status", value: (r) => r.status },
  { key: "flags", vi: "Cảnh báo", en: "Flags", value: (r) => r.flags.map((f) => f.vi) },
  { key: "submitted_at", vi: "Thời điểm nộp", en: "Submitted at", value: (r) => r.submitted_at },
  { key: "channel", vi: "Kênh", en: "Channel", value: (r) => r.channel },
];

export const overdueColumns: Column<OverdueItem>[] = [
  { key: "irc_number", vi: "Số GCNĐKĐT", en: "IRC number", value: (r) => r.irc_number },
  { key: "name_vi", vi: "Dự án", en: "Project", value: (r) => r.name_vi },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (r) => r.zone_code },
  { key: "enterprise_tax_code", vi: "MST", en: "Tax code", value: (r) => r.enterprise_tax_code },
  { key: "due_on", vi: "Hạn nộp", en: "Due on", value: (r) => r.due_on },
  { key: "days_overdue", vi: "Số ngày quá hạn", en: "Days overdue", value: (r) => r.days_overdue },
  { key: "status", vi: "Tình trạng", en: "Status", value: (r) => r.status },
];
