import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { LoadError, Loading } from "../../components/status.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { type Transition, useCase, useCaseAction } from "./api.ts";
import { EnvironmentNav } from "./environment-nav.tsx";

const NOTICE_FIELDS = [
  ["notice_number", "env.noticeNumber", "text"],
  ["notice_date", "env.noticeDate", "date"],
  ["remediation_deadline", "env.deadline", "date"],
] as const;

export function CasePage() {
  const { code = "" } = useParams();
  const { t, lang } = useI18n();
  const found = useCase(code);
  const session = useSession();
  const actions = useCaseAction(code);
  const [to, setTo] = useState<Transition["to"] | "">("");
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState({ notice_number: "", notice_date: "", remediation_deadline: "" });
  const [answer, setAnswer] = useState("");
  if (found.error) return <LoadError error={found.error} />;
  if (!found.data) return <Loading />;
  const c = found.data;
  const permissions = session.data?.user?.permissions ?? {};
  const mayManage = "case.manage" in permissions;
  const mayAnswer = "case.answer" in permissions;
  const status = (s: string | null) => (s ? t(`env.caseStatus.${s}` as "env.caseStatus.open") : "");
  const error =
    (actions.transition.error ?? actions.answer.error) instanceof ApiError
      ? ((actions.transition.error ?? actions.answer.error) as ApiError)
      : null;
  const next = c.next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    actions.transition.mutate(
      {
        to,
        ...(note ? { note } : {}),
        ...(to === "notice_issued"
          ? Object.fromEntries(Object.entries(notice).filter(([, v]) => v !== ""))
          : {}),
      },
      {
        onSuccess: () => {
          setTo("");
          setNote("");
        },
      },
    );
  };
  return (
    <>
      <p>
        <Link to="/moi-truong/vu-viec">← {t("env.cases")}</Link>
      </p>
      <h1>
        {c.code} · {status(c.status)}
      </h1>
      <EnvironmentNav />
      <dl className="facts">
        <dt>{t("env.station")}</dt>
        <dd>
          <Link to={`/moi-truong/tram/${c.station_code}`}>{c.station_code}</Link> — {c.station_name}
        </dd>
        <dt>{t("env.owner")}</dt>
        <dd>{c.enterprise_name ?? t("env.zoneOwned")}</dd>
        <dt>{t("env.parameter")}</dt>
        <dd>
          {c.parameter} ({c.averaging}) · {t("env.peak")} {formatNumber(c.peak_value, lang, 2)} /{" "}
          {t("env.limit")} {formatNumber(c.limit_value, lang, 2)} ({c.limit_table}
          {!c.limit_verified && `, ${t("env.unverified")}`})
        </dd>
        <dt>{t("env.count")}</dt>
        <dd>
          {formatNumber(c.exceedance_count, lang, 0)} ({formatDateTime(c.first_period_end, lang)} →{" "}
          {formatDateTime(c.last_period_end, lang)})
        </dd>
        <dt>{t("env.inspector")}</dt>
        <dd>{c.inspector ?? "—"}</dd>
        {c.notice_number && (
          <>
            <dt>{t("env.noticeNumber")}</dt>
            <dd>
              {c.notice_number} ({formatDate(c.notice_date, lang)}) · {t("env.deadline")}{" "}
              {formatDate(c.remediation_deadline, lang)}
            </dd>
          </>
        )}
      </dl>
      <section>
        <h2>{t("env.history")}</h2>
        <ol className="timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              <strong>{t(`env.event.${e.kind}` as "env.event.opened")}</strong> · {formatDateTime(e.at, lang)}{" "}
              · {e.username ?? "system"}
              {e.to_status && ` · ${status(e.from_status)} → ${status(e.to_status)}`}
              {e.note && <div>{e.note}</div>}
            </li>
          ))}
        </ol>
      </section>
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      {next.length === 0 && <p className="muted">{t("env.closed")}</p>}
      {mayManage && next.length > 0 && (
        <form onSubmit={submit} className="form">
          <h2>{t("env.next")}</h2>
          <label>
            {t("env.status")}
            <select value={to} onChange={(e) => setTo(e.target.value as Transition["to"])} required>
              <option value="" />
              {next.map((s) => (
                <option key={s} value={s}>
                  {status(s)}
                </option>
              ))}
            </select>
          </label>
          {to === "notice_issued" &&
            NOTICE_FIELDS.map(([field, label, type]) => (
              <label key={field}>
                {t(label)}
                <input
                  type={type}
                  value={notice[field]}
                  onChange={(e) => setNotice({ ...notice, [field]: e.target.value })}
                />
                {error?.fieldMessage(field) && (
                  <span className="field-error">{error.fieldMessage(field)}</span>
                )}
              </label>
            ))}
          <label>
            {t("env.note")}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
            {error?.fieldMessage("note") && <span className="field-error">{error.fieldMessage("note")}</span>}
          </label>
          <button type="submit" disabled={actions.transition.isPending}>
            {t("env.save")}
          </button>
        </form>
      )}
      {mayAnswer && next.length > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            actions.answer.mutate(answer, { onSuccess: () => setAnswer("") });
          }}
        >
          <h2>{t("env.answer")}</h2>
          <label>
            {t("env.note")}
            <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} rows={3} required />
          </label>
          <button type="submit" disabled={actions.answer.isPending}>
            {t("env.answer")}
          </button>
        </form>
      )}
    </>
  );
}
