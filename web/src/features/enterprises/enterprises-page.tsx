import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError, SyntheticBadge } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { type EnterpriseQuery, useEnterprises } from "./api.ts";

type Enterprise = NonNullable<ReturnType<typeof useEnterprises>["data"]>["items"][number];

export function EnterprisesPage() {
  const { t } = useI18n();
  const [params, update] = useListParams(["ownership", "zone", "high_tech"], "name_vi");
  const list = useEnterprises(params as EnterpriseQuery);
  const columns: Column<Enterprise>[] = [
    {
      key: "name_vi",
      header: t("enterprises.name"),
      sortable: true,
      render: (e) => (
        <>
          <Link to={`/doanh-nghiep/${e.tax_code}`}>{e.name_vi}</Link>{" "}
          <SyntheticBadge synthetic={e.is_synthetic} />
        </>
      ),
    },
    { key: "tax_code", header: t("enterprises.taxCode"), sortable: true, render: (e) => e.tax_code },
    {
      key: "ownership",
      header: t("enterprises.ownership"),
      render: (e) => t(`ownership.${e.ownership}` as "ownership.state"),
    },
    { key: "vsic_main", header: t("enterprises.vsic"), render: (e) => e.vsic_main },
    {
      key: "zone_code",
      header: t("enterprises.zone"),
      render: (e) => (e.zone_code ? <Link to={`/khu/${e.zone_code}`}>{e.zone_code}</Link> : "—"),
    },
  ];
  return (
    <>
      <h1>{t("enterprises.title")}</h1>
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={t("enterprises.title")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(e) => e.tax_code}
        busy={list.isFetching}
        exportBase="/api/v1/enterprises/export"
        exportFormats={["csv", "xlsx", "geojson"]}
        filters={[
          {
            name: "ownership",
            label: t("enterprises.ownership"),
            options: ["state", "non_state", "foreign"].map((o) => ({
              value: o,
              label: t(`ownership.${o}` as "ownership.state"),
            })),
          },
          {
            name: "high_tech",
            label: t("enterprises.highTech"),
            options: [
              { value: "true", label: t("common.yes") },
              { value: "false", label: t("common.no") },
            ],
          },
        ]}
      />
    </>
  );
}
