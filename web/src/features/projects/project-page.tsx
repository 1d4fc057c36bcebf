import { Link, useParams } from "react-router";
import { LoadError, Loading, SyntheticBadge } from "../../components/status.tsx";
import { formatDate, formatMoney, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useProject } from "./api.ts";
import { MilestonesSection } from "./milestones-section.tsx";

export function ProjectPage() {
  const { irc = "" } = useParams();
  const { t, lang } = useI18n();
  const project = useProject(irc);
  if (project.isPending) return <Loading />;
  if (project.error) return <LoadError error={project.error} />;
  const p = project.data;
  const money = (v: number | null | undefined) => formatMoney(v, p.capital.currency, lang);
  return (
    <article>
      <p>
        <Link to="/du-an">← {t("nav.projects")}</Link>
      </p>
      <h1>
        {p.name_vi} <SyntheticBadge synthetic={p.is_synthetic} />
      </h1>
      <dl className="facts">
        <dt>{t("projects.irc")}</dt>
        <dd>
          {p.irc_number} · {formatDate(p.issued_on, lang)}
        </dd>
        <dt>{t("projects.status")}</dt>
        <dd>
          {p.status}
          {p.extended_months ? ` (+${p.extended_months})` : ""}
        </dd>
        <dt>{t("projects.capital")}</dt>
        <dd>{money(p.capital.registered)}</dd>
        <dt>{t("projects.investor")}</dt>
        <dd>{p.investors.map((i) => `${i.name} (${i.country})`).join(", ")}</dd>
        <dt>{t("enterprises.zone")}</dt>
        <dd>{p.zone_code ? <Link to={`/khu/${p.zone_code}`}>{p.zone_code}</Link> : "—"}</dd>
        <dt>{t("projects.enterpriseTaxCode")}</dt>
        <dd>
          {p.enterprise_tax_code ? (
            <Link to={`/doanh-nghiep/${p.enterprise_tax_code}`}>{p.enterprise_tax_code}</Link>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      <h2>{t("projects.milestones")}</h2>
      <ul className="plain">
        {p.milestones.map((m) => (
          <li key={m.code}>
            {m.label}: {formatDate(m.due, lang)}
          </li>
        ))}
      </ul>
      <MilestonesSection irc={p.irc_number} />
      {p.events && (
        <>
          <h2>{t("projects.timeline")}</h2>
          <ol className="timeline">
            {p.events.map((e) => (
              <li key={e.seq}>
                <time dateTime={e.occurred_on}>{formatDate(e.occurred_on, lang)}</time> ·{" "}
                <strong>{t(`event.${e.kind}` as "event.issued")}</strong>
                {e.amount !== null && e.amount !== undefined ? ` · ${money(e.amount)}` : ""}
                {e.months ? ` · ${formatNumber(e.months, lang)} ${t("common.months")}` : ""}
                {e.decision_number ? ` · ${e.decision_number}` : ""}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
