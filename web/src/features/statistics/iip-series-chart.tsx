/**
 * The monthly IIP as a line, one measure at a time (every measure is an index whose comparison is 100,
 * drawn as a line across). The month whose contributions are shown is marked; a click anywhere
 * above a month chooses it.
 */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { formatNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { type ExplorerText, useExplorerText } from "./explorer-text.ts";
import { fixed } from "./figures.ts";
import type { SeriesPoint } from "./iip-api.ts";
import { longMonth, MEASURES, type Measure, shortMonth } from "./iip-params.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));
const HEIGHT = 340;

function chartOption(
  points: readonly SeriesPoint[],
  measure: Measure,
  selected: string | undefined,
  lang: Lang,
  text: ExplorerText,
): ChartOption {
  const name = text.label("measure", measure);
  return {
    tooltip: {
      trigger: "axis",
      formatter: (items: Array<{ dataIndex: number; value: number | null }>) => {
        const p = points[items[0]?.dataIndex ?? -1];
        const v = items[0]?.value;
        return p ? `${longMonth(p.month, lang)}<br/>${name}: <b>${fixed(v, lang)}</b>` : "";
      },
    },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: points.map((p) => shortMonth(p.month)),
      boundaryGap: false,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: "value", scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, lang, 2) } },
    series: [
      {
        name,
        type: "line",
        color: "#0b5cad",
        symbolSize: 7,
        connectNulls: false,
        data: points.map((p) => p[measure]),
        markLine: {
          silent: true,
          symbol: "none",
          label: { formatter: (m: { value: number | string }) => String(m.value) },
          data: [
            { yAxis: 100, lineStyle: { color: "#6b7280", type: "dashed" } },
            ...(selected && points.some((p) => p.month === selected)
              ? [{ xAxis: shortMonth(selected), lineStyle: { color: "#b45309", width: 2, type: "solid" } }]
              : []),
          ],
        },
      },
    ],
  };
}

export function IipSeriesChart(props: {
  points: readonly SeriesPoint[];
  measure: Measure;
  baseYear: number;
  selected: string | undefined;
  subtitle: string;
  onMeasure: (measure: string) => void;
  onPick: (month: string) => void;
}) {
  const { lang } = useI18n();
  const text = useExplorerText();
  const { points, measure, selected, onPick } = props;
  const option = useMemo(
    () => chartOption(points, measure, selected, lang, text),
    [points, measure, selected, lang, text],
  );
  // A click beside the plot picks the nearest end.
  const pick = (index: number) => {
    const p = points[Math.min(Math.max(index, 0), points.length - 1)];
    if (p) onPick(p.month);
  };
  const title = text.label("measure", measure);
  return (
    <figure className="card" data-testid="iip-series-chart">
      <figcaption className="chart-head">
        <div>
          <h3>{title}</h3>
          <p className="muted small">
            <span className="base-note" data-testid="iip-base">
              {text.x("baseYear")} {props.baseYear} = 100
            </span>{" "}
            · {props.subtitle}
          </p>
        </div>
        <label htmlFor="iip-measure" className="chart-choice">
          <span>{text.x("measure")}</span>
          <select id="iip-measure" value={measure} onChange={(ev) => props.onMeasure(ev.target.value)}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {text.label("measure", m)}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <Suspense fallback={<div style={{ height: HEIGHT }} />}>
        <Chart option={option} label={`${title}. ${props.subtitle}`} height={HEIGHT} onAxisClick={pick} />
      </Suspense>
      <p className="source">{text.x("chartHint")}</p>
    </figure>
  );
}
