import type { Column } from "../../http/export.ts";
import type { Product, Production } from "./production.schemas.ts";

export const productColumns: Column<Product>[] = [
  { key: "code", vi: "Mã sản phẩm", en: "Product code", value: (p) => p.code },
  { key: "vsic_class", vi: "Mã ngành VSIC", en: "VSIC class", value: (p) => p.vsic_class },
  { key: "name_vi", vi: "Tên sản phẩm", en: "Name (Vietnamese)", value: (p) => p.name_vi },
  { key: "name_en", vi: "Tên tiếng Anh", en: "Name (English)", value: (p) => p.name_en },
  { key: "unit", vi: "Đơn vị tính", en: "Unit", value: (p) => p.unit },
];

export const productionColumns: Column<Production>[] = [
  { key: "enterprise_tax_code", vi: "Mã số thuế", en: "Tax code", value: (r) => r.enterprise_tax_code },
  { key: "month", vi: "Tháng", en: "Month", value: (r) => r.month },
  { key: "product_code", vi: "Mã sản phẩm", en: "Product code", value: (r) => r.product_code },
  { key: "product_name", vi: "Sản phẩm", en: "Product", value: (r) => r.product_name },
  { key: "quantity", vi: "Sản lượng", en: "Quantity", value: (r) => r.quantity },
  { key: "unit", vi: "Đơn vị tính", en: "Unit", value: (r) => r.unit },
  { key: "status", vi: "Tình trạng", en: "Status", value: (r) => r.status },
  { key: "flags", vi: "Cảnh báo", en: "Flags", value: (r) => r.flags.map((f) => f.vi) },
  { key: "revision", vi: "Lần điều chỉnh", en: "Revision", value: (r) => r.revision },
  { key: "submitted_at", vi: "Thời điểm nộp", en: "Submitted at", value: (r) => r.submitted_at },
];
