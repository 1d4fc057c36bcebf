/** The series' points as a table: sortable, paged on the screen; exports of the same query (CSV, XLSX, SDMX-CSV). */
import { type Column, DataTable, type ListParams } from "../../components/data-table.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { fixed } from "./figures.ts";
import type { SeriesPoint } from "./iip-api.ts";
import { type ExplorerChoices, longMonth, pageOfPoints, shortMonth } from "./iip-params.ts";

export function IipSeriesTable(props: {
  points: readonly SeriesPoint[] | undefined;
  choices: ExplorerChoices;
  /** The reference base's code: months computed on another one are chain-linked, and said so. */
  baseCode: string;
  /** The month whose contributions are shown. */
  selected: string | undefined;
  table: ListParams;
  onChange: (next: Partial<ListParams>) => void;
  onPick: (month: string) => void;
  busy: boolean;
}) {
  const { lang } = useI18n();
  const { x } = useExplorerText();
  const { points, choices, table } = props;
  const n = (v: number | null) => fixed(v, lang);
  const { code, ...query } = choices.series;
  // The export asks for exactly what the table shows, every page of it.
  const params: ListParams = {
    ...query,
    ...(code ? { code } : {}),
    // The table's default order is newest first.
    sort: table.sort ?? "-month",
    page: table.page,
    page_size: table.page_size,
  };
  const columns: Column<SeriesPoint>[] = [
    {
      key: "month",
      header: x("month"),
      sortable: true,
      render: (p) =>
        p.vs_same_month === null ? (
          shortMonth(p.month)
        ) : (
          <button
            type="button"
            className="link"
            title={`${x("contributions")}, ${longMonth(p.month, lang)}`}
            aria-pressed={p.month === props.selected}
            onClick={() => props.onPick(p.month)}
          >
            {shortMonth(p.month)}
          </button>
        ),
    },
    { key: "index", header: x("indexColumn"), sortable: true, numeric: true, render: (p) => n(p.index) },
    {
      key: "vs_same_month",
      header: x("sameMonthColumn"),
      sortable: true,
      numeric: true,
      render: (p) => n(p.vs_same_month),
    },
    {
      key: "vs_previous_month",
      header: x("previousMonthColumn"),
      sortable: true,
      numeric: true,
      render: (p) => n(p.vs_previous_month),
    },
    {
      key: "year_to_date",
      header: x("ytdColumn"),
      sortable: true,
      numeric: true,
      render: (p) => n(p.year_to_date),
    },
  ];
  const chained = points?.some((p) => p.computed_on !== props.baseCode) ?? false;
  if (chained) columns.push({ key: "computed_on", header: x("computedOn"), render: (p) => p.computed_on });
  return (
    <section aria-labelledby="iip-table" data-testid="iip-series-table">
      <h2 id="iip-table">{x("monthlyFigures")}</h2>
      <p className="muted small">
        {x("comparisonNote")} {chained && x("chained")}
      </p>
      <DataTable
        caption={x("monthlyFigures")}
        columns={columns}
        rows={points && pageOfPoints(points, table.sort, table.page, table.page_size)}
        total={points?.length}
        params={params}
        onChange={props.onChange}
        rowKey={(p) => p.month}
        busy={props.busy}
        search={false}
        exportBase="/api/v1/statistics/iip/series/export"
        exportFormats={["csv", "xlsx", "sdmx"]}
      />
    </section>
  );
}
