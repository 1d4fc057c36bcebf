/**
 * The texts of the IIP explorer and the structure page, Vietnamese first and English second; the
 * names of the API's ownership groups, industry levels and IIP measures. Territories and sections
 * keep their names from text.ts, so that every statistics screen names them alike.
 */
import { type FeatureText, useFeatureText } from "../../lib/feature-text.ts";

const TEXT = {
  explorerTab: ["Diễn biến IIP", "IIP over time"],
  structureTab: ["Cơ cấu ngành", "Structure"],
  // IIP explorer
  explorer: ["Chỉ số sản xuất công nghiệp (IIP) theo tháng", "Monthly index of industrial production (IIP)"],
  explorerIntro: [
    "Tính từ báo cáo sản lượng hằng tháng của doanh nghiệp theo phương pháp quốc gia. Chọn địa bàn, loại hình kinh tế, ngành và khoảng thời gian; bấm vào một tháng trên biểu đồ để xem đóng góp của các ngành trong tháng đó.",
    "Computed from the enterprises' monthly production reports by the national method. Choose a territory, ownership, industry and period; click a month on the chart to see what each industry contributed that month.",
  ],
  baseYear: ["Năm gốc", "Base year"],
  referenceBase: ["Gốc so sánh", "Reference base"],
  currentBase: ["hiện hành", "current"],
  computedOn: ["Tính theo gốc", "Computed on base"],
  chained: [
    "Các tháng tính theo gốc khác được nối chuỗi sang gốc so sánh đã chọn.",
    "Months computed on another base are chain-linked to the chosen reference base.",
  ],
  noBase: ["Chưa xác lập năm gốc nên chưa có chỉ số.", "No base year has been established: no index yet."],
  ownership: ["Loại hình kinh tế", "Ownership"],
  level: ["Cấp ngành", "Industry level"],
  industry: ["Ngành", "Industry"],
  pickIndustry: ["— Chọn ngành —", "— Choose an industry —"],
  vsicInVietnamese: [
    "Tên ngành theo VSIC 2025.",
    "Industry names below section level are VSIC 2025's, which exist in Vietnamese only.",
  ],
  choosePrompt: ["Chọn một ngành để xem chỉ số.", "Choose an industry to see its index."],
  fromMonth: ["Từ tháng", "From month"],
  toMonth: ["Đến tháng", "To month"],
  measure: ["Biểu đồ thể hiện", "Chart shows"],
  noPoints: ["Không có số liệu cho lựa chọn này.", "No figures for this choice."],
  chartHint: [
    "Bấm vào một tháng trên biểu đồ (hoặc chọn tháng ở phần đóng góp bên dưới) để xem đóng góp của các ngành. Đường ngang là mốc 100 của kỳ so sánh.",
    "Click a month on the chart (or choose one under contributions below) to see the industries' contributions. The horizontal line marks 100, the comparison period.",
  ],
  monthlyFigures: ["Số liệu theo tháng", "Monthly figures"],
  month: ["Tháng", "Month"],
  indexColumn: ["Chỉ số (năm gốc = 100)", "Index (base year = 100)"],
  sameMonthColumn: ["So với cùng tháng năm trước (%)", "Against the same month last year (%)"],
  previousMonthColumn: ["So với tháng trước (%)", "Against the previous month (%)"],
  ytdColumn: ["Cộng dồn so với cùng kỳ (%)", "Year to date against the same period (%)"],
  comparisonNote: [
    "Các cột so sánh là chỉ số với kỳ so sánh = 100: 115,43 nghĩa là tăng 15,43%. Số hiển thị làm tròn 2 chữ số thập phân; số xuất ra (CSV, XLSX, SDMX-CSV) không làm tròn.",
    "Comparison columns are indices with the comparison period = 100: 115.43 means growth of 15.43%. Figures are shown rounded to 2 decimals; exported figures (CSV, XLSX, SDMX-CSV) are not rounded.",
  ],
  // Contributions
  contributions: [
    "Đóng góp vào tăng trưởng so với cùng tháng năm trước",
    "Contributions to growth against the same month last year",
  ],
  contributionsBy: ["Theo", "By"],
  points: ["điểm %", "pp"],
  contributionColumn: ["Đóng góp (điểm %)", "Contribution (pp)"],
  growthSameMonth: [
    "Toàn ngành tăng so với cùng tháng năm trước",
    "Total growth against the same month last year",
  ],
  sumOfContributions: ["Tổng đóng góp của các ngành", "Sum of the industries' contributions"],
  equalsGrowth: ["bằng mức tăng của toàn ngành", "equal to the total's growth"],
  against: ["so với", "against"],
  contributionsNote: [
    "Đóng góp tính bằng điểm phần trăm theo quyền số năm gốc; cộng lại bằng mức tăng của toàn ngành so với cùng tháng năm trước. Chỉ tính cho toàn ngành công nghiệp của địa bàn và loại hình đã chọn.",
    "Contributions are in percentage points, by the base year's weights; they add up to the total's growth against the same month last year. They are for the whole industry of the chosen territory and ownership.",
  ],
  noContributions: [
    "Không có số liệu cùng tháng năm trước để tính đóng góp.",
    "No figures for the same month last year to compute contributions from.",
  ],
  // Structure
  structure: ["Cơ cấu giá trị sản xuất công nghiệp", "Structure of industrial production value"],
  structureIntro: [
    "Giá trị sản xuất cả năm theo giá năm gốc (giá của từng sản phẩm năm gốc), tính từ báo cáo sản lượng của doanh nghiệp.",
    "A year's production value at the base year's prices (each product's base-year price), from the enterprises' production reports.",
  ],
  year: ["Năm", "Year"],
  atBasePrices: ["Theo giá năm gốc", "At base-year prices"],
  noStructure: ["Chưa có năm gốc nên chưa tính được cơ cấu.", "No base year yet: no structure."],
  emptyYear: ["Không có báo cáo sản lượng trong năm này.", "No production reports in this year."],
  byOwnership: ["Theo loại hình kinh tế", "By ownership"],
  bySection: ["Theo ngành cấp 1", "By section"],
  byDivision: ["Theo ngành cấp 2", "By division"],
  topDivisions: ["Ngành cấp 2 có tỷ trọng lớn nhất", "Divisions with the largest shares"],
  others: ["Các ngành khác", "Other divisions"],
  highTech: [
    "Tỷ trọng công nghệ cao trong công nghiệp chế biến, chế tạo",
    "High-tech share of manufacturing",
  ],
  highTechNote: [
    "Theo danh mục mẫu các lớp VSIC công nghệ cao",
    "By a sample list of high-tech VSIC classes",
  ],
  share: ["Tỷ trọng (%)", "Share (%)"],
  code: ["Mã", "Code"],
  name: ["Tên", "Name"],
  sum: ["Cộng", "Sum"],
  roundingNote: [
    "Tỷ trọng được lưu không làm tròn và cộng lại đúng 100%; trên màn hình làm tròn 2 chữ số thập phân nên các số hiển thị có thể cộng lại lệch 100 một chút (ví dụ 99,99 hoặc 100,01). Số xuất ra không làm tròn.",
    "Shares are stored unrounded and add up to exactly 100%; on screen they are rounded to 2 decimals, so the figures shown may add up to slightly more or less than 100 (99.99 or 100.01, say). Exports are not rounded.",
  ],
  exportAll: ["Xuất cả ba bảng", "Export all three tables"],
} as const satisfies Record<string, readonly [string, string]>;

export type ExplorerTextKey = keyof typeof TEXT;

const LABELS: Record<string, Record<string, readonly [string, string]>> = {
  ownership: {
    all: ["Tất cả", "All"],
    state: ["Nhà nước", "State"],
    non_state: ["Ngoài nhà nước", "Non-state"],
    foreign: ["Có vốn đầu tư nước ngoài", "Foreign-invested"],
  },
  level: {
    total: ["Toàn ngành công nghiệp", "All industry"],
    section: ["Ngành cấp 1 (B–E)", "Section (B–E)"],
    division: ["Ngành cấp 2 (2 số)", "Division (2 digits)"],
    class: ["Ngành cấp 4 (4 số)", "Class (4 digits)"],
  },
  measure: {
    index: ["Chỉ số so với năm gốc (năm gốc = 100)", "Index, base year = 100"],
    vs_same_month: ["So với cùng tháng năm trước (%)", "Against the same month last year (%)"],
    vs_previous_month: ["So với tháng trước (%)", "Against the previous month (%)"],
    year_to_date: ["Cộng dồn từ đầu năm so với cùng kỳ (%)", "Year to date against the same period (%)"],
  },
  contributionLevel: {
    section: ["Ngành cấp 1", "Section"],
    division: ["Ngành cấp 2", "Division"],
  },
};

export type ExplorerText = FeatureText<ExplorerTextKey>;
export function useExplorerText(): ExplorerText {
  return useFeatureText(TEXT, LABELS);
}
