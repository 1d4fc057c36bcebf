/**
 * An indicator's totals over time, one line per territory on a time axis (period end). Where a period
 * has both an official figure and an estimate, the line follows the official one; every estimate is
 * also drawn as a hollow diamond so that estimates are never read as official.
 */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { formatNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { type StatValue, TERRITORIES } from "./api.ts";
import { formatPeriod } from "./period.ts";
import { formatQuantity } from "./quantity.ts";
import { type Text, useText } from "./text.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));

const PREFERENCE: Record<StatValue["status"], number> = {
  official: 0,
  computed: 1,
  synthetic: 2,
  estimate: 3,
};
const COLOURS: Record<StatValue["territory"], string> = { city: "#0b5cad", east: "#0f766e", west: "#b45309" };

/** One value per period: the official one when a period has several. */
export function preferredByPeriod(values: StatValue[]): StatValue[] {
  const best = new Map<string, StatValue>();
  for (const v of values) {
    const old = best.get(v.period);
    if (!old || PREFERENCE[v.status] < PREFERENCE[old.status]) best.set(v.period, v);
  }
  return [...best.values()].sort((a, b) => a.period_end.localeCompare(b.period_end));
}

interface Point {
  value: [string, number];
  name: string;
  status: string;
  symbol?: string;
  symbolSize?: number;
}

function point(v: StatValue, lang: Lang, text: Text): Point {
  const p: Point = {
    value: [v.period_end, v.value],
    name: formatPeriod(v.period, lang),
    status: text.label("status", v.status),
  };
  if (v.status === "estimate") Object.assign(p, { symbol: "emptyDiamond", symbolSize: 12 });
  return p;
}

function chartOption(values: StatValue[], unit: string, lang: Lang, text: Text): ChartOption {
  const territories = TERRITORIES.filter((t) => values.some((v) => v.territory === t));
  const estimates = values.filter((v) => v.status === "estimate");
  const lines = territories.map((t) => ({
    name: text.label("territory", t),
    type: "line",
    color: COLOURS[t],
    symbolSize: 8,
    // Every point is marked: an estimate must stay visible even where points crowd.
    showAllSymbol: true,
    data: preferredByPeriod(values.filter((v) => v.territory === t)).map((v) => point(v, lang, text)),
  }));
  const marks = estimates.length
    ? [
        {
          name: text.x("estimates"),
          type: "line",
          color: "#6b7280",
          lineStyle: { opacity: 0 },
          symbol: "emptyDiamond",
          symbolSize: 12,
          data: estimates.map((v) => point(v, lang, text)),
        },
      ]
    : [];
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { seriesName: string; data: Point }) =>
        `${p.seriesName}<br/>${p.data.name}: <b>${formatQuantity(p.data.value[1], unit, lang, text)}</b> (${p.data.status})`,
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: "time", axisLabel: { formatter: "{yyyy}" } },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => `${formatNumber(v, lang, 2)}${unit === "%" ? "%" : ""}` },
      name: unit === "%" ? undefined : text.label("unit", unit),
      nameTextStyle: { align: "left" },
    },
    series: [...lines, ...marks],
  };
}

export function ValuesChart({ values, unit }: { values: StatValue[]; unit: string }) {
  const { lang } = useI18n();
  const text = useText();
  const option = useMemo(() => chartOption(values, unit, lang, text), [values, unit, lang, text]);
  const title = text.x("chartTitle");
  return (
    <figure className="card" data-testid="values-chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 320 }} />}>
        <Chart option={option} label={title} height={320} />
      </Suspense>
      <p className="source">{text.x("chartNote")}</p>
    </figure>
  );
}
