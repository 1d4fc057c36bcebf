/** The proposal to screen: what an investor's file says, typed as a Vietnamese reader writes numbers. */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { parseNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ProposalInput, useRunScreening, useZoneOptions } from "./api.ts";
import { type TextKey, useText } from "./text.ts";

const EMPTY = {
  title: "",
  vsic_codes: "",
  products: "",
  currency: "VND",
  vnd_per_usd: "",
  capital: "",
  output_per_year: "",
  land_ha: "",
  workers: "",
  technology_level: "",
  equipment_year: "",
  pollution_risk_group: "",
  water_m3_per_day: "",
  zone_code: "",
  screened_on: "",
};
type Name = keyof typeof EMPTY;
const NUMBERS: Array<[Name, TextKey]> = [
  ["output_per_year", "output"],
  ["land_ha", "land"],
  ["workers", "workers"],
  ["equipment_year", "equipmentYear"],
  ["water_m3_per_day", "water"],
];
const split = (s: string) =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function ScreeningForm({ onResult }: { onResult: (code: string) => void }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const run = useRunScreening();
  const zones = useZoneOptions();
  const [form, setForm] = useState(EMPTY);
  const error = run.error instanceof ApiError ? run.error : null;
  const field = (name: Name) => ({
    id: `sl-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": error?.fieldMessage(name) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const num = (name: Name) => parseNumber(form[name], lang);
    const body: ProposalInput = {
      title: form.title,
      vsic_codes: split(form.vsic_codes),
      products: split(form.products),
      currency: form.currency as ProposalInput["currency"],
      capital: num("capital") ?? Number.NaN,
    };
    if (form.currency === "USD") body.vnd_per_usd = num("vnd_per_usd");
    for (const [name] of NUMBERS) if (num(name) !== undefined) Object.assign(body, { [name]: num(name) });
    if (form.technology_level)
      body.technology_level = form.technology_level as ProposalInput["technology_level"];
    if (form.pollution_risk_group)
      body.pollution_risk_group = form.pollution_risk_group as ProposalInput["pollution_risk_group"];
    if (form.zone_code) body.zone_code = form.zone_code;
    if (form.screened_on) body.screened_on = form.screened_on;
    run.mutate(body, { onSuccess: (result) => onResult(result.code) });
  };
  const text = (name: Name, key: TextKey, numeric = true) => (
    <label key={name}>
      {x(key)}
      <input {...field(name)} inputMode={numeric ? "decimal" : undefined} />
      <FieldError error={error} field={name} />
    </label>
  );
  return (
    <form className="form wide" onSubmit={submit} noValidate aria-labelledby="screening-form">
      <h2 id="screening-form">{x("proposal")}</h2>
      <FormErrors error={run.error} />
      {text("title", "projectName", false)}
      <label>
        {x("vsic")} ({x("commaHint")})
        <input {...field("vsic_codes")} placeholder="26190" />
        <FieldError error={error} field="vsic_codes" />
      </label>
      <label>
        {x("products")} ({x("commaHint")})
        <input {...field("products")} />
      </label>
      <div className="row">
        <label>
          {x("currency")}
          <select {...field("currency")}>
            <option value="VND">VND</option>
            <option value="USD">USD</option>
          </select>
        </label>
        {text("capital", "capital")}
        {form.currency === "USD" && text("vnd_per_usd", "rate")}
      </div>
      <div className="row">{NUMBERS.map(([name, key]) => text(name, key))}</div>
      <div className="row">
        <label>
          {x("technology")}
          <select {...field("technology_level")}>
            <option value="">{x("notGiven")}</option>
            {["outdated", "medium", "advanced", "high"].map((v) => (
              <option key={v} value={v}>
                {label("technology", v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {x("pollution")}
          <select {...field("pollution_risk_group")}>
            <option value="">{x("notGiven")}</option>
            {["I", "II", "III", "IV"].map((g) => (
              <option key={g} value={g}>
                {lang === "vi" ? "Nhóm" : "Group"} {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {x("zone")}
          <select {...field("zone_code")}>
            <option value="">{x("outsideZone")}</option>
            {zones.data?.map((z) => (
              <option key={z.code} value={z.code}>
                {z.code} — {lang === "en" && z.name_en ? z.name_en : z.name_vi}
              </option>
            ))}
          </select>
          <FieldError error={error} field="zone_code" />
        </label>
        <label>
          {x("screenedOn")}
          <input type="date" {...field("screened_on")} />
          <FieldError error={error} field="screened_on" />
        </label>
      </div>
      <button type="submit" disabled={run.isPending}>
        {x("run")}
      </button>
    </form>
  );
}
