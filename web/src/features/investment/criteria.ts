/** Criteria in words: "Suất đầu tư ≥ 80 tỷ đồng/ha", with the field names and units the API lists. */
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useCatalogueFields } from "./api.ts";
import { useText } from "./text.ts";

type Value = number | string | boolean | (string | number)[] | null | undefined;
export interface CriterionLike {
  field: string;
  operator: string;
  value: Value;
  unit?: string | null;
}

const OPERATORS: Record<string, readonly [string, string]> = {
  ">=": ["≥", "≥"],
  ">": [">", ">"],
  "<=": ["≤", "≤"],
  "<": ["<", "<"],
  "=": ["=", "="],
  "!=": ["≠", "≠"],
  in: ["thuộc", "one of"],
  not_in: ["không thuộc", "none of"],
};

export interface CriteriaText {
  field(field: string): string;
  unit(field: string, unit?: string | null): string;
  /** A value of the field: a number in the screen's locale, a level or group by its name. */
  value(field: string, value: Value): string;
  operator(op: string): string;
  /** "≥ 80 tỷ đồng/ha" */
  required(c: CriterionLike): string;
  /** "Suất đầu tư ≥ 80 tỷ đồng/ha" */
  sentence(c: CriterionLike): string;
}

export function useCriteriaText(): CriteriaText {
  const { lang } = useI18n();
  const { label, x } = useText();
  const fields = useCatalogueFields().data ?? [];
  const i = lang === "vi" ? 0 : 1;
  const meta = (field: string) => fields.find((f) => f.field === field);
  const unit = (field: string, given?: string | null) => label("unit", given ?? meta(field)?.unit ?? "");
  const one = (field: string, v: string | number | boolean): string => {
    if (typeof v === "number") return formatNumber(v, lang, 2);
    if (typeof v === "boolean")
      return field === "in_zone" ? (v ? x("inZone") : x("outsideZone")) : v ? x("yes") : x("no");
    if (field === "technology_level") return label("technology", v);
    if (field === "pollution_risk_group") return `${lang === "vi" ? "Nhóm" : "Group"} ${v}`;
    return v;
  };
  const value = (field: string, v: Value) =>
    v === null || v === undefined
      ? "—"
      : Array.isArray(v)
        ? v.map((e) => one(field, e)).join(", ")
        : one(field, v);
  const operator = (op: string) => OPERATORS[op]?.[i] ?? op;
  const required = (c: CriterionLike) => {
    const u = typeof c.value === "number" ? unit(c.field, c.unit) : "";
    // "Trong KCN/CCN" reads better than "= trong KCN/CCN".
    if (c.field === "in_zone" && c.operator === "=") return value(c.field, c.value);
    return `${operator(c.operator)} ${value(c.field, c.value)}${u ? ` ${u}` : ""}`;
  };
  const field = (f: string) => {
    const m = meta(f);
    return m ? (lang === "en" ? m.en : m.vi) : f;
  };
  return {
    field,
    unit,
    value,
    operator,
    required,
    sentence: (c) => (c.field === "in_zone" ? required(c) : `${field(c.field)} ${required(c)}`),
  };
}
