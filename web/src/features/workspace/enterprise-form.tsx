/** What an enterprise keeps up to date about itself (contacts, workforce); errors shown beside each field. */
import type { FormEvent } from "react";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type EnterprisePatch, useEnterprise, useUpdateEnterprise } from "../enterprises/api.ts";

const FIELDS = [
  { name: "address", vi: "Địa chỉ", en: "Address", type: "text" },
  { name: "contact_name", vi: "Người liên hệ", en: "Contact person", type: "text" },
  { name: "contact_phone", vi: "Điện thoại", en: "Phone", type: "tel" },
  { name: "contact_email", vi: "Email", en: "Email", type: "email" },
  { name: "workers", vi: "Số lao động", en: "Workers", type: "number" },
  { name: "workers_as_of", vi: "Lao động tính đến ngày", en: "Workers as of", type: "date" },
] as const;

export function EnterpriseForm({ taxCode }: { taxCode: string }) {
  const { lang } = useI18n();
  const enterprise = useEnterprise(taxCode);
  const update = useUpdateEnterprise(taxCode);
  const error = update.error instanceof ApiError ? update.error : null;
  if (!enterprise.data) return null;
  const current = enterprise.data as Record<string, unknown>;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const patch: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const raw = String(form.get(f.name) ?? "").trim();
      patch[f.name] = raw === "" ? null : f.type === "number" ? Number(raw) : raw;
    }
    update.mutate(patch as EnterprisePatch);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="company-form">
      <h2 id="company-form">
        {lang === "vi" ? "Cập nhật thông tin doanh nghiệp" : "Update the company's details"}
      </h2>
      {FIELDS.map((f) => {
        const message = error?.fieldMessage(f.name);
        const id = `e-${f.name}`;
        return (
          <label key={f.name} htmlFor={id}>
            <span>{lang === "vi" ? f.vi : f.en}</span>
            <input
              id={id}
              name={f.name}
              type={f.type}
              defaultValue={
                current[f.name] === null || current[f.name] === undefined ? "" : String(current[f.name])
              }
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
      {error && !error.details.some((d) => d.field) && (
        <p role="alert" className="alert">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={update.isPending}>
        {lang === "vi" ? "Lưu" : "Save"}
      </button>
      {update.isSuccess && <p role="status">{lang === "vi" ? "Đã lưu." : "Saved."}</p>}
    </form>
  );
}
