/** Registering a project: the API validates; its errors are shown beside the fields they name. */
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ProjectInput, useCreateProject } from "../projects/api.ts";

interface Field {
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  /** The API's field path when it differs from the form's name. */
  apiField?: string;
  defaultValue?: string;
}

export function NewProjectForm({ zones }: { zones: Array<{ code: string; name: string }> }) {
  const { t } = useI18n();
  const create = useCreateProject();
  const [created, setCreated] = useState<string | null>(null);
  const error = create.error instanceof ApiError ? create.error : null;
  const today = new Date().toISOString().slice(0, 10);
  const fields: Field[] = [
    { name: "irc_number", label: t("projects.irc"), required: true },
    { name: "name_vi", label: t("projects.name"), required: true },
    { name: "enterprise_tax_code", label: t("projects.enterpriseTaxCode") },
    { name: "investor", label: t("projects.investor"), required: true, apiField: "investors.0.name" },
    {
      name: "country",
      label: t("projects.country"),
      required: true,
      apiField: "investors.0.country",
      defaultValue: "KR",
    },
    { name: "vsic_codes", label: t("projects.vsicCodes"), required: true, defaultValue: "2640" },
    { name: "registered_capital", label: `${t("projects.capital")} (USD)`, type: "number", required: true },
    { name: "vnd_per_usd", label: t("projects.rate"), type: "number", required: true, defaultValue: "25400" },
    { name: "issued_on", label: t("projects.issued"), type: "date", required: true, defaultValue: today },
  ];
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const body: ProjectInput = {
      irc_number: value("irc_number"),
      name_vi: value("name_vi"),
      enterprise_tax_code: value("enterprise_tax_code") || null,
      investors: [{ name: value("investor"), country: value("country").toUpperCase() }],
      zone_code: value("zone_code") || null,
      vsic_codes: value("vsic_codes")
        .split(/[,;\s]+/)
        .filter(Boolean),
      currency: "USD",
      registered_capital: Number(value("registered_capital")),
      vnd_per_usd: Number(value("vnd_per_usd")),
      rate_date: value("issued_on"),
      issued_on: value("issued_on"),
    } as ProjectInput;
    create.mutate(body, { onSuccess: (p) => setCreated(p.irc_number) });
  };
  const fieldError = (f: Field) => error?.fieldMessage(f.apiField ?? f.name);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-project">
      <h2 id="new-project">{t("projects.new")}</h2>
      {fields.map((f) => {
        const message = fieldError(f);
        const id = `f-${f.name}`;
        return (
          <label key={f.name} htmlFor={id}>
            <span>{f.label}</span>
            <input
              id={id}
              name={f.name}
              type={f.type ?? "text"}
              required={f.required}
              defaultValue={f.defaultValue}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-error` : undefined}
            />
            {message && (
              <span id={`${id}-error`} className="field-error">
                {message}
              </span>
            )}
          </label>
        );
      })}
      <label htmlFor="f-zone_code">
        <span>{t("enterprises.zone")}</span>
        <select
          id="f-zone_code"
          name="zone_code"
          defaultValue={zones[0]?.code ?? ""}
          key={zones.map((z) => z.code).join()}
        >
          <option value="">—</option>
          {zones.map((z) => (
            <option key={z.code} value={z.code}>
              {z.name} ({z.code})
            </option>
          ))}
        </select>
        {error?.fieldMessage("zone_code") && (
          <span className="field-error">{error.fieldMessage("zone_code")}</span>
        )}
      </label>
      {error && !error.details.some((d) => d.field) && (
        <p role="alert" className="alert">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {t("projects.save")}
      </button>
      {created && (
        <p role="status">
          {t("projects.saved")}: <Link to={`/du-an/${created}`}>{created}</Link>
        </p>
      )}
    </form>
  );
}
