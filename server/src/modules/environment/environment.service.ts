/** Environmental calculators for inspectors and integrators (no storage). */

import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { AqiInputError, type AqiResult, dailyAqi, hourlyAqi } from "./aqi.ts";
import type { AqiRequest, LimitRequest } from "./environment.schemas.ts";
import { limitSetOf } from "./limit-tables.ts";
import { factorOf, findLimit, rowMatches, type Verdict, verdict } from "./limits.ts";

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
  db: Db,
  request: LimitRequest,
  today = new Date().toISOString().slice(0, 10),
): Promise<Verdict & { regulation: string; parameter: string; unit: string; factor: number }> {
  const table = await limitSetOf(db, request.regulation);
  const rows = table.rows;
  const ambient = table.kind === "ambient";
  const query = {
    parameter: request.parameter,
    averaging: request.averaging ?? (ambient ? "24h" : "1h"),
    column: ambient ? "-" : (request.column ?? "B"),
    on: request.on ?? today,
  };
  const row = findLimit(rows, query);
  if (!row) {
    const name = (r: (typeof rows)[number]) =>
      r.parameterEn && r.parameterEn !== r.parameter ? `${r.parameter} (${r.parameterEn})` : r.parameter;
    const known = [...new Set(rows.map((r) => (ambient ? `${r.parameter} ${r.averaging}` : name(r))))];
    if (rows.some((r) => rowMatches(r, request.parameter) && r.averaging === query.averaging)) {
      throw unknownParameter("column", `${request.parameter} / ${query.column}`, ["A", "B"]);
    }
    throw unknownParameter(
      "parameter",
      `${request.parameter} ${ambient ? query.averaging : ""}`.trim(),
      known,
    );
  }
  const factor = factorOf(table.kind, request.coefficients);
  return {
    regulation: table.code,
    parameter: row.parameter,
    unit: row.unit,
    factor,
    ...verdict(row, request.value, factor),
  };
}
