/** Environmental calculators for inspectors and integrators (no storage). */
import { AppError } from "../../platform/errors.ts";
import { AqiInputError, type AqiResult, dailyAqi, hourlyAqi } from "./aqi.ts";
import type { AqiRequest, LimitRequest } from "./environment.schemas.ts";
import { limitTables } from "./limit-tables.ts";
import { ambientLimit, ambientVerdict, columnVerdict, type Verdict } from "./limits.ts";

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

function unknownParameter(field: string, value: string, known: string[]): AppError {
  const text = {
    vi: `Không có "${value}" trong bảng. Có: ${known.join(", ")}.`,
    en: `"${value}" is not in the table. Known: ${known.join(", ")}.`,
  };
  return new AppError("environment.limit_unknown", 422, text, [
    { code: "environment.limit_unknown", field, message: text },
  ]);
}

/** The limit in force for a value and whether it is exceeded, with the permit's coefficients applied. */
export async function evaluateLimit(
  request: LimitRequest,
  today = new Date().toISOString().slice(0, 10),
): Promise<Verdict & { regulation: string; parameter: string; unit: string; factor: number }> {
  const tables = await limitTables();
  const base = { regulation: request.regulation, parameter: request.parameter };
  if (request.regulation === "QCVN05:2023") {
    const averaging = request.averaging ?? "24h";
    const row = ambientLimit(tables.ambient, request.parameter, averaging, request.on ?? today);
    if (!row) {
      const known = [...new Set(tables.ambient.map((r) => `${r.parameter} ${r.averaging}`))];
      throw unknownParameter("parameter", `${request.parameter} ${averaging}`, known);
    }
    return { ...base, unit: row.unit, factor: 1, ...ambientVerdict(row, request.value) };
  }
  const water = request.regulation === "QCVN40:2011";
  const rows = water ? tables.wastewater : tables.emission;
  const row = rows.find((r) => r.parameter === request.parameter || r.parameterVi === request.parameter);
  if (!row)
    throw unknownParameter(
      "parameter",
      request.parameter,
      rows.map((r) => r.parameter),
    );
  const k = request.coefficients;
  const factor = water ? (k.Kq ?? 1) * (k.Kf ?? 1) : (k.Kp ?? 1) * (k.Kv ?? 1);
  const column = request.column ?? "B";
  const verdict = columnVerdict(row, column, request.value, factor);
  if (!verdict) throw unknownParameter("column", `${request.parameter} / ${column}`, ["A", "B"]);
  return { ...base, unit: row.unit, factor, ...verdict };
}
