/** /dau-tu/giam-sat/vu-viec/:code: a late project's case, its steps, and for supervisors the next step. */
import { Link, useParams } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError, Loading } from "../../components/status.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSupervisionCase } from "./api.ts";
import { StatusTag } from "./badges.tsx";
import { CaseActions } from "./case-actions.tsx";
import { InvestmentNav } from "./investment-nav.tsx";
import { pickHalf, useText } from "./text.ts";

export function SupervisionCasePage() {
  const { code = "" } = useParams();
  const { lang } = useI18n();
  const { x, label } = useText();
  const can = useCan();
  const found = useSupervisionCase(code);
  if (found.error) return <LoadError error={found.error} />;
  if (!found.data) return <Loading />;
  const c = found.data;
  return (
    <>
      <p>
        <Link to="/dau-tu/giam-sat/vu-viec">← {x("cases")}</Link>
      </p>
      <h1>
        {c.code} · {label("stage", c.stage)}
      </h1>
      <InvestmentNav />
      <dl className="facts">
        <dt>{x("project")}</dt>
        <dd>
          <Link to={`/du-an/${c.irc_number}`}>{c.project_name}</Link> ({c.irc_number})
        </dd>
        <dt>{x("zone")}</dt>
        <dd>{c.zone_code ? <Link to={`/khu/${c.zone_code}`}>{c.zone_code}</Link> : "—"}</dd>
        <dt>{x("lateMilestone")}</dt>
        <dd>
          {label("milestone", c.milestone_code)} · {x("daysLateAtOpen")}:{" "}
          {formatNumber(c.days_late_at_open, lang, 0)}
        </dd>
        <dt>{x("scheduleStatus")}</dt>
        <dd>
          <StatusTag kind="schedule" value={c.schedule_status} />
          {c.days_late !== null && ` · ${x("daysLate")}: ${formatNumber(c.days_late, lang, 0)}`}
        </dd>
        <dt>{x("opened")}</dt>
        <dd>
          {formatDate(c.opened_on, lang)}
          {c.closed_on && ` · ${x("closed")} ${formatDate(c.closed_on, lang)}`}
        </dd>
      </dl>
      <section aria-labelledby="case-steps">
        <h2 id="case-steps">{x("steps")}</h2>
        <ol className="timeline">
          {c.steps.map((s) => (
            <li key={s.id}>
              <strong>{label("stage", s.stage)}</strong> · {formatDateTime(s.at, lang)} · {s.username ?? "—"}
              {s.document_number && (
                <div>
                  {x("documentNumber")}: {s.document_number}
                  {s.document_date && ` (${formatDate(s.document_date, lang)})`}
                </div>
              )}
              {s.note && <div>{pickHalf(s.note, lang)}</div>}
            </li>
          ))}
        </ol>
      </section>
      {c.next.length === 0 && <p className="muted">{x("caseClosed")}</p>}
      {can("supervision.manage") && c.next.length > 0 && (
        <CaseActions code={c.code} irc={c.irc_number} next={c.next} />
      )}
    </>
  );
}
