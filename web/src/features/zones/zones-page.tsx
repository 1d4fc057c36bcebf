import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError, SyntheticBadge } from "../../components/status.tsx";
import { formatArea, formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useZones, type ZoneQuery } from "./api.ts";

type Zone = NonNullable<ReturnType<typeof useZones>["data"]>["items"][number];

export function ZonesPage() {
  const { t, lang } = useI18n();
  const [params, update] = useListParams(["kind", "status", "territory"], "name_vi");
  const zones = useZones(params as ZoneQuery);
  const name = (z: Zone) => (lang === "en" && z.name_en ? z.name_en : z.name_vi);
  const columns: Column<Zone>[] = [
    {
      key: "name_vi",
      header: t("zones.name"),
      sortable: true,
      render: (z) => (
        <>
          <Link to={`/khu/${z.code}`}>{name(z)}</Link> <SyntheticBadge synthetic={z.is_synthetic} />
        </>
      ),
    },
    { key: "kind", header: t("zones.kind"), render: (z) => t(`kind.${z.kind}` as "kind.kcn") },
    {
      key: "total_area_ha",
      header: t("zones.total"),
      sortable: true,
      numeric: true,
      render: (z) => formatArea(z.total_area_ha, lang),
    },
    {
      key: "vacant_land_ha",
      header: t("zones.vacant"),
      numeric: true,
      render: (z) => formatArea(z.vacant_land_ha, lang),
    },
    {
      key: "occupancy",
      header: t("zones.occupancy"),
      sortable: true,
      numeric: true,
      render: (z) => formatPercent(z.occupancy, lang),
    },
    {
      key: "status",
      header: t("zones.status"),
      render: (z) => t(`status.${z.status}` as "status.operating"),
    },
  ];
  return (
    <>
      <h1>{t("zones.title")}</h1>
      {zones.error && <LoadError error={zones.error} />}
      <DataTable
        caption={t("zones.title")}
        columns={columns}
        rows={zones.data?.items}
        total={zones.data?.total}
        params={params}
        onChange={update}
        rowKey={(z) => z.code}
        busy={zones.isFetching}
        exportBase="/api/v1/zones/export"
        exportFormats={["csv", "xlsx", "geojson"]}
        filters={[
          {
            name: "kind",
            label: t("zones.kind"),
            options: ["kkt", "kcn", "ccn"].map((k) => ({ value: k, label: t(`kind.${k}` as "kind.kcn") })),
          },
          {
            name: "status",
            label: t("zones.status"),
            options: ["operating", "under_construction", "planned"].map((k) => ({
              value: k,
              label: t(`status.${k}` as "status.operating"),
            })),
          },
        ]}
      />
    </>
  );
}
