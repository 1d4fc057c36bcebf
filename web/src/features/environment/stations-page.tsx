import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError, SyntheticBadge } from "../../components/status.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { type StationQuery, useStations } from "./api.ts";
import { AqiBadge } from "./aqi-badge.tsx";
import { EnvironmentNav } from "./environment-nav.tsx";

type Station = NonNullable<ReturnType<typeof useStations>["data"]>["items"][number];
const KINDS = ["ambient_air", "wastewater", "stack_emission"] as const;

export function StationsPage() {
  const { t, lang } = useI18n();
  const [params, update] = useListParams(["kind", "zone", "enterprise", "silent", "status"], "code");
  const stations = useStations(params as StationQuery);
  const session = useSession();
  const mayManage = Boolean(session.data?.user && "station.manage" in session.data.user.permissions);
  const columns: Column<Station>[] = [
    {
      key: "code",
      header: t("env.station"),
      sortable: true,
      render: (s) => (
        <>
          <Link to={`/moi-truong/tram/${s.code}`}>{s.code}</Link>{" "}
          <SyntheticBadge synthetic={s.is_synthetic} />
          <div className="muted">{lang === "en" && s.name_en ? s.name_en : s.name_vi}</div>
        </>
      ),
    },
    { key: "kind", header: t("env.kind"), render: (s) => t(`env.kind.${s.kind}` as "env.kind.wastewater") },
    {
      key: "zone",
      header: t("env.zone"),
      render: (s) =>
        s.zone_code ? <Link to={`/khu/${s.zone_code}`}>{s.zone_name ?? s.zone_code}</Link> : "—",
    },
    { key: "owner", header: t("env.owner"), render: (s) => s.enterprise_name ?? t("env.zoneOwned") },
    {
      key: "aqi",
      header: "VN_AQI",
      sortable: true,
      render: (s) => (s.kind === "ambient_air" ? <AqiBadge aqi={s.aqi} /> : "—"),
    },
    {
      key: "last_reading_at",
      header: t("env.lastReading"),
      sortable: true,
      render: (s) => (
        <>
          {formatDateTime(s.last_reading_at, lang)}{" "}
          {s.silent && <strong className="warn">{t("env.silent")}</strong>}
        </>
      ),
    },
  ];
  return (
    <>
      <h1>{t("env.title")}</h1>
      <EnvironmentNav />
      <p className="lead">{t("env.lead")}</p>
      {mayManage && (
        <p>
          <Link to="/moi-truong/tram-moi">{t("env.newStation")}</Link>
        </p>
      )}
      {stations.error && <LoadError error={stations.error} />}
      <DataTable
        caption={t("env.stations")}
        columns={columns}
        rows={stations.data?.items}
        total={stations.data?.total}
        params={params}
        onChange={update}
        rowKey={(s) => s.code}
        busy={stations.isFetching}
        exportBase="/api/v1/environment/stations/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "kind",
            label: t("env.kind"),
            options: KINDS.map((k) => ({ value: k, label: t(`env.kind.${k}` as "env.kind.wastewater") })),
          },
          {
            name: "silent",
            label: t("env.signal"),
            options: [
              { value: "true", label: t("env.silent") },
              { value: "false", label: t("env.reporting") },
            ],
          },
        ]}
      />
    </>
  );
}
