/**
 * What each section (or division) contributed, in percentage points, to the total's growth against
 * the same month last year: a horizontal bar chart, the sum stated (it is the total's growth), a
 * table and its exports.
 */
import { lazy, Suspense, useCallback, useMemo } from "react";
import type { ChartOption } from "../../components/chart.tsx";
import { Figure, LoadError } from "../../components/status.tsx";
import { formatNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { ExportLinks } from "./export-links.tsx";
import { signed } from "./figures.ts";
import { type Contribution, type ContributionsQuery, useIipContributions, useVsicNames } from "./iip-api.ts";
import { CONTRIBUTION_LEVELS, longMonth, shortMonth } from "./iip-params.ts";
import { industryName } from "./industry-name.ts";
import { useText } from "./text.ts";
import { useNarrow } from "./use-narrow.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));
const lastYear = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

function barOption(
  rows: Contribution[],
  name: (code: string) => string,
  lang: Lang,
  unit: string,
  narrow: boolean,
): ChartOption {
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: number) => `${signed(v, lang)} ${unit}`,
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      splitNumber: narrow ? 3 : 5,
      axisLabel: { formatter: (v: number) => formatNumber(v, lang, 2), hideOverlap: true },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => name(r.code)),
      axisLabel: { width: narrow ? 110 : 280, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 28,
        data: rows.map((r) => ({
          value: r.points,
          itemStyle: { color: r.points < 0 ? "#b42318" : "#0b5cad" },
        })),
        label: {
          show: true,
          position: "right",
          formatter: ({ value }: { value: number }) => signed(value, lang),
        },
      },
    ],
  };
}

export function IipContributions(props: {
  query: ContributionsQuery | undefined;
  /** Months that can be compared with the same month last year, latest first. */
  months: string[];
  /** The total's growth against the same month from the series, when the series is the total. */
  seriesGrowth: number | null | undefined;
  onChange: (next: { month?: string; by?: string }) => void;
}) {
  const { lang } = useI18n();
  const e = useExplorerText();
  const text = useText();
  const { query } = props;
  const answer = useIipContributions(query);
  const names = useVsicNames();
  const name = useCallback((code: string) => industryName(code, names.data, text), [names.data, text]);
  const rows = useMemo(
    () =>
      [...(answer.data ?? [])].sort((a, b) =>
        query?.level === "division" ? b.points - a.points : a.code.localeCompare(b.code),
      ),
    [answer.data, query?.level],
  );
  const sum = rows.reduce((a, r) => a + r.points, 0);
  const unit = e.x("points");
  const narrow = useNarrow();
  const option = useMemo(() => barOption(rows, name, lang, unit, narrow), [rows, name, lang, unit, narrow]);
  const title = query ? `${e.x("contributions")}, ${longMonth(query.month, lang)}` : e.x("contributions");
  const height = 60 + rows.length * 34;
  return (
    <section aria-labelledby="iip-contributions" data-testid="iip-contributions">
      <h2 id="iip-contributions">{title}</h2>
      <ContributionsToolbar query={query} months={props.months} onChange={props.onChange} />
      {answer.error && <LoadError error={answer.error} />}
      {answer.data && rows.length === 0 && <p>{e.x("noContributions")}</p>}
      {rows.length > 0 && (
        <>
          <div className="figures wide-figures" data-testid="contributions-figures">
            {props.seriesGrowth != null && query && (
              <Figure
                label={e.x("growthSameMonth")}
                value={`${signed(props.seriesGrowth, lang)}%`}
                note={`${longMonth(query.month, lang)} ${e.x("against")} ${longMonth(lastYear(query.month), lang)}`}
              />
            )}
            <Figure
              label={e.x("sumOfContributions")}
              value={`${signed(sum, lang)} ${unit}`}
              note={e.x("equalsGrowth")}
            />
          </div>
          <figure className="card" data-testid="contributions-chart">
            <Suspense fallback={<div style={{ height }} />}>
              <Chart option={option} label={title} height={height} />
            </Suspense>
            <p className="source">{e.x("contributionsNote")}</p>
          </figure>
          <ContributionTable rows={rows} sum={sum} name={name} />
        </>
      )}
    </section>
  );
}

/** The month (those with a same-month comparison, and the chosen one), the level, and the exports. */
function ContributionsToolbar({
  query,
  months,
  onChange,
}: {
  query: ContributionsQuery | undefined;
  months: string[];
  onChange: (next: { month?: string; by?: string }) => void;
}) {
  const e = useExplorerText();
  return (
    <div className="toolbar">
      <label>
        <span>{e.x("month")}</span>
        <select
          value={query?.month ?? ""}
          onChange={(ev) => onChange({ month: ev.target.value })}
          data-testid="contributions-month"
        >
          {query && !months.includes(query.month) && (
            <option value={query.month}>{shortMonth(query.month)}</option>
          )}
          {months.map((m) => (
            <option key={m} value={m}>
              {shortMonth(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{e.x("contributionsBy")}</span>
        <select
          value={query?.level ?? "section"}
          onChange={(ev) => onChange({ by: ev.target.value })}
          data-testid="contributions-by"
        >
          {CONTRIBUTION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {e.label("contributionLevel", l)}
            </option>
          ))}
        </select>
      </label>
      {query && <ExportLinks base="/api/v1/statistics/iip/contributions/export" query={{ ...query }} />}
    </div>
  );
}

function ContributionTable(props: { rows: Contribution[]; sum: number; name: (code: string) => string }) {
  const { lang } = useI18n();
  const e = useExplorerText();
  return (
    <div className="table-scroll narrow-table contribution-table">
      <table>
        <caption className="visually-hidden">{e.x("contributions")}</caption>
        <thead>
          <tr>
            <th scope="col">{e.x("industry")}</th>
            <th scope="col" className="num">
              {e.x("contributionColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{props.name(r.code)}</th>
              <td className="num">{signed(r.points, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{e.x("sum")}</th>
            <td className="num" data-testid="contributions-sum">
              {signed(props.sum, lang)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
