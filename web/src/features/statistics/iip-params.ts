/**
 * The IIP explorer's choices as the URL holds them (base, territory, ownership, level, code, from,
 * to, measure, month, by), read with safe defaults; months as shown ("03/2024", "tháng 3/2024"); the
 * series' points sorted and paged on the screen (a series is a few hundred points at most). Pure.
 */
import type { Lang } from "../../lib/i18n.tsx";
import type { ContributionsQuery, SeriesPoint, SeriesQuery } from "./iip-api.ts";

export const TERRITORY_CHOICES = ["city", "east", "west"] as const;
export const OWNERSHIP_CHOICES = ["all", "state", "non_state", "foreign"] as const;
export const LEVEL_CHOICES = ["total", "section", "division", "class"] as const;
export const MEASURES = ["index", "vs_same_month", "vs_previous_month", "year_to_date"] as const;
export const CONTRIBUTION_LEVELS = ["section", "division"] as const;

export type Measure = (typeof MEASURES)[number];
export type Level = (typeof LEVEL_CHOICES)[number];
type ContributionLevel = (typeof CONTRIBUTION_LEVELS)[number];

/** The filters of the URL that are the series' query: export links carry them as they are. */
export const SERIES_FILTERS = ["base", "territory", "ownership", "level", "code", "from", "to"] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const BASE = /^[0-9A-Za-z_-]{2,20}$/;
const CODE: Record<Level, RegExp> = {
  total: /^$/,
  section: /^[B-E]$/,
  division: /^\d{2}$/,
  class: /^\d{4}$/,
};

export interface ExplorerChoices {
  /** Every field set but the reference base, which is left out for the current one. */
  series: SeriesQuery & Required<Omit<SeriesQuery, "base">>;
  measure: Measure;
  /** The month whose contributions are shown; undefined until chosen (then the latest with a comparison). */
  month: string | undefined;
  by: ContributionLevel;
  /** A level other than the total without a code of that level: nothing to ask yet. */
  needsCode: boolean;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

const monthOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;

/** The choices of a URL; by default the whole city since January two years back, up to this month. */
export function readChoices(search: URLSearchParams, today: Date = new Date()): ExplorerChoices {
  const level = oneOf(LEVEL_CHOICES, search.get("level"), "total");
  const code = search.get("code") ?? "";
  const validCode = CODE[level].test(code) ? code : "";
  let from = search.get("from") ?? "";
  let to = search.get("to") ?? "";
  if (!MONTH.test(to)) to = monthOf(today);
  if (!MONTH.test(from)) from = `${today.getFullYear() - 2}-01`;
  if (from > to) [from, to] = [to, from];
  const month = search.get("month") ?? "";
  const base = search.get("base") ?? "";
  return {
    series: {
      ...(BASE.test(base) ? { base } : {}),
      territory: oneOf(TERRITORY_CHOICES, search.get("territory"), "city"),
      ownership: oneOf(OWNERSHIP_CHOICES, search.get("ownership"), "all"),
      level,
      code: validCode,
      from,
      to,
    },
    measure: oneOf(MEASURES, search.get("measure"), "index"),
    month: MONTH.test(month) ? month : undefined,
    by: oneOf(CONTRIBUTION_LEVELS, search.get("by"), "section"),
    needsCode: level !== "total" && validCode === "",
  };
}

/** The month of the contributions: the chosen one, else the latest point with a same-month comparison. */
export function contributionsQuery(
  choices: ExplorerChoices,
  points: readonly SeriesPoint[] | undefined,
): ContributionsQuery | undefined {
  const latest = [...(points ?? [])].reverse().find((p) => p.vs_same_month !== null)?.month;
  const month = choices.month ?? latest;
  if (!month) return undefined;
  const { base, territory, ownership } = choices.series;
  return { ...(base ? { base } : {}), territory, ownership, level: choices.by, month };
}

/** "03/2024" — in tables, on axes and in selects, in both languages. */
export function shortMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** "tháng 3/2024" or "March 2024", inside a sentence. */
export function longMonth(month: string, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  if (lang === "vi") return `tháng ${m}/${month.slice(0, 4)}`;
  const name = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(
    Date.UTC(2000, m - 1, 1),
  );
  return `${name} ${month.slice(0, 4)}`;
}

type SortKey = "month" | Measure;
const SORT_KEYS: readonly SortKey[] = ["month", ...MEASURES];

/** One page of the points in the order of `sort` ("-month", "year_to_date" …); missing values last. */
export function pageOfPoints(
  points: readonly SeriesPoint[],
  sort: string | undefined,
  page: number,
  pageSize: number,
): SeriesPoint[] {
  const descending = sort?.startsWith("-") ?? true;
  const key = oneOf(SORT_KEYS, sort?.replace(/^-/, "") ?? null, "month");
  const sign = descending ? -1 : 1;
  const sorted = [...points].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
  return sorted.slice((page - 1) * pageSize, page * pageSize);
}
