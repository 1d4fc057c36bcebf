import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ExceedanceQuery, useExceedances } from "./api.ts";
import { EnvironmentNav } from "./environment-nav.tsx";

type Row = NonNullable<ReturnType<typeof useExceedances>["data"]>["items"][number];

export function ExceedancesPage() {
  const { t, lang } = useI18n();
  const [params, update] = useListParams(["station", "parameter", "averaging", "zone"], "-period_end");
  const list = useExceedances(params as ExceedanceQuery);
  const columns: Column<Row>[] = [
    {
      key: "station",
      header: t("env.station"),
      render: (x) => <Link to={`/moi-truong/tram/${x.station_code}`}>{x.station_code}</Link>,
    },
    { key: "parameter", header: t("env.parameter"), render: (x) => `${x.parameter} (${x.averaging})` },
    {
      key: "period_end",
      header: t("env.periodEnd"),
      sortable: true,
      render: (x) => formatDateTime(x.period_end, lang),
    },
    {
      key: "value",
      header: t("env.value"),
      numeric: true,
      render: (x) => `${formatNumber(x.value, lang, 2)} ${x.unit}`,
    },
    {
      key: "limit",
      header: t("env.limit"),
      numeric: true,
      render: (x) => (
        <>
          {formatNumber(x.limit_value, lang, 2)} <span className="muted">{x.limit_table}</span>
          {!x.verified && (
            <span className="warn" title={t("env.unverified")}>
              {" "}
              *
            </span>
          )}
        </>
      ),
    },
    {
      key: "ratio",
      header: t("env.ratio"),
      sortable: true,
      numeric: true,
      render: (x) => (x.ratio === null ? "—" : formatNumber(x.ratio, lang, 2)),
    },
    {
      key: "case",
      header: t("env.case"),
      render: (x) =>
        x.case_code ? <Link to={`/moi-truong/vu-viec/${x.case_code}`}>{x.case_code}</Link> : "—",
    },
  ];
  return (
    <>
      <h1>{t("env.exceedances")}</h1>
      <EnvironmentNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={t("env.exceedances")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(x) => `${x.station_code}-${x.parameter}-${x.averaging}-${x.period_end}`}
        busy={list.isFetching}
        exportBase="/api/v1/environment/exceedances/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "averaging",
            label: t("env.resolution"),
            options: (["1h", "8h", "24h"] as const).map((a) => ({
              value: a,
              label: t(`env.res.${a}` as "env.res.1h"),
            })),
          },
        ]}
      />
    </>
  );
}
