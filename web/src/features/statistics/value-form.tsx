/** For statistics managers: record a value of an indicator (period, territory, breakdown, value, status, source). */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors, fieldMessage } from "../../components/form-errors.tsx";
import { parseNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { TERRITORIES, useRecordValue, type ValueInput } from "./api.ts";
import { useText } from "./text.ts";

const EMPTY = {
  period: "",
  territory: "city",
  breakdown_kind: "total",
  breakdown_code: "",
  value: "",
  status: "official",
  source_url: "",
  source_note: "",
};
type Field = keyof typeof EMPTY;
const PLACED: string[] = Object.keys(EMPTY);

export function ValueForm({ code, kinds }: { code: string; kinds: string[] }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const record = useRecordValue(code);
  const [form, setForm] = useState(EMPTY);
  const [notNumber, setNotNumber] = useState(false);
  const field = (name: Field) => ({
    id: `value-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": fieldMessage(record.error, name) || (name === "value" && notNumber) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseNumber(form.value, lang);
    setNotNumber(value !== undefined && Number.isNaN(value));
    if (value !== undefined && Number.isNaN(value)) return;
    const body = {
      period: form.period.trim(),
      territory: form.territory as ValueInput["territory"],
      breakdown_kind: form.breakdown_kind as ValueInput["breakdown_kind"],
      breakdown_code: form.breakdown_kind === "total" ? "" : form.breakdown_code.trim(),
      // Left out when empty, so that the API names the missing field.
      value: value as number,
      status: form.status as ValueInput["status"],
      source_url: form.source_url.trim() || null,
      source_note: form.source_note.trim() || null,
    };
    record.mutate(body, { onSuccess: () => setForm({ ...EMPTY, territory: form.territory }) });
  };
  return (
    <section aria-labelledby="value-form" className="panel">
      <h2 id="value-form">{x("recordValue")}</h2>
      <form className="form wide" onSubmit={submit} noValidate>
        <FormErrors error={record.error} placed={(f) => PLACED.includes(f)} />
        {record.isSuccess && <p role="status">{x("saved")}</p>}
        <div className="row">
          <label>
            {x("period")}
            <input {...field("period")} placeholder={x("periodHint")} />
            <FieldError error={record.error} field="period" />
          </label>
          <label>
            {x("territory")}
            <select {...field("territory")}>
              {TERRITORIES.map((t) => (
                <option key={t} value={t}>
                  {label("territory", t)}
                </option>
              ))}
            </select>
            <FieldError error={record.error} field="territory" />
          </label>
        </div>
        {kinds.length > 0 && (
          <div className="row">
            <label>
              {x("breakdown")}
              <select {...field("breakdown_kind")}>
                {["total", ...kinds].map((k) => (
                  <option key={k} value={k}>
                    {label("breakdownKind", k)}
                  </option>
                ))}
              </select>
              <FieldError error={record.error} field="breakdown_kind" />
            </label>
            {form.breakdown_kind === "ownership" && (
              <label>
                {label("breakdownKind", "ownership")}
                <select {...field("breakdown_code")}>
                  <option value="" />
                  {["state", "non_state", "fdi"].map((o) => (
                    <option key={o} value={o}>
                      {label("ownership", o)}
                    </option>
                  ))}
                </select>
                <FieldError error={record.error} field="breakdown_code" />
              </label>
            )}
            {form.breakdown_kind === "industry" && (
              <label>
                {x("classCode")}
                <input {...field("breakdown_code")} placeholder="C, 26, 2610" />
                <FieldError error={record.error} field="breakdown_code" />
              </label>
            )}
          </div>
        )}
        <div className="row">
          <label>
            {x("value")}
            <input {...field("value")} inputMode="decimal" />
            {notNumber && <span className="field-error">{x("notNumber")}</span>}
            <FieldError error={record.error} field="value" />
          </label>
          <label>
            {x("status")}
            <select {...field("status")}>
              {["official", "estimate"].map((s) => (
                <option key={s} value={s}>
                  {label("status", s)}
                </option>
              ))}
            </select>
            <FieldError error={record.error} field="status" />
          </label>
        </div>
        <label>
          {x("sourceUrl")}
          <input {...field("source_url")} type="url" placeholder="https://" />
          <FieldError error={record.error} field="source_url" />
        </label>
        <label>
          {x("sourceNote")}
          <input {...field("source_note")} />
          <FieldError error={record.error} field="source_note" />
        </label>
        <button type="submit" disabled={record.isPending}>
          {x("save")}
        </button>
      </form>
    </section>
  );
}
