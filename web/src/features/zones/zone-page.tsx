import { Link, useParams } from "react-router";
import { Figure, LoadError, Loading, SyntheticBadge } from "../../components/status.tsx";
import { formatArea, formatDate, formatNumber, formatPercent, formatUsd } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useEnterprises } from "../enterprises/api.ts";
import { useProjects } from "../projects/api.ts";
import { useZone, useZoneSummary } from "./api.ts";

export function ZonePage() {
  const { code = "" } = useParams();
  const { t, lang } = useI18n();
  const zone = useZone(code);
  const summary = useZoneSummary(code);
  const enterprises = useEnterprises({ zone: code, page_size: 10, sort: "name_vi" });
  const projects = useProjects({ zone: code, page_size: 10, sort: "-issued_on" });
  if (zone.isPending) return <Loading />;
  if (zone.error) return <LoadError error={zone.error} />;
  const z = zone.data;
  const sourceOf = (field: string) => z.field_sources[field];
  // Every figure names where it comes from; derived ones (vacant land, occupancy) follow their inputs.
  const cite = (field: string) => {
    const code = sourceOf(field) ?? sourceOf("total_area_ha");
    return code ? `${t("app.source")}: ${code}` : undefined;
  };
  return (
    <article>
      <p>
        <Link to="/khu">← {t("nav.zones")}</Link>
      </p>
      <h1>
        {lang === "en" && z.name_en ? z.name_en : z.name_vi} <SyntheticBadge synthetic={z.is_synthetic} />
      </h1>
      <p className="muted">
        {t(`kind.${z.kind}` as "kind.kcn")} · {z.code} · {t(`status.${z.status}` as "status.operating")}
        {z.parent_code && (
          <>
            {" "}
            · {t("zones.parent")}: <Link to={`/khu/${z.parent_code}`}>{z.parent_code}</Link>
          </>
        )}
      </p>
      <section className="figures">
        <Figure
          label={t("zones.total")}
          value={formatArea(z.total_area_ha, lang)}
          note={sourceOf("total_area_ha") && `${t("app.source")}: ${sourceOf("total_area_ha")}`}
        />
        <Figure
          label={t("zones.industrial")}
          value={formatArea(z.industrial_land_ha, lang)}
          note={cite("industrial_land_ha")}
        />
        <Figure
          label={t("zones.leased")}
          value={formatArea(z.leased_land_ha, lang)}
          note={cite("leased_land_ha")}
        />
        <Figure label={t("zones.vacant")} value={formatArea(z.vacant_land_ha, lang)} />
        <Figure label={t("zones.occupancy")} value={formatPercent(z.occupancy, lang)} />
        {summary.data && (
          <Figure label={t("home.enterprises")} value={formatNumber(summary.data.enterprises.total, lang)} />
        )}
        {summary.data && (
          <Figure
            label={t("home.fdi")}
            value={formatNumber(summary.data.projects.foreign.projects, lang)}
            note={formatUsd(summary.data.projects.foreign.registered_usd, lang)}
          />
        )}
      </section>
      <dl className="facts">
        <dt>{t("zones.developer")}</dt>
        <dd>{z.developer ?? "—"}</dd>
        <dt>{t("zones.decision")}</dt>
        <dd>{z.decision_number ? `${z.decision_number} (${formatDate(z.decision_date, lang)})` : "—"}</dd>
        <dt>{t("zones.wastewater")}</dt>
        <dd>
          {z.wastewater_capacity_m3d ? `${formatNumber(z.wastewater_capacity_m3d, lang)} m³/ngày` : "—"}
        </dd>
        <dt>{t("zones.eco")}</dt>
        <dd>{t(`eco.${z.eco_status}` as "eco.none")}</dd>
        <dt>{t("zones.communes")}</dt>
        <dd>{z.commune_codes.join(", ") || "—"}</dd>
      </dl>
      <h2>{t("zones.enterprises")}</h2>
      <ul className="plain">
        {enterprises.data?.items.map((e) => (
          <li key={e.tax_code}>
            <Link to={`/doanh-nghiep/${e.tax_code}`}>{e.name_vi}</Link>{" "}
            <SyntheticBadge synthetic={e.is_synthetic} />
          </li>
        ))}
      </ul>
      {enterprises.data && enterprises.data.total > 10 && (
        <p>
          <Link to={`/doanh-nghiep?zone=${code}`}>
            {formatNumber(enterprises.data.total, lang)} {t("table.rows")} →
          </Link>
        </p>
      )}
      <h2>{t("zones.projects")}</h2>
      <ul className="plain">
        {projects.data?.items.map((p) => (
          <li key={p.irc_number}>
            <Link to={`/du-an/${p.irc_number}`}>{p.name_vi}</Link> · {formatDate(p.issued_on, lang)}
          </li>
        ))}
      </ul>
    </article>
  );
}
