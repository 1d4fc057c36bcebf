/**
 * The statistics screens' texts, Vietnamese first and English second: one line per text, so the two
 * languages are read side by side. Enum values of the API (statuses, progress, territories) get their
 * names here too.
 */
import { type FeatureText, useFeatureText } from "../../lib/feature-text.ts";

const TEXT = {
  title: ["Thống kê", "Statistics"],
  dashboard: ["Mục tiêu và tiến độ", "Targets and progress"],
  indicators: ["Chỉ tiêu thống kê", "Indicators"],
  iip: ["Tính IIP", "IIP calculator"],
  // Dashboard
  year: ["Năm", "Year"],
  noTargets: ["Chưa có mục tiêu nào.", "No targets yet."],
  target: ["Mục tiêu", "Target"],
  actual: ["Thực hiện", "Actual"],
  gap: ["Chênh lệch", "Gap"],
  period: ["Kỳ số liệu", "Period"],
  source: ["Nguồn số liệu", "Source of the value"],
  targetSource: ["Nguồn mục tiêu", "Source of the target"],
  territory: ["Địa bàn", "Territory"],
  noActual: ["Chưa có số liệu của năm", "No value for the year yet"],
  rule: [
    "Đạt khi đạt mục tiêu; có nguy cơ khi thiếu không quá 10 % mục tiêu; không đạt khi thiếu hơn. Số liệu so sánh là số cả năm nếu đã có, nếu chưa thì số luỹ kế mới nhất trong năm.",
    "On track when the target is reached; at risk when short by at most 10 % of the target; off track when short by more. The value judged is the full year's if published, else the latest year-to-date figure.",
  ],
  lowerBetter: ["(càng thấp càng tốt)", "(lower is better)"],
  setTarget: ["Đặt mục tiêu", "Set a target"],
  indicator: ["Chỉ tiêu", "Indicator"],
  value: ["Giá trị", "Value"],
  targetSourceHint: ["Văn bản, nghị quyết hoặc đường dẫn", "Document, resolution or link"],
  note: ["Ghi chú", "Note"],
  save: ["Lưu", "Save"],
  saved: ["Đã lưu.", "Saved."],
  open: ["Xem chỉ tiêu", "Open the indicator"],
  // Indicators
  code: ["Mã", "Code"],
  name: ["Tên chỉ tiêu", "Indicator"],
  unit: ["Đơn vị", "Unit"],
  frequency: ["Kỳ công bố", "Frequency"],
  owner: ["Cơ quan chủ trì", "Owner agency"],
  valueCount: ["Số giá trị", "Values"],
  latest: ["Kỳ mới nhất đến", "Latest period ends"],
  periodEnd: ["Ngày cuối kỳ", "Period end"],
  definition: ["Khái niệm", "Definition"],
  method: ["Phương pháp tính", "Method"],
  sourceAgency: ["Nguồn", "Source"],
  breakdowns: ["Phân tổ", "Breakdowns"],
  direction: ["Chiều tốt", "Better when"],
  back: ["Danh mục chỉ tiêu", "Indicator registry"],
  chartTitle: ["Diễn biến theo kỳ (tổng, theo địa bàn)", "Over time (totals, by territory)"],
  chartNote: [
    "Trục ngang theo ngày cuối kỳ; kỳ năm và kỳ luỹ kế trong năm nằm trên cùng đường. Điểm rỗng hình thoi là số ước tính; khi một kỳ có cả số chính thức, đường nối theo số chính thức.",
    "The horizontal axis is the period's end; years and year-to-date spans share one line. Hollow diamonds are estimates; where a period also has an official figure, the line follows the official one.",
  ],
  estimates: ["Ước tính", "Estimates"],
  ownershipTitle: ["Cơ cấu theo loại hình kinh tế (%)", "By ownership (%)"],
  noValues: ["Chưa có số liệu.", "No values yet."],
  values: ["Số liệu", "Values"],
  status: ["Trạng thái", "Status"],
  breakdown: ["Phân tổ", "Breakdown"],
  from: ["Từ năm", "From year"],
  to: ["Đến năm", "To year"],
  sourceNote: ["Ghi chú nguồn", "Source note"],
  recordValue: ["Ghi nhận số liệu", "Record a value"],
  periodHint: ["2024, 2024-Q1, 2024-03 hoặc 2024-01..06", "2024, 2024-Q1, 2024-03 or 2024-01..06"],
  sourceUrl: ["Đường dẫn nguồn", "Source URL"],
  rounded: [
    "Số hiển thị được làm tròn; số lưu và số xuất ra (CSV, XLSX, SDMX-CSV 1.0) giữ nguyên, không làm tròn.",
    "Figures are rounded for display; stored and exported values (CSV, XLSX, SDMX-CSV 1.0) are not rounded.",
  ],
  // IIP
  iipIntro: [
    "Phương pháp quốc gia: chỉ số cá thể của từng sản phẩm so với bình quân tháng năm gốc, bình quân gia quyền theo giá trị sản xuất năm gốc trong lớp VSIC, rồi theo giá trị tăng thêm năm gốc lên ngành cấp 2, ngành cấp 1 và toàn ngành. Không lưu gì.",
    "National method: each product's index against the base year's monthly average, weighted by base-year output value within its VSIC class, then by base-year value added up to divisions, sections and the total. Nothing is stored.",
  ],
  basket: ["Rổ sản phẩm", "Product basket"],
  product: ["Sản phẩm", "Product"],
  vsic: ["Lớp VSIC (4 số)", "VSIC class (4 digits)"],
  baseQuantity: ["Bình quân tháng năm gốc", "Base-year monthly average"],
  currentQuantity: ["Kỳ báo cáo", "Current period"],
  previousQuantity: ["Kỳ so sánh (không bắt buộc)", "Comparison period (optional)"],
  weight: ["Quyền số: giá trị sản xuất năm gốc", "Weight: base-year output value"],
  classWeights: ["Quyền số lớp VSIC: giá trị tăng thêm năm gốc", "Class weights: base-year value added"],
  classCode: ["Lớp VSIC", "VSIC class"],
  classWeight: ["Giá trị tăng thêm năm gốc", "Base-year value added"],
  addRow: ["Thêm dòng", "Add a row"],
  addMissing: ["Thêm lớp còn thiếu", "Add the missing classes"],
  remove: ["Xoá", "Remove"],
  removeRow: ["Xoá dòng", "Remove row"],
  sample: ["Điền ví dụ mẫu", "Fill in the worked example"],
  calculate: ["Tính", "Calculate"],
  notNumber: ["Không phải số", "Not a number"],
  result: ["Kết quả", "Result"],
  total: ["Chỉ số toàn ngành", "Total index"],
  previousTotal: ["Chỉ số kỳ so sánh", "Comparison period's index"],
  growth: ["Tăng so với kỳ so sánh", "Growth against the comparison period"],
  sections: ["Ngành cấp 1", "Sections"],
  divisions: ["Ngành cấp 2", "Divisions"],
  classes: ["Lớp VSIC", "Classes"],
  index: ["Chỉ số", "Index"],
  levelWeight: ["Quyền số (giá trị tăng thêm năm gốc)", "Weight (base-year value added)"],
  previousIndex: ["Chỉ số kỳ so sánh", "Previous index"],
  contribution: ["Đóng góp (điểm %)", "Contribution (pp)"],
  contributionsChart: [
    "Đóng góp của ngành cấp 1 vào tăng trưởng (điểm %)",
    "Section contributions to growth (percentage points)",
  ],
  points: ["điểm %", "pp"],
  iipRounded: [
    "Số hiển thị làm tròn 2 chữ số thập phân; máy chủ tính và trả về số không làm tròn.",
    "Figures are shown rounded to 2 decimals; the server computes and returns unrounded values.",
  ],
  products: ["Chỉ số cá thể", "Product relatives"],
  relative: ["Chỉ số cá thể", "Relative"],
  previousRelative: ["Chỉ số cá thể kỳ so sánh", "Previous relative"],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

const LABELS: Record<string, Record<string, readonly [string, string]>> = {
  status: {
    official: ["chính thức", "official"],
    estimate: ["ước tính", "estimate"],
    computed: ["tính toán", "computed"],
    synthetic: ["mô phỏng", "synthetic"],
  },
  progress: {
    on_track: ["đạt", "on track"],
    at_risk: ["có nguy cơ", "at risk"],
    off_track: ["không đạt", "off track"],
    no_data: ["chưa có số liệu", "no data"],
  },
  territory: {
    city: ["Toàn thành phố", "Whole city"],
    east: ["Hải Phòng (cũ, phía Đông)", "Hải Phòng (former, east)"],
    west: ["Hải Dương (cũ, phía Tây)", "Hải Dương (former, west)"],
  },
  frequency: {
    month: ["Tháng", "Monthly"],
    quarter: ["Quý", "Quarterly"],
    year: ["Năm", "Yearly"],
  },
  breakdownKind: {
    total: ["Tổng", "Total"],
    industry: ["Theo ngành", "By industry"],
    ownership: ["Theo loại hình kinh tế", "By ownership"],
    territory: ["Theo địa bàn", "By territory"],
  },
  ownership: {
    state: ["Nhà nước", "State"],
    non_state: ["Ngoài nhà nước", "Non-state"],
    fdi: ["Có vốn đầu tư nước ngoài", "Foreign-invested"],
  },
  direction: {
    up: ["càng cao càng tốt", "higher is better"],
    down: ["càng thấp càng tốt", "lower is better"],
  },
  unit: {
    "%": ["%", "%"],
    "tỷ đồng": ["tỷ đồng", "VND bn"],
    "triệu USD": ["triệu USD", "USD m"],
    "tỷ USD": ["tỷ USD", "USD bn"],
    "doanh nghiệp": ["doanh nghiệp", "enterprises"],
    khu: ["khu", "zones"],
    ha: ["ha", "ha"],
  },
  section: {
    B: ["B — Khai khoáng", "B — Mining and quarrying"],
    C: ["C — Công nghiệp chế biến, chế tạo", "C — Manufacturing"],
    D: ["D — Sản xuất và phân phối điện, khí đốt", "D — Electricity and gas supply"],
    E: ["E — Cung cấp nước, xử lý rác thải", "E — Water supply and waste management"],
  },
};

export type Text = FeatureText<TextKey>;
export function useText(): Text {
  return useFeatureText(TEXT, LABELS);
}
