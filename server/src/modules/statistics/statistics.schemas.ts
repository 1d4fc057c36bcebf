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
