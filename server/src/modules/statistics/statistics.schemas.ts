import { z } from "zod";

const positive = z.number().positive().max(1e15);

export const basketItem = z.object({
  product: z.string().trim().min(1).max(60),
  vsic: z.string().regex(/^\d{4}$/, "lớp VSIC 4 chữ số / a 4-digit VSIC class"),
  base_quantity: positive.describe("Bình quân tháng năm gốc / the base year's monthly average"),
  current_quantity: z.number().min(0).max(1e15),
  previous_quantity: z
    .number()
    .min(0)
    .max(1e15)
    .optional()
    .describe("Kỳ so sánh (cùng kỳ năm trước hoặc tháng trước), để tính đóng góp / the comparison period"),
  weight: positive.describe("Giá trị sản xuất năm gốc của sản phẩm / the product's base-year output value"),
});

export const iipCalculation = z.object({
  items: z.array(basketItem).min(1).max(20_000),
  class_weights: z
    .record(z.string().regex(/^\d{4}$/), positive)
    .describe("Giá trị tăng thêm năm gốc của từng lớp VSIC / base-year value added per VSIC class"),
});
export type IipCalculation = z.infer<typeof iipCalculation>;

const level = z.object({
  code: z.string(),
  index: z.number(),
  weight: z.number(),
  previous_index: z.number().nullable(),
  contribution_points: z
    .number()
    .nullable()
    .describe(
      "Đóng góp vào tăng trưởng chung (điểm phần trăm) / contribution to total growth, percentage points",
    ),
});
export const iipResult = z.object({
  products: z.array(
    z.object({
      product: z.string(),
      vsic: z.string(),
      relative: z.number(),
      previous_relative: z.number().nullable(),
    }),
  ),
  classes: z.array(level),
  divisions: z.array(level),
  sections: z.array(level),
  total: z.number(),
  previous_total: z.number().nullable(),
  growth: z.number().nullable().describe("% so với kỳ so sánh / % against the comparison period"),
});
export type IipOutput = z.infer<typeof iipResult>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
const territory = z.enum(["city", "east", "west"]).default("city");
const ownership = z.enum(["all", "state", "non_state", "foreign"]).default("all");

const baseCode = z
  .string()
  .regex(/^[0-9A-Za-z_-]{2,20}$/)
  .optional()
  .describe("Gốc so sánh (mặc định gốc mới nhất) / reference base (default: the newest)");
const tableFormat = z.enum(["csv", "xlsx", "sdmx"]).default("csv").describe("csv | xlsx | sdmx");

export const seriesQuery = z.object({
  base: baseCode,
  territory,
  ownership,
  level: z.enum(["total", "section", "division", "class"]).default("total"),
  code: z
    .string()
    .max(4)
    .default("")
    .describe("Mã ngành cấp 1 (B–E), 2 chữ số, 4 chữ số; trống cho toàn ngành"),
  from: yearMonth,
  to: yearMonth,
});
export const seriesResult = z.object({
  base: z.object({ code: z.string(), base_year: z.number().int() }).nullable(),
  points: z.array(
    z.object({
      month: z.string(),
      index: z.number().describe("So với năm gốc (= 100) / against the base year"),
      computed_on: z
        .string()
        .describe(
          "Gốc đã dùng để tính tháng này (nối chuỗi khi khác gốc so sánh) / base the month was computed on",
        ),
      vs_same_month: z
        .number()
        .nullable()
        .describe("So với cùng tháng năm trước (%) / against the same month last year"),
      vs_previous_month: z
        .number()
        .nullable()
        .describe("So với tháng trước (%) / against the previous month"),
      year_to_date: z
        .number()
        .nullable()
        .describe("Cộng dồn so với cùng kỳ (%) / year to date against the same period"),
    }),
  ),
});
export const seriesExportQuery = seriesQuery.extend({
  format: tableFormat,
  sort: z
    .string()
    .regex(
      /^-?(month|index|vs_same_month|vs_previous_month|year_to_date)$/,
      "month | index | vs_same_month | vs_previous_month | year_to_date, - for descending",
    )
    .optional()
    .describe(
      "Thứ tự như bảng trên màn hình (mặc định theo tháng tăng dần) / order as on screen (default: month ascending)",
    ),
});
export const basesResult = z.array(
  z.object({
    code: z.string(),
    base_year: z.number().int(),
    valid_from: z.string(),
    note: z.string().nullable(),
    holds_from: z.string().nullable().describe("Tháng đầu tính theo gốc này / first month on this base"),
    holds_to: z.string().nullable().describe("Tháng cuối tính theo gốc này / last month on this base"),
    current: z.boolean(),
  }),
);
export const contributionsQuery = z.object({
  base: baseCode,
  territory,
  ownership,
  level: z.enum(["section", "division"]).default("section"),
  month: yearMonth,
});
export const contributionsResult = z.array(z.object({ code: z.string(), points: z.number() }));
export const contributionsExportQuery = contributionsQuery.extend({ format: tableFormat });
export const recomputeInput = z.object({
  all: z
    .boolean()
    .default(false)
    .describe("Tính lại mọi tháng (mặc định: các tháng có điều chỉnh) / every month"),
});
export const recomputeResult = z.object({
  months: z.number().int(),
  rows: z.number().int(),
  ms: z.number(),
  indicator_values: z
    .number()
    .int()
    .nullable()
    .describe("Số giá trị chỉ tiêu tính lại từ báo cáo / indicator values recomputed from the reports"),
});
export const baseInput = z.object({
  code: z.string().regex(/^[0-9A-Za-z_-]{2,20}$/),
  base_year: z.number().int().min(2000).max(2100),
  product_weights: z.record(z.string().regex(/^\d{4}\.\d{2,3}$/), z.number().positive()),
  class_weights: z.record(z.string().regex(/^\d{4}$/), z.number().positive()),
  note: z.string().max(1000).nullable().default(null),
});

export const structureQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  territory,
});
export const structureExportQuery = structureQuery.extend({ format: tableFormat });
const share = z.object({
  code: z.string(),
  value: z.number(),
  share: z.number().describe("% của tổng, chưa làm tròn / % of the total, unrounded"),
});
export const structureResult = z
  .object({
    year: z.number().int(),
    territory: z.string(),
    base: z.string().describe("Giá năm gốc / at the base year's prices"),
    total_value: z.number(),
    by_ownership: z.array(share),
    ownership_sum: z
      .number()
      .describe("Tổng các tỷ trọng theo loại hình (= 100) / sum of the ownership shares (= 100)"),
    by_section: z.array(share),
    by_division: z.array(share),
    high_tech_share_manufacturing: z.number().nullable(),
  })
  .nullable();
