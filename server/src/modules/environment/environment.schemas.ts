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
