import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type CaseQuery, useCases } from "./api.ts";
import { EnvironmentNav } from "./environment-nav.tsx";

type Row = NonNullable<ReturnType<typeof useCases>["data"]>["items"][number];
export const CASE_STATUSES = ["open", "under_review", "notice_issued", "resolved", "escalated"] as const;

export function CasesPage() {
  const { t, lang } = useI18n();
  const [params, update] = useListParams(["status", "active", "station", "zone", "enterprise"], "-opened_at");
  const list = useCases(params as CaseQuery);
  const status = (s: string) => t(`env.caseStatus.${s}` as "env.caseStatus.open");
  const columns: Column<Row>[] = [
    {
      key: "code",
      header: t("env.case"),
      sortable: true,
      render: (c) => <Link to={`/moi-truong/vu-viec/${c.code}`}>{c.code}</Link>,
    },
    {
      key: "status",
      header: t("env.status"),
      sortable: true,
      render: (c) => <span className={`status-${c.status}`}>{status(c.status)}</span>,
    },
    {
      key: "station",
      header: t("env.station"),
      render: (c) => (
        <>
          <Link to={`/moi-truong/tram/${c.station_code}`}>{c.station_code}</Link>
          <div className="muted">{c.enterprise_name ?? c.zone_code ?? ""}</div>
        </>
      ),
    },
    { key: "parameter", header: t("env.parameter"), render: (c) => `${c.parameter} (${c.averaging})` },
    {
      key: "exceedance_count",
      header: t("env.count"),
      numeric: true,
      render: (c) => formatNumber(c.exceedance_count, lang, 0),
    },
    {
      key: "peak_ratio",
      header: t("env.peak"),
      sortable: true,
      numeric: true,
      render: (c) => `${formatNumber(c.peak_value, lang, 2)} / ${formatNumber(c.limit_value, lang, 2)}`,
    },
    { key: "inspector", header: t("env.inspector"), render: (c) => c.inspector ?? "—" },
    { key: "deadline", header: t("env.deadline"), render: (c) => formatDate(c.remediation_deadline, lang) },
    {
      key: "opened_at",
      header: t("env.opened"),
      sortable: true,
      render: (c) => formatDateTime(c.opened_at, lang),
    },
  ];
  return (
    <>
      <h1>{t("env.cases")}</h1>
      <EnvironmentNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={t("env.cases")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(c) => c.code}
        busy={list.isFetching}
        exportBase="/api/v1/environment/cases/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "status",
            label: t("env.status"),
            options: CASE_STATUSES.map((s) => ({ value: s, label: status(s) })),
          },
        ]}
      />
    </>
  );
}
