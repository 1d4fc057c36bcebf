import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { communeCode, location, textSearch } from "../shared-schemas.ts";

export const stationKind = z
  .enum(["ambient_air", "wastewater", "stack_emission"])
  .describe("ambient_air: không khí xung quanh; wastewater: nước thải; stack_emission: khí thải ống khói");

export const stationCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "A–Z, 0–9, _ và -, 2–40 ký tự / A–Z, 0–9, _ and -, 2–40 characters");

export const codeParam = z.object({ code: stationCode });

const coefficients = z
  .object({
    Kq: z.number().positive().max(5).optional(),
    Kf: z.number().positive().max(5).optional(),
    Kp: z.number().positive().max(5).optional(),
    Kv: z.number().positive().max(5).optional(),
    O2_ref: z.number().min(0).max(21).optional(),
  })
  .strict()
  .describe("Nước thải: Kq, Kf; khí thải: Kp, Kv, O2 tham chiếu (%) — theo giấy phép môi trường");

const parameterInput = z.object({
  parameter: z.string().trim().min(1).max(40),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe("Mặc định theo danh mục thông số / default from the catalogue"),
});

export const stationInput = z.object({
  code: stationCode,
  name_vi: z.string().trim().min(2).max(200),
  name_en: z.string().trim().max(200).nullish(),
  kind: stationKind,
  zone_code: z.string().trim().max(30).nullish(),
  enterprise_tax_code: z.string().trim().max(20).nullish().describe("Chủ nguồn thải / owner (enterprise)"),
  commune_code: communeCode.nullish(),
  location: location.nullish(),
  limit_table: z.string().max(40).nullish().describe("Bảng giới hạn theo giấy phép, ví dụ QCVN40:2011"),
  limit_column: z
    .string()
    .regex(/^[A-Z]$/)
    .nullish()
    .describe("Cột A/B (QCVN 40, 19)"),
  coefficients: coefficients.default({}),
  interval_seconds: z.number().int().min(10).max(86_400).default(300),
  parameters: z.array(parameterInput).min(1).max(40),
});
export type StationInput = z.infer<typeof stationInput>;

export const stationPatch = stationInput
  .omit({ code: true, kind: true, parameters: true })
  .extend({
    status: z.enum(["active", "inactive"]),
    parameters: z
      .array(parameterInput)
      .min(1)
      .max(40)
      .describe("Thêm thông số; không xoá thông số đã có dữ liệu"),
  })
  .partial();
export type StationPatch = z.infer<typeof stationPatch>;

export const stationFilter = z.object({
  q: textSearch,
  kind: stationKind.optional(),
  zone: z.string().max(30).optional(),
  enterprise: z.string().max(20).optional().describe("Mã số thuế chủ nguồn thải / owner's tax code"),
  status: z.enum(["active", "inactive"]).optional(),
  silent: z.enum(["true", "false"]).optional().describe("Trạm mất tín hiệu / stations gone silent"),
  synthetic: z.enum(["true", "false"]).optional(),
});
export type StationFilter = z.infer<typeof stationFilter>;

export const stationSortFields = ["code", "name_vi", "kind", "last_reading_at", "aqi"] as const;
const stationQueries = listQueries(stationFilter, stationSortFields, "code", exportFormat);
export const stationListQuery = stationQueries.list;
export const stationExportQuery = stationQueries.export;

const aqiNow = z.object({
  aqi: z.number().int(),
  hour: z.string(),
  dominant: z.string(),
  category_vi: z.string(),
  category_en: z.string(),
  colour: z.string(),
});

export const station = z.object({
  code: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  kind: stationKind,
  zone_code: z.string().nullable(),
  zone_name: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  enterprise_name: z.string().nullable(),
  commune_code: z.string().nullable(),
  location: location.nullable(),
  limit_table: z.string().nullable(),
  limit_column: z.string().nullable(),
  coefficients,
  interval_seconds: z.number().int(),
  status: z.enum(["active", "inactive"]),
  parameters: z.array(z.object({ parameter: z.string(), unit: z.string() })),
  last_reading_at: z.string().nullable(),
  silent: z
    .boolean()
    .describe("Không nhận được số liệu quá 3 chu kỳ (ít nhất 15 phút) / nothing for 3 intervals (≥ 15 min)"),
  aqi: aqiNow.nullable(),
  has_credentials: z.boolean(),
  is_synthetic: z.boolean(),
});
export type Station = z.infer<typeof station>;

export const credentials = z.object({
  username: z.string(),
  password: z.string().describe("Chỉ hiện một lần / shown once"),
  topic: z.string(),
  datalogger_topic: z.string(),
});

export const seriesQuery = z.object({
  parameter: z.string().min(1).max(40),
  resolution: z.enum(["raw", "1h", "8h", "24h"]).default("1h"),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("Mặc định: 48 giờ trước / default: 48 hours ago"),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const series = z.object({
  station: z.string(),
  parameter: z.string(),
  unit: z.string(),
  resolution: z.string(),
  limit: z
    .object({ value: z.number(), table: z.string(), averaging: z.string(), verified: z.boolean() })
    .nullable()
    .describe(
      "Giới hạn áp dụng (sau hệ số) cho mức trung bình này / the limit for this averaging, after coefficients",
    ),
  points: z
    .array(z.tuple([z.string(), z.number(), z.number().int()]))
    .describe("[thời điểm, giá trị, trạng thái/số giờ]"),
});

export const healthQuery = z.object({ days: z.coerce.number().int().min(1).max(92).default(14) });
export const health = z.object({
  station: z.string(),
  interval_seconds: z.number().int(),
  days: z.array(
    z.object({
      date: z.string(),
      parameter: z.string(),
      expected: z.number().int(),
      received: z.number().int(),
      valid: z.number().int(),
      completeness: z.number(),
    }),
  ),
});

export const rejection = z.object({
  id: z.string(),
  received_at: z.string(),
  channel: z.string(),
  reason: z.string(),
  detail: z.string(),
  excerpt: z.string().nullable(),
});

export const aqiMapItem = z.object({
  code: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  zone_code: z.string().nullable(),
  location: location,
  silent: z.boolean(),
  aqi: aqiNow.nullable(),
});

export const aqiMapAnswer = z.object({ items: z.array(aqiMapItem) });
