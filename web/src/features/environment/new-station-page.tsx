/** An inspector (or a zone officer, in their zones) registers a station with its permit. */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type StationInput, useCreateStation, useLimitTables, useParameters } from "./api.ts";
import { EnvironmentNav } from "./environment-nav.tsx";

type Kind = StationInput["kind"];
const KINDS: Kind[] = ["ambient_air", "wastewater", "stack_emission"];
const TABLE_KIND: Record<Kind, string> = {
  ambient_air: "ambient",
  wastewater: "wastewater",
  stack_emission: "emission",
};

export function NewStationPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const create = useCreateStation();
  const parameters = useParameters();
  const tables = useLimitTables();
  const [kind, setKind] = useState<Kind>("wastewater");
  const [form, setForm] = useState({
    code: "",
    name_vi: "",
    zone_code: "",
    enterprise_tax_code: "",
    lon: "",
    lat: "",
  });
  const [table, setTable] = useState("");
  const [column, setColumn] = useState("B");
  const [k, setK] = useState({ a: "1", b: "1" });
  const [chosen, setChosen] = useState<string[]>([]);
  const error = create.error instanceof ApiError ? create.error : null;
  const available = (parameters.data?.items ?? []).filter((p) => p.unit[kind] !== undefined);
  const kindTables = (tables.data?.items ?? []).filter((x) => x.kind === TABLE_KIND[kind] && x.row_count > 0);
  const coefficientNames =
    kind === "wastewater" ? ["Kq", "Kf"] : kind === "stack_emission" ? ["Kp", "Kv"] : [];
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const fieldError = (name: string) =>
    error?.fieldMessage(name) && <span className="field-error">{error.fieldMessage(name)}</span>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const coefficients = Object.fromEntries(coefficientNames.map((n, i) => [n, Number(i === 0 ? k.a : k.b)]));
    create.mutate(
      {
        code: form.code.trim().toUpperCase(),
        name_vi: form.name_vi,
        kind,
        zone_code: form.zone_code || null,
        enterprise_tax_code: form.enterprise_tax_code || null,
        location: form.lon && form.lat ? { lon: Number(form.lon), lat: Number(form.lat) } : null,
        limit_table: table || null,
        limit_column: kind === "ambient_air" || !table ? null : column,
        coefficients,
        interval_seconds: 300,
        parameters: chosen.map((parameter) => ({ parameter })),
      },
      { onSuccess: (station) => navigate(`/moi-truong/tram/${station.code}`) },
    );
  };
  return (
    <>
      <h1>{t("env.newStation")}</h1>
      <EnvironmentNav />
      <form className="form" onSubmit={submit} noValidate>
        {error && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <label>
          {t("env.code")}
          <input {...field("code")} placeholder="NT-DINHVU-02" />
          {fieldError("code")}
        </label>
        <label>
          {t("env.name")}
          <input {...field("name_vi")} />
          {fieldError("name_vi")}
        </label>
        <label>
          {t("env.kind")}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setChosen([]);
              setTable("");
            }}
          >
            {KINDS.map((x) => (
              <option key={x} value={x}>
                {t(`env.kind.${x}` as "env.kind.wastewater")}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("env.zone")}
          <input {...field("zone_code")} placeholder="KCN-DINHVU" />
          {fieldError("zone_code")}
        </label>
        <label>
          {t("env.ownerTaxCode")}
          <input {...field("enterprise_tax_code")} inputMode="numeric" />
          {fieldError("enterprise_tax_code")}
        </label>
        <label>
          {t("env.lon")}
          <input {...field("lon")} inputMode="decimal" />
        </label>
        <label>
          {t("env.lat")}
          <input {...field("lat")} inputMode="decimal" />
          {fieldError("location")}
        </label>
        <label>
          {t("env.permit")}
          <select value={table} onChange={(e) => setTable(e.target.value)}>
            <option value="" />
            {kindTables.map((x) => (
              <option key={x.code} value={x.code}>
                {lang === "en" && x.title_en ? x.title_en : x.title_vi}
              </option>
            ))}
          </select>
          {fieldError("limit_table")}
        </label>
        {kind !== "ambient_air" && table && (
          <>
            <label>
              {t("env.column")}
              <select value={column} onChange={(e) => setColumn(e.target.value)}>
                <option value="A">A</option>
                <option value="B">B</option>
              </select>
            </label>
            {coefficientNames.map((n, i) => (
              <label key={n}>
                {n}
                <input
                  inputMode="decimal"
                  value={i === 0 ? k.a : k.b}
                  onChange={(e) => setK(i === 0 ? { ...k, a: e.target.value } : { ...k, b: e.target.value })}
                />
              </label>
            ))}
          </>
        )}
        <fieldset>
          <legend>{t("env.parameter")}</legend>
          {available.map((p) => (
            <label key={p.symbol} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(p.symbol)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, p.symbol] : chosen.filter((c) => c !== p.symbol))
                }
              />{" "}
              {p.symbol} ({lang === "en" ? p.en : p.vi}, {p.unit[kind]})
            </label>
          ))}
          {fieldError("parameters")}
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          {t("env.register")}
        </button>
      </form>
    </>
  );
}
