/** The structure's charts: a donut of shares (ownership, sections) and the largest divisions as bars. */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { fixed } from "./figures.ts";
import type { Share } from "./iip-api.ts";
import { useNarrow } from "./use-narrow.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));
const PALETTE = ["#0b5cad", "#0f766e", "#b45309", "#7c3aed", "#be185d", "#4d7c0f", "#6b7280"];

export function ShareDonut(props: {
  title: string;
  rows: Share[];
  name: (code: string) => string;
  colours?: Record<string, string>;
  testId: string;
}) {
  const { lang } = useI18n();
  const { rows, name, colours } = props;
  // On a phone the labels beside the ring do not fit: the legend alone gives the shares.
  const narrow = useNarrow();
  const option = useMemo(
    (): ChartOption => ({
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; value: number }) => `${p.name}: <b>${fixed(p.value, lang)}%</b>`,
      },
      // The legend names every part with its share: a slice too thin for a label is still read.
      legend: {
        bottom: 0,
        orient: "vertical",
        formatter: (label: string) => {
          const row = rows.find((r) => name(r.code) === label);
          return row ? `${label}: ${fixed(row.share, lang)}%` : label;
        },
      },
      series: [
        {
          type: "pie",
          radius: ["36%", "58%"],
          center: ["50%", "40%"],
          avoidLabelOverlap: true,
          label: {
            show: !narrow,
            formatter: (p: { value: number }) => `${fixed(p.value, lang)}%`,
            fontWeight: 600,
          },
          data: rows.map((r, i) => ({
            name: name(r.code),
            value: r.share,
            itemStyle: { color: colours?.[r.code] ?? PALETTE[i % PALETTE.length] },
          })),
        },
      ],
    }),
    [rows, name, colours, lang, narrow],
  );
  return (
    <figure className="card" data-testid={props.testId}>
      <figcaption>
        <h3>{props.title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 320 }} />}>
        <Chart option={option} label={props.title} height={320} />
      </Suspense>
    </figure>
  );
}

/** The `top` largest divisions, largest first, and the rest together when there is a rest. */
export function DivisionBars(props: {
  title: string;
  rows: Share[];
  name: (code: string) => string;
  othersLabel: string;
  top?: number;
}) {
  const { lang } = useI18n();
  const { rows, name, othersLabel, top = 10 } = props;
  const narrow = useNarrow();
  const bars = useMemo(() => {
    const sorted = [...rows].sort((a, b) => b.share - a.share);
    const head = sorted.slice(0, top).map((r) => ({ label: name(r.code), share: r.share, rest: false }));
    const rest = sorted.slice(top).reduce((a, r) => a + r.share, 0);
    return sorted.length > top ? [...head, { label: othersLabel, share: rest, rest: true }] : head;
  }, [rows, name, othersLabel, top]);
  const option = useMemo(
    (): ChartOption => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => `${fixed(v, lang)}%`,
      },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: "value",
        splitNumber: narrow ? 3 : 5,
        axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%`, hideOverlap: true },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { width: narrow ? 110 : 380, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          barMaxWidth: 24,
          // The rest, together, is grey: it is not one division.
          data: bars.map((b) => ({
            value: b.share,
            itemStyle: { color: b.rest ? "#9ca3af" : "#0f766e" },
          })),
          label: {
            show: true,
            position: "right",
            formatter: ({ value }: { value: number }) => `${fixed(value, lang)}%`,
          },
        },
      ],
    }),
    [bars, lang, narrow],
  );
  const height = 40 + bars.length * 32;
  return (
    <figure className="card" data-testid="division-chart">
      <figcaption>
        <h3>{props.title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height }} />}>
        <Chart option={option} label={props.title} height={height} />
      </Suspense>
    </figure>
  );
}
