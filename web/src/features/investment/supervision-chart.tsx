/** Projects by zone, stacked by schedule status: the zones with the most late projects first. */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { useSupervisionBoard } from "./api.ts";
import { useText } from "./text.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));
type Zone = NonNullable<ReturnType<typeof useSupervisionBoard>["data"]>["zones"][number];

export const SCHEDULE_STATUSES = [
  "past_legal_limit",
  "late",
  "in_extension",
  "on_schedule",
  "completed",
  "terminated",
  "no_milestones",
] as const;
const COLOURS: Record<string, string> = {
  past_legal_limit: "#b42318",
  late: "#f59e0b",
  in_extension: "#8b5cf6",
  on_schedule: "#16a34a",
  completed: "#0b5cad",
  terminated: "#6b7280",
  no_milestones: "#cbd5e1",
};
const SHOWN = 15;

export function SupervisionChart({ zones }: { zones: Zone[] }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const option = useMemo((): ChartOption => {
    const top = [...zones]
      .sort((a, b) => b.late - a.late)
      .slice(0, SHOWN)
      .reverse();
    const present = SCHEDULE_STATUSES.filter((s) => top.some((z) => (z.counts[s] ?? 0) > 0));
    return {
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => formatNumber(v, lang, 0),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, lang, 0) } },
      yAxis: { type: "category", data: top.map((z) => z.zone_name ?? z.zone_code ?? "—") },
      series: present.map((s) => ({
        name: label("schedule", s),
        type: "bar",
        stack: "status",
        itemStyle: { color: COLOURS[s] },
        data: top.map((z) => z.counts[s] ?? 0),
      })),
    };
  }, [zones, lang, label]);
  const title = x("chartTitle");
  return (
    <figure className="card" data-testid="supervision-chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 480 }} />}>
        <Chart option={option} label={title} height={480} />
      </Suspense>
    </figure>
  );
}
