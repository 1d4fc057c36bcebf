import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { pageQuery } from "../../http/paging.ts";

export const era = z
  .enum(["2025", "pre2025"])
  .default("2025")
  .describe("2025: sau sắp xếp 01/07/2025 / after the reform; pre2025: trước đó / before");

export const unitFilter = z.object({
  era,
  level: z.enum(["province", "district", "commune"]).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe("Mã tỉnh / province code, e.g. 31"),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Tìm theo tên (không dấu) hoặc mã / name (accent-insensitive) or code"),
});

export const unit = z.object({
  era: z.enum(["2025", "pre2025"]),
  code: z.string(),
  level: z.enum(["province", "district", "commune"]),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  parent_code: z.string().nullable(),
  name: z.string(),
  name_en: z.string().nullable(),
  full_name: z.string(),
  full_name_en: z.string().nullable(),
  unit_type: z.string(),
  unit_type_en: z.string().nullable(),
  area_km2: z.number().nullable(),
});

export const unitDetail = unit.extend({
  successors: z.array(z.object({ code: z.string(), full_name: z.string(), merge_type: z.string() })),
  predecessors: z.array(
    z.object({
      code: z.string(),
      full_name: z.string().nullable(),
      old_district_code: z.string(),
      old_province_code: z.string(),
      merge_type: z.string(),
    }),
  ),
});

export const vsicFilter = z.object({
  version: z.enum(["2025"]).default("2025").describe("Phiên bản VSIC / classification version"),
  q: z.string().max(200).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  parent: z.string().max(10).optional(),
  section: z.string().max(1).optional(),
});

export const vsicCode = z.object({
  version: z.string(),
  code: z.string(),
  level: z.number().int(),
  parent_code: z.string().nullable(),
  section: z.string(),
  name_vi: z.string(),
});

export interface VsicNodeOut {
  code: string;
  level: number;
  name_vi: string;
  children: VsicNodeOut[];
}
// Recursive: registered by id so that OpenAPI refers to it as #/components/schemas/VsicNode.
export const vsicNode: z.ZodType<VsicNodeOut> = z
  .object({
    code: z.string(),
    level: z.number().int(),
    name_vi: z.string(),
    get children(): z.ZodArray<z.ZodType<VsicNodeOut>> {
      return z.array(vsicNode);
    },
  })
  .meta({ id: "VsicNode" });

export const country = z.object({
  alpha2: z.string(),
  alpha3: z.string(),
  numeric_code: z.string(),
  name_en: z.string(),
  name_vi: z.string(),
});

export const source = z.object({
  code: z.string(),
  kind: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  published_on: z.string().nullable(),
});

export const taxCodeAnswer = z.object({
  input: z.string(),
  well_formed: z.boolean(),
  normalized: z.string().nullable(),
  problem: z.enum(["format", "check_digit", "branch_suffix"]).nullable(),
  message: z.string(),
  registered: z.boolean(),
  enterprise: z.object({ tax_code: z.string(), name_vi: z.string(), status: z.string() }).nullable(),
});

export { exportFormat, pageQuery };

export type Unit = z.infer<typeof unit>;
export type UnitDetail = z.infer<typeof unitDetail>;
export type VsicCode = z.infer<typeof vsicCode>;

export const publishedSeries = z.object({
  indicator: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  unit: z.string(),
  points: z.array(z.object({ period: z.string(), value: z.number() })),
  source: z
    .object({
      code: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      url: z.string().nullable(),
      published_on: z.string().nullable(),
    })
    .nullable(),
});
