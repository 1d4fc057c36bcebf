import type { Column } from "../../http/export.ts";
import type { Exceedance, ViolationCase } from "./cases.schemas.ts";

export const caseColumns: Column<ViolationCase>[] = [
  { key: "code", vi: "Mã vụ việc", en: "Case", value: (c) => c.code },
  { key: "status", vi: "Trạng thái", en: "Status", value: (c) => c.status },
  { key: "station_code", vi: "Trạm", en: "Station", value: (c) => c.station_code },
  { key: "parameter", vi: "Thông số", en: "Parameter", value: (c) => c.parameter },
  { key: "averaging", vi: "Trung bình", en: "Averaging", value: (c) => c.averaging },
  { key: "enterprise_name", vi: "Doanh nghiệp", en: "Enterprise", value: (c) => c.enterprise_name },
  { key: "zone_code", vi: "Khu", en: "Zone", value: (c) => c.zone_code },
  { key: "exceedance_count", vi: "Số lần vượt", en: "Exceedances", value: (c) => c.exceedance_count },
  { key: "peak_value", vi: "Giá trị cao nhất", en: "Peak", value: (c) => c.peak_value },
  { key: "limit_value", vi: "Giới hạn", en: "Limit", value: (c) => c.limit_value },
  { key: "limit_table", vi: "Quy chuẩn", en: "Regulation", value: (c) => c.limit_table },
  { key: "inspector", vi: "Thanh tra", en: "Inspector", value: (c) => c.inspector },
  { key: "remediation_deadline", vi: "Hạn khắc phục", en: "Deadline", value: (c) => c.remediation_deadline },
  { key: "opened_at", vi: "Mở lúc", en: "Opened", value: (c) => c.opened_at },
];

export const exceedanceColumns: Column<Exceedance>[] = [
  { key: "station_code", vi: "Trạm", en: "Station", value: (x) => x.station_code },
  { key: "parameter", vi: "Thông số", en: "Parameter", value: (x) => x.parameter },
  { key: "averaging", vi: "Trung bình", en: "Averaging", value: (x) => x.averaging },
  { key: "period_end", vi: "Kết thúc kỳ", en: "Period end", value: (x) => x.period_end },
  { key: "value", vi: "Giá trị", en: "Value", value: (x) => x.value },
  { key: "unit", vi: "Đơn vị", en: "Unit", value: (x) => x.unit },
  { key: "limit_value", vi: "Giới hạn", en: "Limit", value: (x) => x.limit_value },
  { key: "limit_table", vi: "Quy chuẩn", en: "Regulation", value: (x) => x.limit_table },
  { key: "verified", vi: "Đã đối chiếu", en: "Verified", value: (x) => x.verified },
  { key: "case_code", vi: "Vụ việc", en: "Case", value: (x) => x.case_code },
];
