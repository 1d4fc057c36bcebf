import { Link, useParams } from "react-router";
import { LoadError, Loading, SyntheticBadge } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useProjects } from "../projects/api.ts";
import { useEnterprise } from "./api.ts";

/** An enterprise's file: public fields for everyone; contacts and workforce when the caller's scope covers it. */
export function EnterprisePage() {
  const { taxCode = "" } = useParams();
  const { t, lang } = useI18n();
  const enterprise = useEnterprise(taxCode);
  const projects = useProjects({ enterprise: taxCode, page_size: 50, sort: "-issued_on" });
  if (enterprise.isPending) return <Loading />;
  if (enterprise.error) return <LoadError error={enterprise.error} />;
  const e = enterprise.data;
  return (
    <article>
      <p>
        <Link to="/doanh-nghiep">← {t("nav.enterprises")}</Link>
      </p>
      <h1>
        {e.name_vi} <SyntheticBadge synthetic={e.is_synthetic} />
      </h1>
      {e.name_en && <p className="muted">{e.name_en}</p>}
      <dl className="facts">
        <dt>{t("enterprises.taxCode")}</dt>
        <dd>{e.tax_code}</dd>
        <dt>{t("enterprises.ownership")}</dt>
        <dd>{t(`ownership.${e.ownership}` as "ownership.state")}</dd>
        <dt>{t("enterprises.countries")}</dt>
        <dd>
          {e.investor_countries.map((c) => `${c.country} ${formatNumber(c.share, lang)}%`).join(", ") || "—"}
        </dd>
        <dt>{t("enterprises.vsic")}</dt>
        <dd>{e.vsic_main}</dd>
        <dt>{t("enterprises.zone")}</dt>
        <dd>{e.zone_code ? <Link to={`/khu/${e.zone_code}`}>{e.zone_code}</Link> : "—"}</dd>
        <dt>{t("enterprises.address")}</dt>
        <dd>{e.address ?? "—"}</dd>
        {"workers" in e && (
          <>
            <dt>{t("enterprises.workers")}</dt>
            <dd>
              {formatNumber(e.workers, lang)}
              {e.workers_as_of ? ` (${formatDate(e.workers_as_of, lang)})` : ""}
            </dd>
          </>
        )}
        {"contact_name" in e && (
          <>
            <dt>{t("enterprises.contact")}</dt>
            <dd data-testid="contact">
              {[e.contact_name, e.contact_phone, e.contact_email].filter(Boolean).join(" · ") || "—"}
            </dd>
          </>
        )}
      </dl>
      <h2>{t("projects.title")}</h2>
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
