import type { Column } from "../../http/export.ts";
import type { Indicator, Value } from "./indicators.schemas.ts";

export const indicatorColumns: Column<Indicator>[] = [
  { key: "code", vi: "Mã", en: "Code", value: (i) => i.code },
  { key: "name_vi", vi: "Tên chỉ tiêu", en: "Name (Vietnamese)", value: (i) => i.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (English)", value: (i) => i.name_en },
  { key: "unit", vi: "Đơn vị", en: "Unit", value: (i) => i.unit },
  { key: "frequency", vi: "Kỳ", en: "Frequency", value: (i) => i.frequency },
  { key: "breakdowns", vi: "Phân tổ", en: "Breakdowns", value: (i) => i.breakdowns },
  { key: "method", vi: "Phương pháp", en: "Method", value: (i) => i.method },
  { key: "source", vi: "Nguồn", en: "Source", value: (i) => i.source },
  { key: "owner_agency", vi: "Cơ quan chủ trì", en: "Owner agency", value: (i) => i.owner_agency },
  { key: "definition_vi", vi: "Khái niệm", en: "Definition (Vietnamese)", value: (i) => i.definition_vi },
];

export const valueColumns: Column<Value>[] = [
  { key: "indicator_code", vi: "Chỉ tiêu", en: "Indicator", value: (v) => v.indicator_code },
  { key: "period", vi: "Kỳ", en: "Period", value: (v) => v.period },
  { key: "period_start", vi: "Từ ngày", en: "From", value: (v) => v.period_start },
  { key: "period_end", vi: "Đến ngày", en: "To", value: (v) => v.period_end },
  { key: "territory", vi: "Địa bàn", en: "Territory", value: (v) => v.territory },
  { key: "breakdown_kind", vi: "Phân tổ", en: "Breakdown", value: (v) => v.breakdown_kind },
  { key: "breakdown_code", vi: "Mã phân tổ", en: "Breakdown code", value: (v) => v.breakdown_code },
  { key: "value", vi: "Giá trị", en: "Value", value: (v) => v.value },
  { key: "status", vi: "Tình trạng", en: "Status", value: (v) => v.status },
  { key: "source_url", vi: "Nguồn", en: "Source", value: (v) => v.source_url },
  { key: "source_note", vi: "Ghi chú nguồn", en: "Source note", value: (v) => v.source_note },
];
