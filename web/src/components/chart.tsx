/** An ECharts chart, loaded on demand so the first page stays small (echarts/core, tree-shaken). */
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export default function Chart({
  option,
  label,
  height = 260,
  onAxisClick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  /**
   * Called with the x axis category nearest to a click anywhere on the chart, not only on a symbol
   * (an index may fall outside the axis' range when the click is beside the plot).
   */
  onAxisClick?: (index: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Kept in a ref: a new handler must not rebuild the chart.
  const clicked = useRef(onAxisClick);
  useEffect(() => {
    clicked.current = onAxisClick;
  }, [onAxisClick]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.setOption(option);
    chart.getZr().on("click", (e) => {
      if (!clicked.current) return;
      const [index] = chart.convertFromPixel("grid", [e.offsetX, e.offsetY]) as number[];
      if (index !== undefined && Number.isFinite(index)) clicked.current(Math.round(index));
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ height, cursor: onAxisClick ? "pointer" : undefined }}
    />
  );
}
