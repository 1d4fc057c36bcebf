import type { Column } from "../../http/export.ts";
import type { ScheduledProject, SupervisionCase } from "./supervision.schemas.ts";

export const scheduledColumns: Column<ScheduledProject>[] = [
  { key: "irc_number", vi: "Số GCNĐKĐT", en: "IRC number", value: (p) => p.irc_number },
  { key: "name_vi", vi: "Tên dự án", en: "Project", value: (p) => p.name_vi },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (p) => p.zone_code },
  { key: "enterprise_tax_code", vi: "MST", en: "Tax code", value: (p) => p.enterprise_tax_code },
  { key: "status", vi: "Tiến độ", en: "Schedule", value: (p) => p.status },
  { key: "days_late", vi: "Số ngày chậm", en: "Days late", value: (p) => p.days_late },
  { key: "late_milestone", vi: "Mốc chậm", en: "Late milestone", value: (p) => p.late_milestone },
  { key: "next_due", vi: "Mốc kế tiếp", en: "Next due", value: (p) => p.next_due },
  { key: "extended_months", vi: "Đã giãn (tháng)", en: "Extended (months)", value: (p) => p.extended_months },
  { key: "case_code", vi: "Vụ việc", en: "Case", value: (p) => p.case_code },
  { key: "evaluated_on", vi: "Ngày đánh giá", en: "Evaluated on", value: (p) => p.evaluated_on },
];

export const caseColumns: Column<SupervisionCase>[] = [
  { key: "code", vi: "Mã vụ việc", en: "Case", value: (c) => c.code },
  { key: "stage", vi: "Bước", en: "Stage", value: (c) => c.stage },
  { key: "irc_number", vi: "Số GCNĐKĐT", en: "IRC number", value: (c) => c.irc_number },
  { key: "project_name", vi: "Dự án", en: "Project", value: (c) => c.project_name },
  { key: "zone_code", vi: "Mã khu/cụm", en: "Zone code", value: (c) => c.zone_code },
  { key: "milestone_code", vi: "Mốc chậm", en: "Late milestone", value: (c) => c.milestone_code },
  {
    key: "days_late_at_open",
    vi: "Chậm khi mở (ngày)",
    en: "Days late at opening",
    value: (c) => c.days_late_at_open,
  },
  { key: "opened_on", vi: "Ngày mở", en: "Opened on", value: (c) => c.opened_on },
  { key: "closed_on", vi: "Ngày đóng", en: "Closed on", value: (c) => c.closed_on },
];
