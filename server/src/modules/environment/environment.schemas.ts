import { z } from "zod";

const concentration = z.number().min(0).max(1_000_000).describe("µg/m³");
const hourlySeries = z
  .array(concentration.nullable())
  .min(1)
  .max(12)
  .describe("Tối đa 12 giá trị trung bình 1 giờ, mới nhất trước / up to 12 hourly means, latest first");

export const aqiRequest = z.object({
  period: z.enum(["hour", "day"]).describe("hour: AQI giờ (NowCast cho bụi); day: AQI ngày"),
  concentrations: z
    .object({
      O3: concentration.optional().describe("hour: TB 1 giờ; day: TB 1 giờ lớn nhất trong ngày"),
      O3_8h: concentration.optional().describe("day: TB 8 giờ lớn nhất trong ngày"),
      CO: concentration.optional(),
      SO2: concentration.optional(),
      NO2: concentration.optional(),
      PM10: z
        .union([concentration, hourlySeries])
        .optional()
        .describe("hour: một giá trị hoặc chuỗi 12 giờ; day: TB 24 giờ"),
      "PM2.5": z
        .union([concentration, hourlySeries])
        .optional()
        .describe("hour: một giá trị hoặc chuỗi 12 giờ; day: TB 24 giờ"),
    })
    .describe("µg/m³, kể cả CO / µg/m³ for every pollutant, CO included"),
});
export type AqiRequest = z.infer<typeof aqiRequest>;

export const aqiAnswer = z.object({
  aqi: z.number().int(),
  subIndices: z.record(z.string(), z.number().int()),
  dominant: z.string().describe("Thông số có AQI cao nhất / the parameter with the highest sub-index"),
  category: z.object({
    level: z.number().int(),
    vi: z.string(),
    en: z.string().describe("unofficial English name"),
    colour: z.string(),
    rgb: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  }),
  method: z.string(),
});

const bound = z.union([z.number(), z.object({ min: z.number(), max: z.number() })]);

export const limitRequest = z.object({
  regulation: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{2,40}$/)
    .describe(
      "Mã bảng giới hạn: QCVN05:2023 không khí xung quanh; QCVN40:2011 nước thải; QCVN19:2009 khí thải (GET /api/v1/environment/limit-tables)",
    ),
  parameter: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe("Ký hiệu hoặc tên thông số trong bảng, ví dụ PM2.5, COD, PM hoặc Total dust"),
  value: z.number(),
  averaging: z.string().max(10).optional().describe("QCVN 05: 1h, 8h, 24h, annual"),
  on: z.iso.date().optional().describe("Ngày áp dụng (mặc định: hôm nay) / date the limit applies"),
  column: z
    .string()
    .regex(/^[A-Z]$/)
    .optional()
    .describe("QCVN 40/19: cột A hoặc B"),
  coefficients: z
    .object({
      Kq: z.number().positive().optional(),
      Kf: z.number().positive().optional(),
      Kp: z.number().positive().optional(),
      Kv: z.number().positive().optional(),
    })
    .default({})
    .describe("QCVN 40: Kq, Kf; QCVN 19: Kp, Kv (theo giấy phép của nguồn thải)"),
});
export type LimitRequest = z.infer<typeof limitRequest>;

export const limitAnswer = z.object({
  regulation: z.string(),
  parameter: z.string(),
  unit: z.string(),
  limit: bound,
  cmax: bound.describe("Giá trị tối đa cho phép sau hệ số / maximum allowed after coefficients"),
  factor: z.number(),
  exceeded: z.boolean(),
  ratio: z.number().nullable(),
  verified: z
    .boolean()
    .describe(
      "false: giá trị chép từ trí nhớ, chưa đối chiếu văn bản gốc / written from recall, not checked against the text",
    ),
});
