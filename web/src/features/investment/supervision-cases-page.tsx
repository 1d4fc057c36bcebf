/** /dau-tu/giam-sat/vu-viec: supervision cases, by stage, open or closed, zone or project. */
import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type SupervisionCaseQuery, useSupervisionCases, useZoneOptions } from "./api.ts";
import { StatusTag } from "./badges.tsx";
import { InvestmentNav } from "./investment-nav.tsx";
import { useText } from "./text.ts";
import { TextFilter } from "./text-filter.tsx";

type Row = NonNullable<ReturnType<typeof useSupervisionCases>["data"]>["items"][number];

export function SupervisionCasesPage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const zones = useZoneOptions();
  const [params, update] = useListParams(["stage", "active", "zone", "project"], "-opened_on");
  const list = useSupervisionCases(params as SupervisionCaseQuery);
  const columns: Column<Row>[] = [
    {
      key: "code",
      header: x("case"),
      sortable: true,
      render: (c) => <Link to={`/dau-tu/giam-sat/vu-viec/${c.code}`}>{c.code}</Link>,
    },
    {
      key: "stage",
      header: x("stage"),
      sortable: true,
      render: (c) => <StatusTag kind="stage" value={c.stage} />,
    },
    {
      key: "project",
      header: x("project"),
      render: (c) => (
        <>
          <Link to={`/du-an/${c.irc_number}`}>{c.project_name}</Link>
          <div className="muted">
            {c.irc_number} · {c.zone_code ?? "—"}
          </div>
        </>
      ),
    },
    { key: "milestone", header: x("lateMilestone"), render: (c) => label("milestone", c.milestone_code) },
    {
      key: "days_late_at_open",
      header: x("daysLateAtOpen"),
      sortable: true,
      numeric: true,
      render: (c) => formatNumber(c.days_late_at_open, lang, 0),
    },
    {
      key: "schedule",
      header: x("scheduleStatus"),
      render: (c) => <StatusTag kind="schedule" value={c.schedule_status} />,
    },
    { key: "opened_on", header: x("opened"), sortable: true, render: (c) => formatDate(c.opened_on, lang) },
    { key: "closed_on", header: x("closed"), render: (c) => formatDate(c.closed_on, lang) },
  ];
  return (
    <>
      <h1>{x("cases")}</h1>
      <InvestmentNav />
      <TextFilter
        label={x("irc")}
        value={String(params.project ?? "")}
        onApply={(project) => update({ project })}
      />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("cases")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(c) => c.code}
        busy={list.isFetching}
        exportBase="/api/v1/investment/supervision/cases/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "stage",
            label: x("stage"),
            options: ["warning", "extended", "recovered", "terminated"].map((s) => ({
              value: s,
              label: label("stage", s),
            })),
          },
          {
            name: "active",
            label: x("active"),
            options: [
              { value: "true", label: x("yes") },
              { value: "false", label: x("no") },
            ],
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
    </>
  );
}
