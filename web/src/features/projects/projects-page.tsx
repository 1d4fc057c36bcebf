import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError, SyntheticBadge } from "../../components/status.tsx";
import { formatDate, formatMoney } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ProjectQuery, useProjects } from "./api.ts";

type Project = NonNullable<ReturnType<typeof useProjects>["data"]>["items"][number];

export function ProjectsPage() {
  const { t, lang } = useI18n();
  const [params, update] = useListParams(["origin", "status", "zone"], "-issued_on");
  const list = useProjects(params as ProjectQuery);
  const columns: Column<Project>[] = [
    {
      key: "name_vi",
      header: t("projects.name"),
      sortable: true,
      render: (p) => (
        <>
          <Link to={`/du-an/${p.irc_number}`}>{p.name_vi}</Link> <SyntheticBadge synthetic={p.is_synthetic} />
        </>
      ),
    },
    { key: "irc_number", header: t("projects.irc"), sortable: true, render: (p) => p.irc_number },
    {
      key: "zone_code",
      header: t("enterprises.zone"),
      render: (p) => (p.zone_code ? <Link to={`/khu/${p.zone_code}`}>{p.zone_code}</Link> : "—"),
    },
    {
      key: "registered_capital_usd",
      header: t("projects.capital"),
      sortable: true,
      numeric: true,
      render: (p) => formatMoney(p.capital.registered, p.capital.currency, lang),
    },
    {
      key: "issued_on",
      header: t("projects.issued"),
      sortable: true,
      render: (p) => formatDate(p.issued_on, lang),
    },
    {
      key: "status",
      header: t("projects.status"),
      render: (p) => t(`projectStatus.${p.status}` as "projectStatus.active"),
    },
  ];
  return (
    <>
      <h1>{t("projects.title")}</h1>
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={t("projects.title")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(p) => p.irc_number}
        busy={list.isFetching}
        exportBase="/api/v1/projects/export"
        exportFormats={["csv", "xlsx", "geojson"]}
        filters={[
          {
            name: "origin",
            label: t("projects.origin"),
            options: ["foreign", "domestic"].map((o) => ({
              value: o,
              label: t(`origin.${o}` as "origin.foreign"),
            })),
          },
          {
            name: "status",
            label: t("projects.status"),
            options: PROJECT_STATUSES.map((s) => ({
              value: s,
              label: t(`projectStatus.${s}` as "projectStatus.active"),
            })),
          },
        ]}
      />
    </>
  );
}

export const PROJECT_STATUSES = ["active", "suspended", "terminated"] as const;
