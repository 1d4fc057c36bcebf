/** For catalogue managers: open a draft version, usually superseding the one in force. */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { FieldError, FormErrors } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { useCreateVersion } from "./api.ts";
import { useText } from "./text.ts";

export function NewVersionForm({ versions }: { versions: Array<{ code: string }> }) {
  const { x } = useText();
  const navigate = useNavigate();
  const create = useCreateVersion();
  const [form, setForm] = useState({
    code: "",
    title_vi: "",
    title_en: "",
    decision_number: "",
    in_force_from: "",
    supersedes: "",
  });
  const [sample, setSample] = useState(false);
  const error = create.error instanceof ApiError ? create.error : null;
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    "aria-invalid": error?.fieldMessage(name) ? true : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        code: form.code.trim(),
        title_vi: form.title_vi,
        title_en: form.title_en || null,
        decision_number: form.decision_number || null,
        in_force_from: form.in_force_from,
        supersedes: form.supersedes || null,
        is_sample: sample,
      },
      { onSuccess: (v) => navigate(`/dau-tu/danh-muc/${v.code}`) },
    );
  };
  return (
    <details className="panel">
      <summary>{x("newDraft")}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormErrors error={create.error} />
        <label>
          {x("code")}
          <input {...field("code")} placeholder="HP-2027" />
          <FieldError error={error} field="code" />
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
          {x("decision")}
          <input {...field("decision_number")} />
          <FieldError error={error} field="decision_number" />
        </label>
        <label>
          {x("from")}
          <input type="date" {...field("in_force_from")} />
          <FieldError error={error} field="in_force_from" />
        </label>
        <label>
          {x("supersedes")}
          <select {...field("supersedes")}>
            <option value="" />
            {versions.map((v) => (
              <option key={v.code} value={v.code}>
                {v.code}
              </option>
            ))}
          </select>
          <FieldError error={error} field="supersedes" />
        </label>
        <label className="check">
          <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} />{" "}
          {x("isSample")}
        </label>
        <button type="submit" disabled={create.isPending}>
          {x("create")}
        </button>
      </form>
    </details>
  );
}
