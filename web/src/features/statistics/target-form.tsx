/** For statistics managers: set (or replace) a year's target of an indicator; the API's errors at their fields. */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors, fieldMessage } from "../../components/form-errors.tsx";
import { parseNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { TERRITORIES, type Territory, useIndicatorOptions, useSetTarget } from "./api.ts";
import { useText } from "./text.ts";

const PLACED = ["year", "territory", "value", "source"];

export function TargetForm({ year }: { year: number }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const indicators = useIndicatorOptions();
  const [form, setForm] = useState({
    code: "",
    year: String(year),
    territory: "city",
    value: "",
    source: "",
  });
  const code = form.code || indicators.data?.[0]?.code || "";
  const save = useSetTarget(code);
  const [local, setLocal] = useState<string | null>(null);
  const field = (name: keyof typeof form) => ({
    id: `target-${name}`,
    value: name === "code" ? code : form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": fieldMessage(save.error, name) || (name === "value" && local) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseNumber(form.value, lang);
    setLocal(value !== undefined && Number.isNaN(value) ? x("notNumber") : null);
    if (value !== undefined && Number.isNaN(value)) return;
    save.mutate({
      year: Number(form.year),
      territory: form.territory as Territory,
      // Left out when empty, so that the API names the missing field.
      value: value as number,
      source: form.source.trim() || null,
    });
  };
  return (
    <section aria-labelledby="target-form" className="panel">
      <h2 id="target-form">{x("setTarget")}</h2>
      <form className="form wide" onSubmit={submit} noValidate>
        <FormErrors error={save.error} placed={(f) => PLACED.includes(f)} />
        {save.isSuccess && <p role="status">{x("saved")}</p>}
        <div className="row">
          <label>
            {x("indicator")}
            <select {...field("code")}>
              {(indicators.data ?? []).map((i) => (
                <option key={i.code} value={i.code}>
                  {lang === "en" ? i.name_en : i.name_vi} ({i.unit})
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {x("year")}
            <input {...field("year")} inputMode="numeric" />
            <FieldError error={save.error} field="year" />
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
            <FieldError error={save.error} field="territory" />
          </label>
          <label>
            {x("value")}
            <input {...field("value")} inputMode="decimal" />
            {local && <span className="field-error">{local}</span>}
            <FieldError error={save.error} field="value" />
          </label>
        </div>
        <label>
          {x("targetSource")}
          <input {...field("source")} placeholder={x("targetSourceHint")} />
          <FieldError error={save.error} field="source" />
        </label>
        <button type="submit" disabled={save.isPending || !code}>
          {x("save")}
        </button>
      </form>
    </section>
  );
}
