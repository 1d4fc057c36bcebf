/** An indicator's values: filters by territory, status, breakdown and years; sort, paging; CSV, XLSX, SDMX-CSV. */
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { STATUSES, type StatValue, TERRITORIES, useIndicatorValues, type ValueQuery } from "./api.ts";
import { StatusBadge } from "./badges.tsx";
import { formatPeriod } from "./period.ts";
import { formatQuantity } from "./quantity.ts";
import { SourceLink } from "./target-card.tsx";
import { useText } from "./text.ts";

const FIRST_YEAR = 2000;

export function ValuesTable({ code, unit, kinds }: { code: string; unit: string; kinds: string[] }) {
  const { lang } = useI18n();
  const text = useText();
  const { x, label } = text;
  const [params, update] = useListParams(
    ["territory", "status", "breakdown_kind", "from", "to"],
    "-period_end",
  );
  const values = useIndicatorValues(code, params as ValueQuery);
  const years = Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) =>
    String(FIRST_YEAR + i),
  )
    .reverse()
    .map((y) => ({ value: y, label: y }));
  const columns: Column<StatValue>[] = [
    {
      key: "period",
      header: x("period"),
      render: (v) => <span title={v.period}>{formatPeriod(v.period, lang)}</span>,
    },
    {
      key: "period_end",
      header: x("periodEnd"),
      sortable: true,
      render: (v) => formatDate(v.period_end, lang),
    },
    { key: "territory", header: x("territory"), render: (v) => label("territory", v.territory) },
    {
      key: "breakdown",
      header: x("breakdown"),
      render: (v) =>
        v.breakdown_kind === "total"
          ? label("breakdownKind", "total")
          : `${label("breakdownKind", v.breakdown_kind)}: ${v.breakdown_kind === "ownership" ? label("ownership", v.breakdown_code) : v.breakdown_code}`,
    },
    {
      key: "value",
      header: x("value"),
      sortable: true,
      numeric: true,
      render: (v) => formatQuantity(v.value, unit, lang, text),
    },
    { key: "status", header: x("status"), render: (v) => <StatusBadge status={v.status} /> },
    {
      key: "source",
      header: x("sourceAgency"),
      render: (v) => (
        <>
          <SourceLink source={v.source_url} />
          {v.source_note && <div className="muted small">{v.source_note}</div>}
        </>
      ),
    },
  ];
  return (
    <>
      {values.error && <LoadError error={values.error} />}
      <DataTable
        caption={x("values")}
        columns={columns}
        rows={values.data?.items}
        total={values.data?.total}
        params={params}
        onChange={update}
        rowKey={(v) => `${v.period}|${v.territory}|${v.breakdown_kind}|${v.breakdown_code}|${v.status}`}
        busy={values.isFetching}
        exportBase={`/api/v1/statistics/indicators/${encodeURIComponent(code)}/values/export`}
        exportFormats={["csv", "xlsx", "sdmx"]}
        filters={[
          {
            name: "territory",
            label: x("territory"),
            options: TERRITORIES.map((t) => ({ value: t, label: label("territory", t) })),
          },
          {
            name: "status",
            label: x("status"),
            options: STATUSES.map((s) => ({ value: s, label: label("status", s) })),
          },
          {
            name: "breakdown_kind",
            label: x("breakdown"),
            options: ["total", ...kinds].map((k) => ({ value: k, label: label("breakdownKind", k) })),
          },
          { name: "from", label: x("from"), options: years },
          { name: "to", label: x("to"), options: years },
        ]}
      />
    </>
  );
}
