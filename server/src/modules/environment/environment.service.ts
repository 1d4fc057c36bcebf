/** Environmental calculators for inspectors and integrators (no storage). */
import { AppError } from "../../platform/errors.ts";
import { AqiInputError, type AqiResult, dailyAqi, hourlyAqi } from "./aqi.ts";
import type { AqiRequest } from "./environment.schemas.ts";

export const AQI_METHOD =
  "VN_AQI, Quyết định 1459/QĐ-TCMT ngày 12/11/2019; làm tròn nửa lên / rounded half up";

export function calculateAqi(request: AqiRequest): AqiResult & { method: string } {
  const c = request.concentrations;
  try {
    if (request.period === "hour") return { ...hourlyAqi(c), method: AQI_METHOD };
    const single = (v: number | ReadonlyArray<number | null> | undefined, field: string) => {
      if (v === undefined || typeof v === "number") return v;
      throw new AppError(
        "environment.daily_value_expected",
        422,
        {
          vi: `Với AQI ngày, "${field}" là một giá trị trung bình 24 giờ, không phải chuỗi.`,
          en: `For a daily AQI, "${field}" is one 24-hour mean, not a series.`,
        },
        [
          {
            code: "environment.daily_value_expected",
            field: `concentrations.${field}`,
            message: { vi: "Cần một giá trị.", en: "One value expected." },
          },
        ],
      );
    };
    return {
      ...dailyAqi({ ...c, PM10: single(c.PM10, "PM10"), "PM2.5": single(c["PM2.5"], "PM2.5") }),
      method: AQI_METHOD,
    };
  } catch (error) {
    if (!(error instanceof AqiInputError)) throw error;
    const text = {
      vi: "VN_AQI cần ít nhất một trong hai thông số PM10, PM2.5 (hoặc đủ 2 trong 3 giờ gần nhất cho NowCast).",
      en: "VN_AQI needs PM10 or PM2.5 (for NowCast, at least 2 of the latest 3 hours).",
    };
    throw new AppError("environment.pm_required", 422, text, [
      { code: "environment.pm_required", field: "concentrations", message: text },
    ]);
  }
}
