/** Shares by ownership (state, non-state, foreign-invested) as one stacked bar per year (and territory). */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { formatNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { type StatValue, TERRITORIES } from "./api.ts";
import { formatPeriod } from "./period.ts";
import { type Text, useText } from "./text.ts";
import { preferredByPeriod } from "./values-chart.tsx";

const Chart = lazy(() => import("../../components/chart.tsx"));

const ORDER = ["state", "non_state", "fdi"];
const COLOURS: Record<string, string> = { state: "#b45309", non_state: "#0f766e", fdi: "#0b5cad" };

function chartOption(values: StatValue[], lang: Lang, text: Text): ChartOption {
  const territories = TERRITORIES.filter((t) => values.some((v) => v.territory === t));
  const codes = [...new Set(values.map((v) => v.breakdown_code))].sort(
    (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99),
  );
  // One bar per period and territory; the territory is named only when there are several.
  const bars = [...new Set(values.map((v) => `${v.period_end}|${v.period}|${v.territory}`))]
    .sort()
    .map((key) => {
      const [, period = "", territory = ""] = key.split("|");
      return { period, territory };
    })
    .sort((a, b) => TERRITORIES.indexOf(a.territory as never) - TERRITORIES.indexOf(b.territory as never));
  const name = (b: { period: string; territory: string }) =>
    formatPeriod(b.period, lang) +
    (territories.length > 1 ? `\n${text.label("territory", b.territory)}` : "");
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: number | null) => (v === null ? "—" : `${formatNumber(v, lang, 2)}%`),
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: bars.map(name) },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%` } },
    series: codes.map((code) => ({
      name: text.label("ownership", code),
      type: "bar",
      stack: "share",
      color: COLOURS[code],
      data: bars.map(
        (b) =>
          preferredByPeriod(
            values.filter((v) => v.breakdown_code === code && v.territory === b.territory),
          ).find((v) => v.period === b.period)?.value ?? null,
      ),
    })),
  };
}

export function OwnershipChart({ values }: { values: StatValue[] }) {
  const { lang } = useI18n();
  const text = useText();
  const option = useMemo(() => chartOption(values, lang, text), [values, lang, text]);
  const title = text.x("ownershipTitle");
  return (
    <figure className="card" data-testid="ownership-chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 300 }} />}>
        <Chart option={option} label={title} height={300} />
      </Suspense>
    </figure>
  );
}
