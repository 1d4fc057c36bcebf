/**
 * Exports of the IIP series, the contributions and the structure: CSV and XLSX with the same
 * columns in the client's language, and SDMX-CSV. A value computed from synthetic (demo) reports is
 * marked I (imputed) in SDMX, else A.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/database.ts";
import { type Column, sendExport } from "../../http/export.ts";
import { pickLang } from "../../platform/lang.ts";
import { addMonths } from "../../platform/time.ts";
import * as repo from "./iip.repository.ts";
import type * as iipSeries from "./iip-series.service.ts";
import { OWNERSHIP_CODE, type SdmxObservation, sdmxBreakdown, sdmxCsv } from "./sdmx.ts";
import type * as structure from "./structure.service.ts";

type Format = "csv" | "xlsx" | "sdmx";

/** "YYYY-MM" moved by `n` months. */
const shiftMonth = (month: string, n: number): string => addMonths(`${month}-01`, n).slice(0, 7);

async function sendTable<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  options: {
    format: Format;
    fileName: string;
    columns: readonly Column<T>[];
    rows: readonly T[];
    sdmx: () => SdmxObservation[];
  },
) {
  if (options.format === "sdmx")
    return reply
      .header("content-type", "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8")
      .header("content-disposition", `attachment; filename="${options.fileName}.sdmx.csv"`)
      .send(sdmxCsv(options.sdmx()));
  return sendExport(reply, {
    ...options,
    format: options.format,
    lang: pickLang(req.headers["accept-language"]),
  });
}

type SeriesPoint = Awaited<ReturnType<typeof iipSeries.series>>["points"][number];
const seriesColumns: Column<SeriesPoint>[] = [
  { key: "month", vi: "Tháng", en: "Month", value: (p) => p.month },
  { key: "index", vi: "Chỉ số so với năm gốc", en: "Index on the base year", value: (p) => p.index },
  {
    key: "vs_same_month",
    vi: "So với cùng tháng năm trước (%)",
    en: "Against the same month last year (%)",
    value: (p) => p.vs_same_month,
  },
  {
    key: "vs_previous_month",
    vi: "So với tháng trước (%)",
    en: "Against the previous month (%)",
    value: (p) => p.vs_previous_month,
  },
  {
    key: "year_to_date",
    vi: "Cộng dồn so với cùng kỳ (%)",
    en: "Year to date against the same period (%)",
    value: (p) => p.year_to_date,
  },
  { key: "computed_on", vi: "Tính theo gốc", en: "Computed on base", value: (p) => p.computed_on },
];

const breakdownOf = (q: { ownership: string; level: string; code?: string }) =>
  sdmxBreakdown([
    ["ownership", q.ownership === "all" ? null : (OWNERSHIP_CODE[q.ownership] ?? q.ownership)],
    ["industry", q.level === "total" ? null : (q.code ?? null)],
  ]);

export async function sendSeries(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  query: iipSeries.SeriesQuery & { format: Format; sort?: string | undefined },
  result: Awaited<ReturnType<typeof iipSeries.series>>,
) {
  // In the table's order when one is given (empty figures last), else by month.
  if (query.sort) {
    const key = query.sort.replace(/^-/, "") as
      | "month"
      | "index"
      | "vs_same_month"
      | "vs_previous_month"
      | "year_to_date";
    const sign = query.sort.startsWith("-") ? -1 : 1;
    result.points.sort((a, b) => {
      const [x, y] = [a[key], b[key]];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * (x < y ? -1 : x > y ? 1 : 0);
    });
  }
  const synthetic = await repo.syntheticMonths(
    db,
    result.points.flatMap((p) => [p.month, shiftMonth(p.month, -1), shiftMonth(p.month, -12)]),
  );
  const baseYear = result.base?.base_year ?? "";
  return sendTable(req, reply, {
    format: query.format,
    fileName: `iip-${query.territory}-${query.ownership}-${query.level}${query.code ? `-${query.code}` : ""}`,
    columns: seriesColumns,
    rows: result.points,
    sdmx: () =>
      result.points.flatMap((p) =>
        (
          [
            [`IIP_B${baseYear}`, p.index],
            ["IIP_YOY", p.vs_same_month],
            ["IIP_MOM", p.vs_previous_month],
            ["IIP_YTD", p.year_to_date],
          ] as const
        ).flatMap(([indicator, value]) =>
          value === null
            ? []
            : [
                {
                  area: query.territory,
                  indicator,
                  breakdown: breakdownOf(query),
                  period: p.month,
                  value,
                  unit: "IX",
                  // A growth also rests on the month it is compared with.
                  status: [p.month, shiftMonth(p.month, -1), shiftMonth(p.month, -12)].some((m) =>
                    synthetic.has(m),
                  )
                    ? ("I" as const)
                    : ("A" as const),
                },
              ],
        ),
      ),
  });
}

type Contribution = { code: string; points: number };
export async function sendContributions(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  query: { territory: string; ownership: string; level: string; month: string; format: Format },
  rows: readonly Contribution[],
) {
  const synthetic = await repo.syntheticMonths(db, [query.month, shiftMonth(query.month, -12)]);
  return sendTable(req, reply, {
    format: query.format,
    fileName: `iip-dong-gop-${query.month}-${query.level}`,
    columns: [
      { key: "month", vi: "Tháng", en: "Month", value: () => query.month },
      { key: "code", vi: "Mã ngành", en: "Industry code", value: (r: Contribution) => r.code },
      {
        key: "points",
        vi: "Đóng góp (điểm %)",
        en: "Contribution (percentage points)",
        value: (r: Contribution) => r.points,
      },
    ],
    rows,
    sdmx: () =>
      rows.map((r) => ({
        area: query.territory,
        indicator: "IIP_YOY_CONTRIBUTION",
        breakdown: breakdownOf({ ownership: query.ownership, level: query.level, code: r.code }),
        period: query.month,
        value: r.points,
        unit: "PP",
        status: [query.month, shiftMonth(query.month, -12)].some((m) => synthetic.has(m))
          ? ("I" as const)
          : ("A" as const),
      })),
  });
}

type StructureRow = { dimension: string; code: string; value: number | null; share: number };
export async function sendStructure(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  query: { year: number; territory: string; format: Format },
  result: Awaited<ReturnType<typeof structure.structure>>,
) {
  const year = Array.from({ length: 12 }, (_, k) => `${query.year}-${String(k + 1).padStart(2, "0")}`);
  const synthetic = (await repo.syntheticMonths(db, year)).size > 0;
  const rows: StructureRow[] = result
    ? [
        ...result.by_ownership.map((s) => ({ dimension: "ownership", ...s })),
        ...result.by_section.map((s) => ({ dimension: "section", ...s })),
        ...result.by_division.map((s) => ({ dimension: "division", ...s })),
        ...(result.high_tech_share_manufacturing === null
          ? []
          : [
              {
                dimension: "high_tech_manufacturing",
                code: "C",
                value: null,
                share: result.high_tech_share_manufacturing,
              },
            ]),
      ]
    : [];
  return sendTable(req, reply, {
    format: query.format,
    fileName: `co-cau-gtsx-${query.year}-${query.territory}`,
    columns: [
      { key: "year", vi: "Năm", en: "Year", value: () => query.year },
      { key: "dimension", vi: "Chiều phân tổ", en: "Breakdown", value: (r: StructureRow) => r.dimension },
      { key: "code", vi: "Mã", en: "Code", value: (r: StructureRow) => r.code },
      {
        key: "value",
        vi: "Giá trị (giá năm gốc)",
        en: "Value (base-year prices)",
        value: (r: StructureRow) => r.value,
      },
      { key: "share", vi: "Tỷ trọng (%)", en: "Share (%)", value: (r: StructureRow) => r.share },
    ],
    rows,
    sdmx: () =>
      rows.map((r) => ({
        area: query.territory,
        indicator:
          r.dimension === "high_tech_manufacturing"
            ? "HIGH_TECH_SHARE_MANUFACTURING"
            : "PRODUCTION_VALUE_SHARE",
        breakdown:
          r.dimension === "high_tech_manufacturing"
            ? "_T"
            : r.dimension === "ownership"
              ? sdmxBreakdown([["ownership", OWNERSHIP_CODE[r.code] ?? r.code]])
              : sdmxBreakdown([["industry", r.code]]),
        period: String(query.year),
        value: r.share,
        unit: "PT",
        status: synthetic ? ("I" as const) : ("A" as const),
      })),
  });
}
