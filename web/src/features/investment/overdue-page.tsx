/** /dau-tu/bao-cao/qua-han: for one period, the projects that have not reported, and each zone's share. */
import { Link } from "react-router";
import { type Column, DataTable, type ListParams, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type OverdueQuery, useOverdueReports, useZoneOptions } from "./api.ts";
import { StatusTag } from "./badges.tsx";
import { CompletenessTable } from "./completeness-table.tsx";
import { InvestmentNav } from "./investment-nav.tsx";
import { PERIODS, yearOptions } from "./report-columns.tsx";
import { ReportsNav } from "./reports-nav.tsx";
import { useText } from "./text.ts";

type Row = NonNullable<ReturnType<typeof useOverdueReports>["data"]>["items"][number];

/** The last quarter that has ended: the one whose reports are now due or overdue. */
function lastQuarter(today = new Date()): { year: number; period: OverdueQuery["period"] } {
  const q = Math.floor(today.getMonth() / 3);
  return q === 0
    ? { year: today.getFullYear() - 1, period: "Q4" }
    : { year: today.getFullYear(), period: `Q${q}` as "Q1" };
}

export function OverduePage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const zones = useZoneOptions();
  const [params, update] = useListParams(["year", "period", "zone"], "");
  const fallback = lastQuarter();
  // Year and period are required by the API: the last ended quarter unless the URL says otherwise.
  const shown: ListParams = {
    ...params,
    year: params.year ?? String(fallback.year),
    period: params.period ?? fallback.period,
  };
  const { sort: _unsorted, ...query } = shown;
  const list = useOverdueReports({ ...query, year: Number(shown.year) } as OverdueQuery);
  const columns: Column<Row>[] = [
    {
      key: "project",
      header: x("project"),
      render: (r) => (
        <>
          <Link to={`/du-an/${r.irc_number}`}>{r.name_vi}</Link>
          <div className="muted">
            {r.irc_number} · {r.enterprise_tax_code ?? "—"}
          </div>
        </>
      ),
    },
    { key: "zone", header: x("zone"), render: (r) => r.zone_code ?? "—" },
    { key: "due_on", header: x("dueOn"), render: (r) => formatDate(r.due_on, lang) },
    {
      key: "days_overdue",
      header: x("daysOverdue"),
      numeric: true,
      render: (r) => formatNumber(r.days_overdue, lang, 0),
    },
    { key: "status", header: x("status"), render: (r) => <StatusTag kind="reportStatus" value={r.status} /> },
  ];
  return (
    <>
      <h1>{x("overdue")}</h1>
      <InvestmentNav />
      <ReportsNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("overdue")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={query as ListParams}
        onChange={update}
        rowKey={(r) => r.irc_number}
        busy={list.isFetching}
        exportBase="/api/v1/investment/reports/overdue/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          { name: "year", label: x("year"), options: yearOptions() },
          {
            name: "period",
            label: x("period"),
            options: PERIODS.map((p) => ({ value: p, label: label("period", p) })),
          },
          {
            name: "zone",
            label: x("zone"),
            options: (zones.data ?? []).map((z) => ({
              value: z.code,
              label: `${z.code} — ${lang === "en" && z.name_en ? z.name_en : z.name_vi}`,
            })),
          },
        ]}
      />
      <CompletenessTable
        year={Number(shown.year)}
        period={shown.period as OverdueQuery["period"]}
        zone={params.zone as string | undefined}
      />
    </>
  );
}
