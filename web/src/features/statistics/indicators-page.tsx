/** /thong-ke/chi-tieu: the indicator registry — search, frequency and owner filters, sort, paging, export. */
import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type Indicator, type IndicatorQuery, useIndicatorOptions, useIndicators } from "./api.ts";
import { StatisticsNav } from "./statistics-nav.tsx";
import { useText } from "./text.ts";

/** A code like high_tech_share_manufacturing, allowed to wrap after its underscores only. */
function BreakableCode({ code }: { code: string }) {
  const parts = code.split("_");
  return (
    <>
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one code, in order
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

export function IndicatorsPage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const [params, update] = useListParams(["frequency", "owner"], "code");
  const list = useIndicators(params as IndicatorQuery);
  const all = useIndicatorOptions();
  const owners = [...new Set((all.data ?? []).map((i) => i.owner_agency).filter((o) => o !== null))].sort();
  const columns: Column<Indicator>[] = [
    {
      key: "code",
      header: x("code"),
      sortable: true,
      render: (i) => (
        <Link to={`/thong-ke/chi-tieu/${i.code}`} className="code">
          <BreakableCode code={i.code} />
        </Link>
      ),
    },
    {
      key: "name_vi",
      header: x("name"),
      sortable: true,
      render: (i) => (
        <>
          <Link to={`/thong-ke/chi-tieu/${i.code}`}>{lang === "en" ? i.name_en : i.name_vi}</Link>
          {(lang === "en" ? i.definition_en : i.definition_vi) && (
            <div className="muted">{lang === "en" ? i.definition_en : i.definition_vi}</div>
          )}
        </>
      ),
    },
    { key: "unit", header: x("unit"), render: (i) => label("unit", i.unit) },
    {
      key: "frequency",
      header: x("frequency"),
      sortable: true,
      render: (i) => label("frequency", i.frequency),
    },
    { key: "owner", header: x("owner"), render: (i) => i.owner_agency ?? "—" },
    {
      key: "value_count",
      header: x("valueCount"),
      numeric: true,
      render: (i) => formatNumber(i.value_count, lang, 0),
    },
    { key: "latest_end", header: x("latest"), render: (i) => formatDate(i.latest_end, lang) },
  ];
  return (
    <>
      <h1>{x("indicators")}</h1>
      <StatisticsNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("indicators")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(i) => i.code}
        busy={list.isFetching}
        exportBase="/api/v1/statistics/indicators/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "frequency",
            label: x("frequency"),
            options: ["month", "quarter", "year"].map((f) => ({ value: f, label: label("frequency", f) })),
          },
          { name: "owner", label: x("owner"), options: owners.map((o) => ({ value: o, label: o })) },
        ]}
      />
    </>
  );
}
