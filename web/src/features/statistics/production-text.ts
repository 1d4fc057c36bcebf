/**
 * The monthly production screens' texts, Vietnamese first and English second, one line per text
 * (kept apart from text.ts so that the statistics screens' texts stay short). The API's statuses and
 * channels get their names here too.
 */
import { type FeatureText, useFeatureText } from "../../lib/feature-text.ts";

const TEXT = {
  reports: ["Báo cáo sản lượng", "Production reports"],
  reportList: ["Số liệu đã nộp", "Submitted figures"],
  queue: ["Chờ xác nhận", "Review queue"],
  submit: ["Nộp sản lượng tháng", "Submit a month"],
  // Submission
  submitIntro: [
    "Sản lượng thực hiện trong tháng theo từng sản phẩm của danh mục (ngành VSIC 2025). Có thể nhập theo đơn vị quy đổi được, hệ thống tự đổi về đơn vị của sản phẩm. Nộp lại một tháng đã nộp là điều chỉnh: số cũ được giữ trong lịch sử.",
    "The month's output of each product on the list (VSIC 2025 classes). Figures may be typed in a unit that converts; the system converts them to the product's unit. Sending a month again is a revision: the earlier figure is kept in the history.",
  ],
  enterprise: ["Doanh nghiệp", "Enterprise"],
  taxCodeHint: ["Mã số thuế hoặc tên để tìm", "Tax code, or a name to search"],
  month: ["Tháng", "Month"],
  monthHint: ["Chỉ các tháng đã kết thúc", "Months that have ended only"],
  lines: ["Sản phẩm và sản lượng", "Products and quantities"],
  line: ["Dòng", "Line"],
  product: ["Sản phẩm", "Product"],
  productHint: ["Gõ tên hoặc mã, không cần dấu", "Type a name or code, accents optional"],
  noProduct: ["Không có sản phẩm phù hợp", "No matching product"],
  quantity: ["Sản lượng", "Quantity"],
  unit: ["Đơn vị tính", "Unit"],
  unitHint: ["Đơn vị quy đổi được", "Units that convert"],
  addLine: ["Thêm dòng", "Add a line"],
  removeLine: ["Xoá dòng", "Remove line"],
  send: ["Nộp báo cáo", "Submit"],
  notNumber: ["Không phải số", "Not a number"],
  pickProduct: ["Chọn một sản phẩm trong danh mục", "Pick a product from the list"],
  fixLines: ["Chưa nộp được; sửa các dòng sau:", "Not submitted; fix these lines:"],
  importHint: [
    "Nhiều tháng, nhiều sản phẩm một lúc: nhập từ tệp XLSX hoặc CSV theo mẫu bên dưới.",
    "Many months or products at once: import an XLSX or CSV file made from the template below.",
  ],
  // Result
  received: ["Đã nhận báo cáo tháng", "Report received for"],
  newFigure: ["Số liệu mới", "New figure"],
  revisionOf: ["Điều chỉnh lần", "Revision"],
  flaggedNote: [
    "Số liệu biến động bất thường so với các tháng trước của doanh nghiệp: đã được ghi nhận và chuyển thống kê viên xem lại, không bị từ chối.",
    "A figure far from the enterprise's previous months: it is stored and passed to a statistician for review, not refused.",
  ],
  // List
  enterpriseFilter: ["Mã số thuế doanh nghiệp", "Enterprise tax code"],
  apply: ["Lọc", "Apply"],
  clear: ["Bỏ lọc", "Clear"],
  from: ["Từ tháng", "From month"],
  to: ["Đến tháng", "To month"],
  vsic: ["Ngành VSIC", "VSIC class"],
  status: ["Tình trạng", "Status"],
  flags: ["Cảnh báo", "Flags"],
  submittedAt: ["Thời điểm nộp", "Submitted at"],
  rounded: [
    "Số hiển thị làm tròn 2 chữ số thập phân (4 với số nhỏ hơn 1); số lưu và số xuất ra (CSV, XLSX) giữ nguyên.",
    "Figures are shown rounded to 2 decimals (4 below 1); stored and exported figures are not rounded.",
  ],
  // Detail
  back: ["Danh sách số liệu", "All figures"],
  figure: ["Số liệu", "Figure"],
  reviewedBy: ["Người xác nhận", "Confirmed by"],
  history: ["Lịch sử điều chỉnh", "Revision history"],
  revision: ["Lần nộp", "Revision"],
  oldValue: ["Giá trị cũ", "Old value"],
  newValue: ["Giá trị mới", "New value"],
  when: ["Thời điểm", "When"],
  who: ["Người nộp", "By"],
  current: ["hiện hành", "current"],
  firstVersion: ["nộp lần đầu", "first submission"],
  // Queue
  queueIntro: [
    "Số liệu bị gắn cờ vì khác xa mức thường lệ của chính doanh nghiệp (gấp hơn 3 lần hoặc dưới 1/3 trung vị 12 tháng gần nhất). Sau khi kiểm tra với doanh nghiệp, xác nhận để đưa vào tính chỉ số.",
    "Figures flagged because they are far from the enterprise's own usual level (over 3 times, or under a third of, the median of its last 12 months). After checking with the enterprise, confirm them for the indices.",
  ],
  recent: ["12 tháng trước", "Previous 12 months"],
  median: ["Trung vị", "Median"],
  monthsOf: ["tháng có số liệu", "months with figures"],
  tooFew: ["Chưa đủ 3 tháng để so sánh", "Fewer than 3 months to compare"],
  confirm: ["Xác nhận", "Confirm"],
  confirmNote: ["Ghi chú (không bắt buộc)", "Note (optional)"],
  confirmNoteHint: ["Vd. đã xác minh với doanh nghiệp", "E.g. checked with the enterprise"],
  confirmed: ["Đã xác nhận", "Confirmed"],
  queueEmpty: ["Không còn số liệu nào chờ xác nhận.", "Nothing waiting for review."],
  open: ["Xem chi tiết", "Open"],
} as const satisfies Record<string, readonly [string, string]>;

export type ProductionTextKey = keyof typeof TEXT;

const LABELS: Record<string, Record<string, readonly [string, string]>> = {
  status: {
    submitted: ["đã nhận", "received"],
    flagged: ["cần xem lại", "flagged"],
    confirmed: ["đã xác nhận", "confirmed"],
  },
  channel: {
    workspace: ["cổng làm việc", "workspace"],
    api: ["API", "API"],
    import: ["nhập tệp", "file import"],
    demo: ["dữ liệu mô phỏng", "synthetic demo data"],
  },
};

export type ProductionText = FeatureText<ProductionTextKey>;
export function useProductionText(): ProductionText {
  return useFeatureText(TEXT, LABELS);
}
