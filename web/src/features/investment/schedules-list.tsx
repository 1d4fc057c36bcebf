/** Every project's schedule as of the last check: how late, at which milestone, and its case if any. */
import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ScheduleQuery, useSchedules } from "./api.ts";
import { StatusTag } from "./badges.tsx";
import { SCHEDULE_STATUSES } from "./supervision-chart.tsx";
import { useText } from "./text.ts";

type Row = NonNullable<ReturnType<typeof useSchedules>["data"]>["items"][number];
interface ZoneOption {
  zone_code: string | null;
  zone_name: string | null;
}

export function SchedulesList({ zones }: { zones: ZoneOption[] }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const [params, update] = useListParams(["status", "zone"], "-days_late");
  const list = useSchedules(params as ScheduleQuery);
  const columns: Column<Row>[] = [
    {
      key: "irc_number",
      header: x("project"),
      sortable: true,
      render: (p) => (
        <>
          <Link to={`/du-an/${p.irc_number}`}>{p.name_vi}</Link>
          <div className="muted">{p.irc_number}</div>
        </>
      ),
    },
    { key: "zone", header: x("zone"), render: (p) => p.zone_name ?? p.zone_code ?? "—" },
    {
      key: "status",
      header: x("scheduleStatus"),
      sortable: true,
      render: (p) => <StatusTag kind="schedule" value={p.status} />,
    },
    {
      key: "days_late",
      header: x("daysLate"),
      sortable: true,
      numeric: true,
      render: (p) => formatNumber(p.days_late, lang, 0),
    },
    {
      key: "late_milestone",
      header: x("lateMilestone"),
      render: (p) => label("milestone", p.late_milestone),
    },
    { key: "next_due", header: x("nextDue"), sortable: true, render: (p) => formatDate(p.next_due, lang) },
    {
      key: "case",
      header: x("case"),
      render: (p) =>
        p.case_code ? (
          <>
            <Link to={`/dau-tu/giam-sat/vu-viec/${p.case_code}`}>{p.case_code}</Link>{" "}
            <StatusTag kind="stage" value={p.case_stage} />
          </>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <section aria-labelledby="schedules">
      <h2 id="schedules">{x("schedules")}</h2>
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("schedules")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(p) => p.irc_number}
        busy={list.isFetching}
        exportBase="/api/v1/investment/supervision/projects/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "status",
            label: x("scheduleStatus"),
            options: SCHEDULE_STATUSES.map((s) => ({ value: s, label: label("schedule", s) })),
          },
          {
            name: "zone",
            label: x("zone"),
            options: zones
              .filter((z) => z.zone_code)
              .map((z) => ({ value: z.zone_code as string, label: z.zone_name ?? (z.zone_code as string) }))
              .sort((a, b) => a.label.localeCompare(b.label, "vi")),
          },
        ]}
      />
    </section>
  );
}
