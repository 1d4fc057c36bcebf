import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { textSearch } from "../shared-schemas.ts";

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");

export const productFilter = z.object({
  q: textSearch,
  vsic: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe("Mã VSIC (tiền tố) / VSIC code prefix"),
});
export type ProductFilter = z.infer<typeof productFilter>;
const productQueries = listQueries(
  productFilter,
  ["code", "vsic_class", "name_vi"] as const,
  "code",
  exportFormat,
);
export const productListQuery = productQueries.list;
export const productExportQuery = productQueries.export;
export const product = z.object({
  code: z.string(),
  vsic_class: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  unit: z.string(),
  units: z.array(z.string()).describe("Đơn vị được chấp nhận (quy đổi) / accepted units (converted)"),
});
export type Product = z.infer<typeof product>;

export const productionLine = z.object({
  product: z.string().max(10),
  quantity: z.number().min(0).max(1e15),
  unit: z.string().trim().min(1).max(20),
});
export const productionInput = z.object({
  tax_code: z.string().trim().min(10).max(14),
  month: yearMonth,
  lines: z.array(productionLine).min(1).max(500),
});
export type ProductionInput = z.infer<typeof productionInput>;

export const productionStatus = z
  .enum(["submitted", "flagged", "confirmed"])
  .describe(
    "submitted: đã nhận; flagged: cần xem (biến động bất thường); confirmed: thống kê viên đã xác nhận",
  );
export const productionFilter = z.object({
  q: textSearch,
  enterprise: z.string().max(14).optional(),
  product: z.string().max(10).optional(),
  vsic: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  status: productionStatus.optional(),
  from: yearMonth.optional().describe("Từ tháng / from month"),
  to: yearMonth.optional().describe("Đến tháng / to month"),
});
export type ProductionFilter = z.infer<typeof productionFilter>;
const productionQueries = listQueries(
  productionFilter,
  ["month", "submitted_at", "quantity"] as const,
  "-month",
  exportFormat,
);
export const productionListQuery = productionQueries.list;
export const productionExportQuery = productionQueries.export;

const flag = z.object({
  field: z.string(),
  vi: z.string(),
  en: z.string(),
  median: z.number().optional().describe("Trung vị dùng để so / the median judged against"),
  months: z.number().int().optional().describe("Số tháng của trung vị / months in the median"),
});
export const production = z.object({
  id: z.number().int(),
  enterprise_tax_code: z.string(),
  product_code: z.string(),
  product_name: z.string(),
  vsic_class: z.string(),
  unit: z.string(),
  month: z.string().describe("YYYY-MM"),
  quantity: z.number(),
  status: productionStatus,
  flags: z.array(flag),
  revision: z.number().int(),
  channel: z.string(),
  submitted_at: z.string(),
  submitted_by: z.string().nullable(),
  reviewed_by: z.string().nullable(),
  review_note: z.string().nullable(),
  is_synthetic: z.boolean(),
});
export type Production = z.infer<typeof production>;
export const productionHistory = production.extend({
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      quantity: z.number(),
      status: z.string(),
      submitted_at: z.string(),
      submitted_by: z.string().nullable(),
      replaced_by: z.string().nullable(),
    }),
  ),
});
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const confirmInput = z.object({ note: z.string().trim().min(1).max(2000).optional() });
