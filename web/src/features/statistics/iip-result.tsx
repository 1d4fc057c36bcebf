/** The IIP of a basket: total, comparison and growth; sections, divisions, classes, products; section contributions. */
import { lazy, Suspense, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { Figure } from "../../components/status.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { IipResult } from "./api.ts";
import { useText } from "./text.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));
type Level = IipResult["sections"][number];

function LevelTable({
  title,
  rows,
  name,
}: {
  title: string;
  rows: Level[];
  name?: (code: string) => string;
}) {
  const { lang } = useI18n();
  const { x } = useText();
  const n = (v: number | null) => formatNumber(v, lang, 2);
  return (
    <section>
      <h3>{title}</h3>
      <div className="table-scroll">
        <table className="level-table">
          <thead>
            <tr>
              <th scope="col">{x("code")}</th>
              <th scope="col" className="num">
                {x("index")}
              </th>
              <th scope="col" className="num">
                {x("levelWeight")}
              </th>
              <th scope="col" className="num">
                {x("previousIndex")}
              </th>
              <th scope="col" className="num">
                {x("contribution")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{name ? name(r.code) : r.code}</th>
                <td className="num">{n(r.index)}</td>
                <td className="num">{n(r.weight)}</td>
                <td className="num">{n(r.previous_index)}</td>
                <td className="num">{n(r.contribution_points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ContributionChart({ sections }: { sections: Level[] }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const option = useMemo(
    (): ChartOption => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => `${formatNumber(v, lang, 2)} ${x("points")}`,
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, lang, 2) } },
      yAxis: {
        type: "category",
        inverse: true,
        data: sections.map((s) => label("section", s.code)),
        axisLabel: { width: 180, overflow: "truncate" },
      },
      series: [
        {
          name: x("contribution"),
          type: "bar",
          data: sections.map((s) => ({
            value: s.contribution_points ?? 0,
            itemStyle: { color: (s.contribution_points ?? 0) < 0 ? "#b42318" : "#0b5cad" },
          })),
          label: {
            show: true,
            position: "right",
            formatter: ({ value }: { value: number }) => formatNumber(value, lang, 2),
          },
        },
      ],
    }),
    [sections, lang, x, label],
  );
  const title = x("contributionsChart");
  return (
    <figure className="card" data-testid="contribution-chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 80 + sections.length * 40 }} />}>
        <Chart option={option} label={title} height={80 + sections.length * 40} />
      </Suspense>
    </figure>
  );
}

export function IipResultView({ result }: { result: IipResult }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const n = (v: number | null) => formatNumber(v, lang, 2);
  const withContributions = result.sections.some((s) => s.contribution_points !== null);
  return (
    <section aria-labelledby="iip-result" data-testid="iip-result" aria-live="polite">
      <h2 id="iip-result">{x("result")}</h2>
      <p className="muted">{x("iipRounded")}</p>
      <div className="figures">
        <Figure label={x("total")} value={n(result.total)} />
        <Figure label={x("previousTotal")} value={n(result.previous_total)} />
        <Figure label={x("growth")} value={result.growth === null ? "—" : `${n(result.growth)}%`} />
      </div>
      {withContributions && <ContributionChart sections={result.sections} />}
      <LevelTable title={x("sections")} rows={result.sections} name={(c) => label("section", c)} />
      <LevelTable title={x("divisions")} rows={result.divisions} />
      <LevelTable title={x("classes")} rows={result.classes} />
      <section>
        <h3>{x("products")}</h3>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{x("product")}</th>
                <th scope="col">{x("classCode")}</th>
                <th scope="col" className="num">
                  {x("relative")}
                </th>
                <th scope="col" className="num">
                  {x("previousRelative")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.products.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a product may be named twice; its place is its identity
                <tr key={i}>
                  <th scope="row">{p.product}</th>
                  <td>{p.vsic}</td>
                  <td className="num">{n(p.relative)}</td>
                  <td className="num">{n(p.previous_relative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
