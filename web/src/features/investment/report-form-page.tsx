/** /dau-tu/bao-cao/nop: an investor's quarterly or annual report; resubmitted until it is accepted. */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate, parseNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ReportInput, useSchedule, useSchedules, useSubmitReport } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { PERIODS } from "./report-columns.tsx";
import { ReportsNav } from "./reports-nav.tsx";
import { pickHalf, type TextKey, useText } from "./text.ts";

const AMOUNTS: Array<[keyof ReportInput & string, TextKey]> = [
  ["revenue_vnd", "revenue"],
  ["exports_usd", "exports"],
  ["workers", "workers"],
  ["taxes_vnd", "taxes"],
  ["rnd_vnd", "rnd"],
  ["environment_vnd", "environment"],
];
const EMPTY: Record<string, string> = {
  irc_number: "",
  year: String(new Date().getFullYear()),
  period: "Q1",
  capital_disbursed: "",
};

export function ReportFormPage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const submit = useSubmitReport();
  const [form, setForm] = useState(EMPTY);
  const [actuals, setActuals] = useState<Record<string, string>>({});
  // The projects this user may report on (an enterprise sees only its own), as suggestions.
  const projects = useSchedules({ q: form.irc_number || undefined, page_size: 20, sort: "irc_number" });
  const schedule = useSchedule(/^\d{10}$/.test(form.irc_number ?? "") ? (form.irc_number ?? "") : "");
  const error = submit.error instanceof ApiError ? submit.error : null;
  const field = (name: string) => ({
    value: form[name] ?? "",
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": error?.fieldMessage(name) ? true : undefined,
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    const num = (name: string) => parseNumber(form[name] ?? "", lang);
    const body: ReportInput = {
      irc_number: (form.irc_number ?? "").trim(),
      year: Number(form.year),
      period: form.period as ReportInput["period"],
      capital_disbursed: num("capital_disbursed") ?? Number.NaN,
      milestone_actuals: Object.fromEntries(Object.entries(actuals).filter(([, v]) => v)),
    };
    for (const [name] of AMOUNTS) if (num(name) !== undefined) Object.assign(body, { [name]: num(name) });
    submit.mutate(body);
  };
  const done = submit.data;
  return (
    <>
      <h1>{x("submit")}</h1>
      <InvestmentNav />
      <ReportsNav />
      <p className="muted">{x("importHint")}</p>
      <form className="form" onSubmit={send} noValidate>
        <FormErrors error={submit.error} />
        {done && (
          <div role="status" className="ok">
            {x("submitted")} ({done.project_name} · {label("period", done.period)} / {done.year})
            {done.flags.length > 0 && (
              <ul className="flags">
                {done.flags.map((f) => (
                  <li key={f.field}>⚠ {lang === "en" ? f.en : f.vi}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <label>
          {x("irc")}
          <input {...field("irc_number")} list="report-projects" inputMode="numeric" autoComplete="off" />
          <datalist id="report-projects">
            {projects.data?.items.map((p) => (
              <option key={p.irc_number} value={p.irc_number}>
                {p.name_vi}
              </option>
            ))}
          </datalist>
          <FieldError error={error} field="irc_number" />
        </label>
        <div className="row">
          <label>
            {x("year")}
            <input {...field("year")} inputMode="numeric" />
            <FieldError error={error} field="year" />
          </label>
          <label>
            {x("period")}
            <select {...field("period")}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {label("period", p)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {x("disbursed")} ({x("projectCurrency")})
          <input {...field("capital_disbursed")} inputMode="decimal" />
          <FieldError error={error} field="capital_disbursed" />
        </label>
        {AMOUNTS.map(([name, key]) => (
          <label key={name}>
            {x(key)}
            <input {...field(name)} inputMode="decimal" />
            <FieldError error={error} field={name} />
          </label>
        ))}
        {schedule.data && schedule.data.milestones.length > 0 && (
          <fieldset>
            <legend>{x("milestoneActuals")}</legend>
            {schedule.data.milestones.map((m) => (
              <label key={m.code}>
                {pickHalf(m.label, lang)} ({x("due")} {formatDate(m.due, lang)})
                <input
                  type="date"
                  value={actuals[m.code] ?? m.actual_on ?? ""}
                  onChange={(e) => setActuals({ ...actuals, [m.code]: e.target.value })}
                />
                <FieldError error={error} field={`milestone_actuals.${m.code}`} />
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={submit.isPending}>
          {x("submit")}
        </button>
      </form>
    </>
  );
}
