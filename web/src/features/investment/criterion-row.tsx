/** One criterion of an entry being written: field, operator and a value suited to the field. */

import { FieldError } from "../../components/form-errors.tsx";
import type { ApiError } from "../../lib/api.ts";
import { parseNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { type Criterion, useCatalogueFields } from "./api.ts";
import { useCriteriaText } from "./criteria.ts";
import { useText } from "./text.ts";

export interface CriterionDraft {
  field: Criterion["field"];
  operator: Criterion["operator"];
  value: string;
}

const OPERATORS: Criterion["operator"][] = [">=", ">", "<=", "<", "=", "!=", "in", "not_in"];
const NUMERIC = new Set([
  "capital",
  "capital_per_ha",
  "output_per_ha",
  "land_ha",
  "workers",
  "workers_per_ha",
  "equipment_age",
  "water_m3_per_day",
]);

/** The typed text as the API wants it: numbers as numbers, "in" lists as arrays, in_zone as a boolean. */
export function toCriterion(c: CriterionDraft, lang: Lang): Criterion {
  const one = (s: string): string | number =>
    NUMERIC.has(c.field) ? (parseNumber(s, lang) ?? Number.NaN) : s.trim();
  let value: Criterion["value"];
  if (c.field === "in_zone") value = c.value !== "false";
  else if (c.operator === "in" || c.operator === "not_in") value = c.value.split(/[,;]/).map(one);
  else value = one(c.value);
  return { field: c.field, operator: c.operator, value };
}

export function CriterionRow(props: {
  index: number;
  value: CriterionDraft;
  error: ApiError | null;
  onChange: (next: CriterionDraft) => void;
  onRemove: () => void;
}) {
  const { lang } = useI18n();
  const { x } = useText();
  const text = useCriteriaText();
  const fields = useCatalogueFields().data ?? [];
  const { value: c, onChange, index } = props;
  const meta = fields.find((f) => f.field === c.field);
  const valueId = `criterion-${index}-value`;
  return (
    <div className="criterion-row">
      <label>
        {x("criterion")}
        <select
          value={c.field}
          onChange={(e) => onChange({ ...c, field: e.target.value as Criterion["field"], value: "" })}
        >
          {fields.map((f) => (
            <option key={f.field} value={f.field}>
              {lang === "en" ? f.en : f.vi}
            </option>
          ))}
        </select>
      </label>
      <label>
        {x("operator")}
        <select
          value={c.operator}
          onChange={(e) => onChange({ ...c, operator: e.target.value as Criterion["operator"] })}
        >
          {OPERATORS.map((op) => (
            <option key={op} value={op}>
              {text.operator(op)}
            </option>
          ))}
        </select>
      </label>
      <div className="criterion-value">
        <label htmlFor={valueId}>{x("value")}</label>
        <ValueInput
          id={valueId}
          value={c}
          onChange={onChange}
          kind={meta?.kind}
          values={meta?.values ?? null}
        />
        {meta?.unit && <span className="muted">{text.unit(c.field)}</span>}
        <FieldError error={props.error} field={`criteria.${index}`} />
        {/* The service's own checks name the criterion as entry[0].criteria[i]. */}
        <FieldError error={props.error} field={`entry[0].criteria[${index}]`} />
      </div>
      <button type="button" className="link" onClick={props.onRemove}>
        {x("remove")}
      </button>
    </div>
  );
}

function ValueInput(props: {
  id: string;
  value: CriterionDraft;
  onChange: (next: CriterionDraft) => void;
  kind: string | undefined;
  values: string[] | null;
}) {
  const { x } = useText();
  const text = useCriteriaText();
  const { value: c, onChange, id } = props;
  const listOperator = c.operator === "in" || c.operator === "not_in";
  const set = (e: { target: { value: string } }) => onChange({ ...c, value: e.target.value });
  if (props.kind === "boolean") {
    return (
      <select id={id} value={c.value || "true"} onChange={set}>
        <option value="true">{x("inZone")}</option>
        <option value="false">{x("outsideZone")}</option>
      </select>
    );
  }
  if (props.values && !listOperator) {
    return (
      <select id={id} value={c.value} onChange={set}>
        <option value="" />
        {props.values.map((v) => (
          <option key={v} value={v}>
            {text.value(c.field, v)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      value={c.value}
      inputMode={NUMERIC.has(c.field) && !listOperator ? "decimal" : undefined}
      onChange={set}
    />
  );
}
