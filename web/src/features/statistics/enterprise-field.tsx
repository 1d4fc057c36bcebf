/**
 * The enterprise a report is for. Enterprise staff report for their own company only: it is chosen
 * for them (a choice appears only if their account is bound to several). An official types a tax code
 * or part of a name and picks from the suggestions.
 */
import { FieldError, fieldMessage } from "../../components/form-errors.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useEnterpriseName, useEnterpriseSuggestions } from "./production-api.ts";
import { useProductionText } from "./production-text.ts";

export function EnterpriseName({ taxCode }: { taxCode: string }) {
  const { lang } = useI18n();
  const name = useEnterpriseName(taxCode);
  if (!name.data) return null;
  return <>{lang === "en" && name.data.name_en ? name.data.name_en : name.data.name_vi}</>;
}

export function EnterpriseField(props: {
  /** The tax codes the user is bound to; empty for an official, who may pick any. */
  own: string[];
  value: string;
  onChange: (taxCode: string) => void;
  error: unknown;
}) {
  const { x } = useProductionText();
  const { own, value, onChange, error } = props;
  const suggestions = useEnterpriseSuggestions(own.length ? "" : value);
  const taxCode = value.trim();
  return (
    <div className="field enterprise-field">
      <label htmlFor="production-enterprise">{x("enterprise")}</label>
      {own.length === 1 ? (
        <input id="production-enterprise" value={value} readOnly className="mono" />
      ) : own.length > 1 ? (
        <select id="production-enterprise" value={value} onChange={(e) => onChange(e.target.value)}>
          {own.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <>
          <input
            id="production-enterprise"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            list="production-enterprises"
            placeholder={x("taxCodeHint")}
            autoComplete="off"
            aria-invalid={fieldMessage(error, "tax_code") ? true : undefined}
          />
          <datalist id="production-enterprises">
            {suggestions.data?.map((e) => (
              <option key={e.tax_code} value={e.tax_code}>
                {e.name_vi}
              </option>
            ))}
          </datalist>
        </>
      )}
      <span className="muted small" data-testid="enterprise-name">
        <EnterpriseName taxCode={taxCode} />
      </span>
      <FieldError error={error} field="tax_code" />
    </div>
  );
}
