/** For catalogue managers, on a draft version: add an entry with its criteria; the API's errors at their fields. */
import { type FormEvent, useState } from "react";
import { FieldError, FormErrors } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type EntryInput, useAddEntry } from "./api.ts";
import { type CriterionDraft, CriterionRow, toCriterion } from "./criterion-row.tsx";
import { useText } from "./text.ts";

const EMPTY = {
  code: "",
  category: "encouraged",
  title_vi: "",
  title_en: "",
  vsic: "",
  products: "",
  legal_basis: "",
};
const list = (s: string) =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function EntryForm({ code }: { code: string }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const add = useAddEntry(code);
  const [form, setForm] = useState(EMPTY);
  const [criteria, setCriteria] = useState<CriterionDraft[]>([]);
  const error = add.error instanceof ApiError ? add.error : null;
  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": error?.fieldMessage(name) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        code: form.code.trim(),
        category: form.category as EntryInput["category"],
        title_vi: form.title_vi,
        title_en: form.title_en || null,
        vsic_codes: list(form.vsic),
        products: list(form.products),
        legal_basis: form.legal_basis || null,
        criteria: criteria.map((c) => toCriterion(c, lang)),
      },
      {
        onSuccess: () => {
          setForm(EMPTY);
          setCriteria([]);
        },
      },
    );
  };
  return (
    <section aria-labelledby="entry-form">
      <h2 id="entry-form">{x("addEntry")}</h2>
      <form className="form wide" onSubmit={submit} noValidate>
        <FormErrors error={add.error} />
        {add.isSuccess && <p role="status">{x("saved")}</p>}
        <label>
          {x("code")}
          <input {...field("code")} placeholder="KK-10" />
          <FieldError error={error} field="code" />
        </label>
        <label>
          {x("category")}
          <select {...field("category")}>
            {["encouraged", "conditional", "not_accepted"].map((c) => (
              <option key={c} value={c}>
                {label("category", c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {x("titleVi")}
          <input {...field("title_vi")} />
          <FieldError error={error} field="title_vi" />
        </label>
        <label>
          {x("titleEn")}
          <input {...field("title_en")} />
        </label>
        <label>
          {x("vsic")} ({x("commaHint")})
          <input {...field("vsic")} placeholder="2610, 26190" />
          <FieldError error={error} field="vsic_codes" />
        </label>
        <label>
          {x("products")} ({x("commaHint")})
          <input {...field("products")} />
          <FieldError error={error} field="products" />
        </label>
        <label>
          {x("legalBasis")}
          <input {...field("legal_basis")} />
        </label>
        <fieldset className="criteria-editor">
          <legend>{x("criteria")}</legend>
          {criteria.map((c, i) => (
            <CriterionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={i}
              index={i}
              value={c}
              error={error}
              onChange={(next) => setCriteria(criteria.map((old, j) => (j === i ? next : old)))}
              onRemove={() => setCriteria(criteria.filter((_, j) => j !== i))}
            />
          ))}
          <button
            type="button"
            onClick={() => setCriteria([...criteria, { field: "capital", operator: ">=", value: "" }])}
          >
            + {x("addCriterion")}
          </button>
        </fieldset>
        <button type="submit" disabled={add.isPending}>
          {x("save")}
        </button>
      </form>
    </section>
  );
}
