/**
 * /thong-ke/iip: the monthly IIP from the production reports — a chart of one measure, the table of
 * every measure, and the industries' contributions in a chosen month. Every choice is in the URL.
 */
import { useSearchParams } from "react-router";
import { useListParams } from "../../components/data-table.tsx";
import { LoadError, Loading } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { useIipSeries, useVsicNames } from "./iip-api.ts";
import { IipContributions } from "./iip-contributions.tsx";
import { IipFilters } from "./iip-filters.tsx";
import { contributionsQuery, readChoices, SERIES_FILTERS } from "./iip-params.ts";
import { IipSeriesChart } from "./iip-series-chart.tsx";
import { IipSeriesTable } from "./iip-series-table.tsx";
import { industryName } from "./industry-name.ts";
import { StatisticsNav } from "./statistics-nav.tsx";
import { useText } from "./text.ts";

export function IipExplorerPage() {
  const { lang } = useI18n();
  const e = useExplorerText();
  const text = useText();
  const [search] = useSearchParams();
  const choices = readChoices(search);
  const [table, update] = useListParams(SERIES_FILTERS, "-month");
  const series = useIipSeries(choices.series, !choices.needsCode);
  const names = useVsicNames();
  // A query waiting for its code may still hold the previous answer as placeholder: not shown.
  const answer = choices.needsCode ? undefined : series.data;
  const points = answer?.points;
  const contributions = contributionsQuery(choices, points);
  const comparable = (points ?? [])
    .filter((p) => p.vs_same_month !== null)
    .map((p) => p.month)
    .reverse();
  const { territory, ownership, level, code } = choices.series;
  const isTotal = level === "total";
  const atMonth = points?.find((p) => p.month === contributions?.month);
  // Choosing a month or a measure keeps the table's page (update() otherwise goes back to the first).
  const keepPage = table.page > 1 ? table.page : undefined;
  const pick = (month: string) => update({ month, page: keepPage });
  const industry = isTotal ? e.label("level", "total") : industryName(code, names.data, text);
  const subtitle = [
    industry,
    text.label("territory", territory),
    `${e.x("ownership")}: ${e.label("ownership", ownership).toLowerCase()}`,
  ].join(" · ");
  const base = answer?.base;
  return (
    <>
      <h1>{e.x("explorer")}</h1>
      <StatisticsNav />
      <p>{e.x("explorerIntro")}</p>
      <IipFilters choices={choices} onChange={update} />
      {series.error && <LoadError error={series.error} />}
      {choices.needsCode && <p>{e.x("choosePrompt")}</p>}
      {!choices.needsCode && series.isPending && <Loading />}
      {answer && !base && <p>{e.x("noBase")}</p>}
      {base && points?.length === 0 && <p>{e.x("noPoints")}</p>}
      {base && points && points.length > 0 && (
        <>
          <IipSeriesChart
            points={points}
            measure={choices.measure}
            baseYear={base.base_year}
            selected={contributions?.month}
            subtitle={subtitle}
            onMeasure={(measure) => update({ measure, page: keepPage })}
            onPick={pick}
          />
          <IipSeriesTable
            points={points}
            choices={choices}
            baseCode={base.code}
            selected={contributions?.month}
            table={table}
            onChange={update}
            onPick={pick}
            busy={series.isFetching}
          />
          <IipContributions
            query={contributions}
            months={comparable}
            seriesGrowth={isTotal && atMonth?.vs_same_month != null ? atMonth.vs_same_month - 100 : undefined}
            onChange={(next) => update({ ...next, page: keepPage })}
          />
        </>
      )}
      {lang === "en" && <p className="muted small">{e.x("vsicInVietnamese")}</p>}
    </>
  );
}
