/**
 * Screening a proposal against a catalogue version. Pure: no I/O.
 *
 * An entry applies to a proposal when one of its VSIC codes is a prefix of one of the proposal's
 * (a division covers its classes), when one of its products names one of the proposal's products,
 * or when it lists neither (a general condition). Its criteria are then evaluated one by one.
 * The category follows from the entries that apply:
 *   1. a "not accepted" entry whose criteria all hold (or that has none) → not accepted;
 *   2. a "conditional" entry with a criterion not met → not accepted (its conditions are not met);
 *   3. a "conditional" entry whose criteria all hold → conditional;
 *   4. an "encouraged" entry whose criteria all hold → encouraged;
 *   5. otherwise → unlisted (no entry decides; ordinary procedures apply).
 * A criterion whose fact the proposal does not give is not met, and says so.
 */
import { fold } from "../../platform/text.ts";

export const CATEGORIES = ["encouraged", "conditional", "not_accepted"] as const;
export type Category = (typeof CATEGORIES)[number];
export type Outcome = Category | "unlisted";

export const OPERATORS = [">=", ">", "<=", "<", "=", "!=", "in", "not_in"] as const;
export type Operator = (typeof OPERATORS)[number];

export const TECHNOLOGY_LEVELS = ["outdated", "medium", "advanced", "high"] as const;
/** Environmental risk groups of the 2020 Law on Environmental Protection, least risk first (IV) to most (I). */
export const RISK_GROUPS = ["IV", "III", "II", "I"] as const;

type FieldKind = "number" | "ordinal" | "boolean";
interface FieldInfo {
  vi: string;
  en: string;
  unit: string;
  unit_en?: string;
  kind: FieldKind;
  /** Ordinal fields: their values from lowest to highest rank. */
  ranks?: readonly string[];
}

/** The facts a criterion can test, each in one fixed unit (a criterion in another unit is refused). */
export const FIELDS = {
  capital: {
    vi: "Tổng vốn đầu tư",
    en: "Total investment capital",
    unit: "tỷ đồng",
    unit_en: "billion VND",
    kind: "number",
  },
  capital_per_ha: {
    vi: "Suất đầu tư",
    en: "Capital per hectare",
    unit: "tỷ đồng/ha",
    unit_en: "billion VND/ha",
    kind: "number",
  },
  output_per_ha: {
    vi: "Giá trị sản xuất trên 1 ha",
    en: "Output per hectare",
    unit: "tỷ đồng/ha/năm",
    unit_en: "billion VND/ha/year",
    kind: "number",
  },
  land_ha: { vi: "Diện tích đất", en: "Land area", unit: "ha", kind: "number" },
  workers: { vi: "Số lao động", en: "Workers", unit: "người", unit_en: "workers", kind: "number" },
  workers_per_ha: {
    vi: "Mật độ lao động",
    en: "Labour intensity",
    unit: "người/ha",
    unit_en: "workers/ha",
    kind: "number",
  },
  equipment_age: { vi: "Tuổi thiết bị", en: "Equipment age", unit: "năm", unit_en: "years", kind: "number" },
  water_m3_per_day: {
    vi: "Lượng nước sử dụng",
    en: "Water use",
    unit: "m³/ngày",
    unit_en: "m³/day",
    kind: "number",
  },
  technology_level: {
    vi: "Trình độ công nghệ",
    en: "Technology level",
    unit: "",
    kind: "ordinal",
    ranks: TECHNOLOGY_LEVELS,
  },
  pollution_risk_group: {
    vi: "Nhóm nguy cơ tác động môi trường",
    en: "Environmental risk group",
    unit: "",
    kind: "ordinal",
    ranks: RISK_GROUPS,
  },
  in_zone: {
    vi: "Trong khu, cụm công nghiệp",
    en: "Inside an industrial zone or cluster",
    unit: "",
    kind: "boolean",
  },
} as const satisfies Record<string, FieldInfo>;
export type Field = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as [Field, ...Field[]];

export interface Criterion {
  field: Field;
  operator: Operator;
  value: number | string | boolean | Array<string | number>;
  unit?: string | null | undefined;
  legal_basis?: string | null | undefined;
  note?: string | null | undefined;
}

export interface Entry {
  code: string;
  category: Category;
  title_vi: string;
  title_en?: string | null | undefined;
  vsic_codes: readonly string[];
  products: readonly string[];
  criteria: readonly Criterion[];
  legal_basis?: string | null | undefined;
}

/** What the screening knows about a proposal, in the fields' units; absent facts are undefined. */
export type Facts = Partial<Record<Field, number | string | boolean>>;

export interface ProposalFacts {
  vsic_codes: readonly string[];
  products: readonly string[];
  facts: Facts;
}

export interface Localized {
  vi: string;
  en: string;
}

export interface CriterionResult extends Criterion {
  actual: number | string | boolean | null;
  pass: boolean;
  missing: boolean;
  reason: Localized;
}

/** requirement: criteria a project must meet; prohibition: criteria under which an entry refuses it. */
export type Role = "requirement" | "prohibition";

export interface EntryResult {
  code: string;
  category: Category;
  criteria_role: Role;
  title_vi: string;
  title_en: string | null;
  legal_basis: string | null;
  matched_by: { kind: "vsic" | "product" | "general"; value: string | null };
  criteria_met: boolean;
  /** decisive: this entry gave the category; applies: in scope but not deciding. */
  effect: "decisive" | "applies";
  criteria: CriterionResult[];
}

export interface Screening {
  category: Outcome;
  explanation: Localized;
  entries: EntryResult[];
}

/** Comparisons tolerate float noise from unit conversion (0,3 / 0,1 is 2,9999999999999996). */
const EPSILON = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

const vn = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 4 });
const en = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 4 });

/** Why a criterion is malformed (unknown field, wrong unit, value of the wrong type), or null. */
export function criterionProblem(c: Criterion): Localized | null {
  const info: FieldInfo | undefined = FIELDS[c.field];
  if (!info) return { vi: `Không có trường "${c.field}".`, en: `No field "${c.field}".` };
  if (!OPERATORS.includes(c.operator))
    return { vi: `Phép so sánh "${c.operator}" không hợp lệ.`, en: `Unknown operator "${c.operator}".` };
  if (c.unit && info.unit && c.unit !== info.unit)
    return {
      vi: `${info.vi} tính bằng ${info.unit}, không phải ${c.unit}.`,
      en: `${info.en} is in ${info.unit}, not ${c.unit}.`,
    };
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const list = c.operator === "in" || c.operator === "not_in";
  if (list !== Array.isArray(c.value))
    return list
      ? { vi: `"${c.operator}" cần một danh sách giá trị.`, en: `"${c.operator}" needs a list of values.` }
      : { vi: `"${c.operator}" cần một giá trị.`, en: `"${c.operator}" needs a single value.` };
  if (values.length === 0) return { vi: "Danh sách giá trị trống.", en: "The list of values is empty." };
  for (const v of values) {
    if (info.kind === "number" && (typeof v !== "number" || !Number.isFinite(v)))
      return { vi: `${info.vi}: cần giá trị số.`, en: `${info.en}: a number is required.` };
    if (info.kind === "ordinal" && !info.ranks?.includes(String(v)))
      return {
        vi: `${info.vi}: giá trị "${v}" không thuộc ${info.ranks?.join(", ")}.`,
        en: `${info.en}: "${v}" is not one of ${info.ranks?.join(", ")}.`,
      };
    if (info.kind === "boolean" && typeof v !== "boolean")
      return { vi: `${info.vi}: cần true hoặc false.`, en: `${info.en}: true or false is required.` };
  }
  if (info.kind === "boolean" && c.operator !== "=" && c.operator !== "!=")
    return { vi: `${info.vi}: chỉ so sánh = hoặc !=.`, en: `${info.en}: only = or != apply.` };
  return null;
}

/** The number a value compares as: itself, or an ordinal's rank. */
function comparable(info: FieldInfo, v: unknown): number | boolean | string {
  if (info.kind === "ordinal") return info.ranks?.indexOf(String(v)) ?? -1;
  return v as number | boolean;
}

function holds(info: FieldInfo, op: Operator, actual: unknown, expected: Criterion["value"]): boolean {
  const a = comparable(info, actual);
  if (op === "in" || op === "not_in") {
    const inList = (expected as unknown[]).some((v) => {
      const b = comparable(info, v);
      return typeof a === "number" && typeof b === "number" ? close(a, b) : a === b;
    });
    return op === "in" ? inList : !inList;
  }
  const b = comparable(info, expected);
  if (typeof a !== "number" || typeof b !== "number") return op === "=" ? a === b : a !== b;
  switch (op) {
    case ">=":
      return a > b || close(a, b);
    case ">":
      return a > b && !close(a, b);
    case "<=":
      return a < b || close(a, b);
    case "<":
      return a < b && !close(a, b);
    case "=":
      return close(a, b);
    case "!=":
      return !close(a, b);
  }
}

const SYMBOL: Record<Operator, Localized> = {
  ">=": { vi: "≥", en: "≥" },
  ">": { vi: ">", en: ">" },
  "<=": { vi: "≤", en: "≤" },
  "<": { vi: "<", en: "<" },
  "=": { vi: "=", en: "=" },
  "!=": { vi: "≠", en: "≠" },
  in: { vi: "thuộc", en: "one of" },
  not_in: { vi: "không thuộc", en: "not one of" },
};

/** How ordinal values read in each language. */
export const VALUE_NAMES: Record<string, Localized> = {
  outdated: { vi: "lạc hậu", en: "outdated" },
  medium: { vi: "trung bình", en: "medium" },
  advanced: { vi: "tiên tiến", en: "advanced" },
  high: { vi: "công nghệ cao", en: "high technology" },
  I: { vi: "nhóm I", en: "group I" },
  II: { vi: "nhóm II", en: "group II" },
  III: { vi: "nhóm III", en: "group III" },
  IV: { vi: "nhóm IV", en: "group IV" },
};

function shown(v: unknown, lang: "vi" | "en"): string {
  if (Array.isArray(v)) return v.map((x) => shown(x, lang)).join(", ");
  if (typeof v === "string" && VALUE_NAMES[v]) return (VALUE_NAMES[v] as Localized)[lang];
  if (typeof v === "number") return lang === "vi" ? vn(v) : en(v);
  if (typeof v === "boolean") return lang === "vi" ? (v ? "có" : "không") : v ? "yes" : "no";
  return String(v);
}

/**
 * A criterion's verdict and why. `prohibition`: the criterion describes when an entry refuses a
 * project ("not accepted" entries), so holding is bad news and the words say so.
 */
export function evaluateCriterion(c: Criterion, facts: Facts, role: Role = "requirement"): CriterionResult {
  const info: FieldInfo = FIELDS[c.field];
  const actual = facts[c.field];
  const unit = (lang: "vi" | "en") => {
    const u = lang === "vi" ? info.unit : (info.unit_en ?? info.unit);
    return u ? ` ${u}` : "";
  };
  const wanted = (lang: "vi" | "en") => `${SYMBOL[c.operator][lang]} ${shown(c.value, lang)}${unit(lang)}`;
  const asked =
    role === "requirement"
      ? { vi: "yêu cầu", en: "required" }
      : { vi: "trường hợp loại trừ", en: "refused when" };
  if (actual === undefined) {
    return {
      ...c,
      actual: null,
      pass: false,
      missing: true,
      reason: {
        vi: `Chưa khai báo ${info.vi.toLowerCase()}; ${asked.vi} ${wanted("vi")}.`,
        en: `${info.en} not given; ${asked.en} ${wanted("en")}.`,
      },
    };
  }
  const pass = holds(info, c.operator, actual, c.value);
  const verdict =
    role === "requirement"
      ? { vi: pass ? "đạt" : "không đạt", en: pass ? "met" : "not met" }
      : {
          vi: pass ? "thuộc trường hợp loại trừ" : "không thuộc",
          en: pass ? "a refusing condition holds" : "does not hold",
        };
  return {
    ...c,
    actual,
    pass,
    missing: false,
    reason: {
      vi: `${info.vi} ${shown(actual, "vi")}${unit("vi")}: ${verdict.vi} (${asked.vi} ${wanted("vi")}).`,
      en: `${info.en} ${shown(actual, "en")}${unit("en")}: ${verdict.en} (${asked.en} ${wanted("en")}).`,
    },
  };
}

/** Whole words of `term` appear in `text`, both folded (accents and case ignored). */
function names(text: string, term: string): boolean {
  const t = ` ${fold(text)} `;
  const w = fold(term).trim();
  return w.length > 0 && t.includes(` ${w} `);
}

function scopeMatch(entry: Entry, p: ProposalFacts): EntryResult["matched_by"] | null {
  if (entry.vsic_codes.length === 0 && entry.products.length === 0) return { kind: "general", value: null };
  for (const code of entry.vsic_codes) {
    const hit = p.vsic_codes.find((c) => c.startsWith(code));
    if (hit) return { kind: "vsic", value: hit };
  }
  for (const product of entry.products) {
    const hit = p.products.find((name) => names(name, product));
    if (hit) return { kind: "product", value: hit };
  }
  return null;
}

const RANK: Record<Category, number> = { not_accepted: 0, conditional: 1, encouraged: 2 };

export function screen(entries: readonly Entry[], proposal: ProposalFacts): Screening {
  const applying = entries.flatMap((entry) => {
    const matched = scopeMatch(entry, proposal);
    if (!matched) return [];
    const role: Role = entry.category === "not_accepted" ? "prohibition" : "requirement";
    const criteria = entry.criteria.map((c) => evaluateCriterion(c, proposal.facts, role));
    const result: EntryResult = {
      code: entry.code,
      category: entry.category,
      criteria_role: role,
      title_vi: entry.title_vi,
      title_en: entry.title_en ?? null,
      legal_basis: entry.legal_basis ?? null,
      matched_by: matched,
      criteria_met: criteria.every((c) => c.pass),
      effect: "applies",
      criteria,
    };
    return [result];
  });
  applying.sort((a, b) => RANK[a.category] - RANK[b.category] || a.code.localeCompare(b.code));
  const refused = applying.filter((e) => e.category === "not_accepted" && e.criteria_met);
  const unmet = applying.filter((e) => e.category === "conditional" && !e.criteria_met);
  const conditional = applying.filter((e) => e.category === "conditional" && e.criteria_met);
  const encouraged = applying.filter((e) => e.category === "encouraged" && e.criteria_met);
  const codes = (list: EntryResult[]) => list.map((e) => e.code).join(", ");
  let category: Outcome;
  let decisive: EntryResult[];
  let explanation: Localized;
  if (refused.length) {
    category = "not_accepted";
    decisive = refused;
    explanation = {
      vi: `Không chấp thuận: thuộc mục ${codes(refused)} của danh mục không chấp thuận.`,
      en: `Not accepted: falls under ${codes(refused)} of the not-accepted list.`,
    };
  } else if (unmet.length) {
    category = "not_accepted";
    decisive = unmet;
    explanation = {
      vi: `Không chấp thuận: chưa đáp ứng điều kiện của mục ${codes(unmet)} (xem các tiêu chí không đạt).`,
      en: `Not accepted: the conditions of ${codes(unmet)} are not met (see the failed criteria).`,
    };
  } else if (conditional.length) {
    category = "conditional";
    decisive = conditional;
    explanation = {
      vi: `Có điều kiện: thuộc mục ${codes(conditional)} và đáp ứng các điều kiện đã khai báo.`,
      en: `Conditional: falls under ${codes(conditional)} and meets the conditions given.`,
    };
  } else if (encouraged.length) {
    category = "encouraged";
    decisive = encouraged;
    explanation = {
      vi: `Khuyến khích: thuộc mục ${codes(encouraged)} và đạt mọi tiêu chí.`,
      en: `Encouraged: falls under ${codes(encouraged)} and meets every criterion.`,
    };
  } else {
    category = "unlisted";
    decisive = [];
    explanation = applying.length
      ? {
          vi: `Không xếp loại: có mục liên quan (${codes(applying)}) nhưng chưa đạt tiêu chí để được khuyến khích; áp dụng thủ tục thông thường.`,
          en: `Unlisted: related entries (${codes(applying)}) apply, but their criteria for encouragement are not met; ordinary procedures apply.`,
        }
      : {
          vi: "Không thuộc mục nào của danh mục; áp dụng thủ tục thông thường.",
          en: "Matches no entry of the catalogue; ordinary procedures apply.",
        };
  }
  for (const e of decisive) e.effect = "decisive";
  return { category, explanation, entries: applying };
}
