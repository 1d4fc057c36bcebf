/**
 * The next step of a supervision case: warn, extend (document, months, a new date per milestone),
 * record recovery (a note) or terminate (document and note). The API's errors sit at their fields.
 */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type StepInput, useCaseStep, useSchedule } from "./api.ts";
import { pickHalf, useText } from "./text.ts";

type Action = StepInput["action"];
const NEEDS: Record<Action, { document: boolean; date: boolean; noteRequired: boolean }> = {
  warn: { document: true, date: true, noteRequired: false },
  extend: { document: true, date: true, noteRequired: false },
  recover: { document: false, date: false, noteRequired: true },
  terminate: { document: true, date: true, noteRequired: true },
};

export function CaseActions({ code, irc, next }: { code: string; irc: string; next: Action[] }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const step = useCaseStep(code);
  const schedule = useSchedule(irc);
  const [action, setAction] = useState<Action | "">("");
  const [form, setForm] = useState({ document_number: "", document_date: "", note: "", months: "" });
  const [dues, setDues] = useState<Record<string, string>>({});
  const error = step.error instanceof ApiError ? step.error : null;
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": error?.fieldMessage(name) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    const body: StepInput = { action };
    if (form.note) body.note = form.note;
    if (NEEDS[action].document && form.document_number) body.document_number = form.document_number;
    if (NEEDS[action].date && form.document_date) body.document_date = form.document_date;
    if (action === "extend") {
      if (form.months) body.months = Number(form.months);
      body.new_dues = Object.fromEntries(Object.entries(dues).filter(([, v]) => v));
    }
    step.mutate(body, {
      onSuccess: () => {
        setAction("");
        setForm({ document_number: "", document_date: "", note: "", months: "" });
        setDues({});
      },
    });
  };
  const needs = action ? NEEDS[action] : null;
  const s = schedule.data;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="next-step">
      <h2 id="next-step">{x("nextStep")}</h2>
      <FormErrors error={step.error} />
      <label>
        {x("action")}
        <select value={action} onChange={(e) => setAction(e.target.value as Action)} required>
          <option value="" />
          {next.map((a) => (
            <option key={a} value={a}>
              {label("action", a)}
            </option>
          ))}
        </select>
        <FieldError error={error} field="action" />
      </label>
      {needs?.document && (
        <label>
          {x("documentNumber")}
          <input {...field("document_number")} />
          <FieldError error={error} field="document_number" />
        </label>
      )}
      {needs?.date && (
        <label>
          {x("documentDate")}
          <input type="date" {...field("document_date")} />
          <FieldError error={error} field="document_date" />
        </label>
      )}
      {action === "extend" && (
        <>
          <label>
            {x("months")}
            {s && (
              <span className="muted">
                {x("extensionUsed")
                  .replace("{u}", String(s.extended_months))
                  .replace("{m}", String(s.extension_max_months))}
              </span>
            )}
            <input {...field("months")} inputMode="numeric" />
            <FieldError error={error} field="months" />
          </label>
          {s?.milestones
            .filter((m) => !m.actual_on)
            .map((m) => (
              <label key={m.code}>
                {x("newDue")}: {pickHalf(m.label, lang)} ({x("due")} {formatDate(m.due, lang)})
                <input
                  type="date"
                  value={dues[m.code] ?? ""}
                  onChange={(e) => setDues({ ...dues, [m.code]: e.target.value })}
                />
                <FieldError error={error} field={`new_dues.${m.code}`} />
              </label>
            ))}
        </>
      )}
      {action && (
        <label>
          {x("note")}
          {needs?.noteRequired ? " *" : ""}
          <textarea {...field("note")} rows={3} required={needs?.noteRequired} />
          <FieldError error={error} field="note" />
        </label>
      )}
      <button type="submit" disabled={!action || step.isPending}>
        {x("record")}
      </button>
    </form>
  );
}
