/**
 * The indicator registry: definitions, values by period, territory and breakdown (each with its
 * status and source), targets with their progress (progress.ts), and the loading of the shipped
 * registry and published figures (data/statistics, data/haiphong-published-figures).
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { isoDay } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { readCsv } from "../reference/reference-files.ts";
import { issue } from "../registry-issues.ts";
import * as repo from "./indicators.repository.ts";
import type {
  Indicator,
  IndicatorFilter,
  TargetInput,
  Value,
  ValueFilter,
  ValueInput,
} from "./indicators.schemas.ts";
import { judgedObservation, parsePeriod, progressOf, sdmxPeriod } from "./progress.ts";
import { sdmxBreakdown, sdmxCsv as sdmxTable } from "./sdmx.ts";
import type { StatValueTable, Territory } from "./statistics.table.ts";

const INDICATOR = { vi: "chỉ tiêu", en: "Indicator" };

function presentIndicator(r: repo.IndicatorRow): Indicator {
  return {
    code: r.code,
    name_vi: r.name_vi,
    name_en: r.name_en,
    definition_vi: r.definition_vi,
    definition_en: r.definition_en,
    unit: r.unit,
    frequency: r.frequency,
    direction: r.direction,
    aggregation: r.aggregation,
    breakdowns: r.breakdowns,
    method: r.method,
    source: r.source,
    owner_agency: r.owner_agency,
    value_count: Number(r.value_count),
    latest_end: r.latest_end ? r.latest_end.slice(0, 10) : null,
  };
}

export async function listIndicators(
  db: Db,
  filter: IndicatorFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Indicator>> {
  const rows = await repo.listIndicators(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countIndicators(db, filter), presentIndicator);
}

export async function allIndicators(db: Db, filter: IndicatorFilter, sort: string): Promise<Indicator[]> {
  return (await exportRows((limit) => repo.listIndicators(db, filter, parseSort(sort), limit, 0))).map(
    presentIndicator,
  );
}

export async function getIndicator(db: Db, code: string): Promise<Indicator> {
  const [row] = await repo.listIndicators(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  if (!row) throw notFound(INDICATOR, code);
  return presentIndicator(row);
}

function presentValue(r: repo.ValueRow): Value {
  return {
    indicator_code: r.indicator_code,
    period: r.period,
    period_start: isoDay(r.period_start),
    period_end: isoDay(r.period_end),
    territory: r.territory,
    breakdown_kind: r.breakdown_kind,
    breakdown_code: r.breakdown_code,
    value: r.value,
    status: r.status,
    source_url: r.source_url,
    source_note: r.source_note,
  };
}

export async function listValues(
  db: Db,
  code: string,
  filter: ValueFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Value>> {
  await getIndicator(db, code);
  const rows = await repo.listValues(db, code, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countValues(db, code, filter), presentValue);
}

export async function allValues(db: Db, code: string, filter: ValueFilter, sort: string): Promise<Value[]> {
  await getIndicator(db, code);
  return (await exportRows((limit) => repo.listValues(db, code, filter, parseSort(sort), limit, 0))).map(
    presentValue,
  );
}

/** SDMX observation status: A normal (official, computed), E estimated, I imputed (synthetic). */
export const OBS_STATUS: Record<Value["status"], "A" | "E" | "I"> = {
  official: "A",
  computed: "A",
  estimate: "E",
  synthetic: "I",
};

/** SDMX unit codes for the registry's units (the text unit where none fits). */
export const UNIT_CODES: Record<string, string> = {
  "%": "PT",
  "tỷ đồng": "VND_BN",
  "triệu USD": "USD_MN",
  "tỷ USD": "USD_BN",
  ha: "HA",
  "doanh nghiệp": "NUM",
  khu: "NUM",
};
const STATUS_ORDER: Value["status"][] = ["official", "computed", "estimate", "synthetic"];

/**
 * SDMX-CSV 1.0 (RFC 4180: CRLF lines, quoted fields where needed): one observation per series key
 * and period, dimensions then the value and its attributes. Where several statuses exist for one
 * key and period, the best is exported: official, then computed, estimate, synthetic.
 */
export function sdmxCsv(indicator: Indicator, values: readonly Value[]): string {
  const best = new Map<string, Value>();
  for (const v of [...values].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  )) {
    const key = `${v.territory}|${v.breakdown_kind}|${v.breakdown_code}|${v.period}`;
    if (!best.has(key)) best.set(key, v);
  }
  return sdmxTable(
    [...best.values()]
      .sort(
        (a, b) => a.period_end.localeCompare(b.period_end) || a.period_start.localeCompare(b.period_start),
      )
      .map((v) => ({
        area: v.territory,
        indicator: indicator.code,
        breakdown:
          v.breakdown_kind === "total" ? "_T" : sdmxBreakdown([[v.breakdown_kind, v.breakdown_code]]),
        period: sdmxPeriod(v.period, { start: v.period_start, end: v.period_end }),
        value: v.value,
        unit: UNIT_CODES[indicator.unit] ?? indicator.unit,
        status: OBS_STATUS[v.status],
        source: v.source_url,
      })),
  );
}

/** Ownership shares of a period that must add up to 100 once all three sectors are recorded (± 0,1 for rounding). */
const SECTORS = ["fdi", "non_state", "state"];
export const SHARE_TOLERANCE = 0.1;

export async function recordValue(db: Db, actor: Actor, code: string, input: ValueInput): Promise<Value> {
  const indicator = await getIndicator(db, code);
  const span = parsePeriod(input.period);
  if (!span)
    throw invalid([
      issue(
        "statistics.period_invalid",
        "period",
        `"${input.period}" không phải kỳ hợp lệ (2024, 2024-Q1, 2024-03, 2024-01..06).`,
        `"${input.period}" is not a period (2024, 2024-Q1, 2024-03, 2024-01..06).`,
        input.period,
      ),
    ]);
  if (input.breakdown_kind === "total" && input.breakdown_code)
    throw invalid([
      issue(
        "statistics.breakdown_code",
        "breakdown_code",
        "Tổng không có mã phân tổ.",
        "A total has no breakdown code.",
      ),
    ]);
  const key = { ...input, indicator_code: code };
  const stored = await db.transaction().execute(async (trx) => {
    const before = await repo.findValue(trx, key);
    await repo.upsertValues(trx, [
      { ...input, indicator_code: code, period_start: span.start, period_end: span.end },
    ]);
    // The figure it replaces stays in the audit log.
    await recordAudit(trx, actor, {
      action: "record_value",
      entityType: "stat_value",
      entityId: `${code}/${input.period}/${input.territory}/${input.breakdown_kind}:${input.breakdown_code}/${input.status}`,
      changes: {
        value: [before?.value ?? null, input.value],
        source_url: [before?.source_url ?? null, input.source_url],
        source_note: [before?.source_note ?? null, input.source_note],
      },
    });
    if (input.breakdown_kind === "ownership" && indicator.unit === "%") {
      const shares = await repo.listValues(
        trx,
        code,
        { territory: input.territory, status: input.status, breakdown_kind: "ownership" },
        { field: "period_end", direction: "asc" },
        500,
        0,
      );
      const same = shares.filter((v) => v.period === input.period && SECTORS.includes(v.breakdown_code));
      const sum = same.reduce((a, v) => a + v.value, 0);
      if (same.length === SECTORS.length && Math.abs(sum - 100) > SHARE_TOLERANCE)
        throw invalid([
          issue(
            "statistics.shares_not_100",
            "value",
            `Tỷ trọng ba khu vực kỳ ${input.period} cộng lại ${sum.toLocaleString("vi-VN", { maximumFractionDigits: 4 })} %, không phải 100 %.`,
            `The three sectors' shares of ${input.period} add up to ${sum} %, not 100 %.`,
            sum,
          ),
        ]);
    }
    return repo.findValue(trx, key);
  });
  return presentValue({ ...(stored as NonNullable<typeof stored>), total: 1 });
}

export async function setTarget(db: Db, actor: Actor, code: string, input: TargetInput) {
  await getIndicator(db, code);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findTarget(trx, code, input.year, input.territory);
    await repo.upsertTargets(trx, [{ ...input, indicator_code: code }]);
    await recordAudit(trx, actor, {
      action: "set_target",
      entityType: "stat_target",
      entityId: `${code}/${input.year}/${input.territory}`,
      changes: {
        value: [before?.value ?? null, input.value],
        source: [before?.source ?? null, input.source],
      },
    });
  });
  return dashboard(db, input.year);
}

/** Every target (of a year, or all) with the value it is judged on and its progress. */
export async function dashboard(db: Db, year?: number) {
  const targets = await repo.targets(db, year);
  const values = await repo.totals(
    db,
    targets.map((t) => ({ code: t.indicator_code, territory: t.territory })),
  );
  const series = Map.groupBy(values, (v) => `${v.indicator_code}|${v.territory}`);
  return targets.map((t) => {
    // Official figures first: an estimate counts only where no official figure covers the period.
    // Synthetic values never judge a target.
    const observations = (series.get(`${t.indicator_code}|${t.territory}`) ?? [])
      .filter((v) => v.status !== "synthetic")
      .sort((a, b) => (a.status === "official" ? 0 : 1) - (b.status === "official" ? 0 : 1))
      .map((v) => ({ ...v, start: isoDay(v.period_start), end: isoDay(v.period_end) }));
    const judged = judgedObservation(t.year, observations, t.aggregation) as
      | (typeof observations)[number]
      | null;
    return {
      indicator_code: t.indicator_code,
      name_vi: t.name_vi,
      name_en: t.name_en,
      unit: t.unit,
      direction: t.direction,
      year: t.year,
      territory: t.territory,
      target: t.value,
      target_source: t.source,
      actual: judged?.value ?? null,
      actual_period: judged?.period ?? null,
      actual_status: judged?.status ?? null,
      actual_source_url: judged?.source_url ?? null,
      gap: judged ? judged.value - t.value : null,
      progress: progressOf(t.value, judged?.value ?? null, t.direction),
    };
  });
}

// ——— the shipped registry and published figures ———

/** Territories of the press figures; "HP_old?" (the source does not say) and zone-only figures are old Hải Phòng. */
const TERRITORY: Record<string, Territory> = {
  HP_old: "east",
  HD_old: "west",
  HP_new: "city",
  "HP_old?": "east",
  "HP_old IZ+EZ": "east",
};
const PUBLISHED_CODES: Record<string, string> = {
  "IIP growth yoy": "iip_growth",
  "Industry value added growth": "industry_va_growth",
  "GRDP growth": "grdp_growth",
  "GRDP current prices": "grdp_current",
  "FDI attracted": "fdi_attracted",
  "FDI in IZ/EZ": "fdi_zones",
  Exports: "exports",
  "Active enterprises": "active_enterprises",
  "Newly established enterprises": "new_enterprises",
  "Industrial zones planned area": "iz_planned_area",
  "Industrial zones in plan": "iz_planned_count",
  "Economic zone area": "ez_area",
};
const OWNERSHIP = {
  ownership_share_fdi: "fdi",
  ownership_share_non_state: "non_state",
  ownership_share_state: "state",
} as const;

/** The published press figures as values (estimates where their note says so) and their plans as targets. */
export function publishedRows(rows: readonly Record<string, string>[]): {
  values: Insertable<StatValueTable>[];
  targets: Array<{
    indicator_code: string;
    year: number;
    territory: Territory;
    value: number;
    source: string | null;
    note: string | null;
  }>;
} {
  const values: Insertable<StatValueTable>[] = [];
  const targets: ReturnType<typeof publishedRows>["targets"] = [];
  const unread: string[] = [];
  for (const r of rows) {
    const territory = TERRITORY[r.territory ?? ""];
    const span = parsePeriod(r.period ?? "");
    if (!territory || !span) {
      unread.push(`${r.indicator} ${r.period} ${r.territory}`);
      continue;
    }
    if (r.indicator === "IIP growth target") {
      targets.push({
        indicator_code: "iip_growth",
        year: Number(r.period),
        territory,
        value: Number(r.value),
        source: r.source_url ?? null,
        note: r.source_note || null,
      });
      continue;
    }
    const code = PUBLISHED_CODES[r.indicator ?? ""];
    if (!code) {
      unread.push(`${r.indicator} ${r.period}`);
      continue;
    }
    const note = [r.scope_note, r.source_note].filter(Boolean).join(" — ");
    values.push({
      indicator_code: code,
      period: r.period as string,
      period_start: span.start,
      period_end: span.end,
      territory,
      breakdown_kind: "total",
      breakdown_code: "",
      value: Number(r.value),
      // An estimate says so first ("estimate at year end"); "UBND estimate earlier" describes another figure.
      status:
        /^(estimate|ước)/i.test(r.scope_note ?? "") || r.territory === "HP_old?" ? "estimate" : "official",
      source_url: r.source_url || null,
      source_note: note || null,
    });
    // A plan given as a range ("plan 12.7-13") sets its lower bound: the least the plan accepts.
    const plan = /plan (\d+(?:\.\d+)?)/.exec(r.scope_note ?? "");
    if (plan && /^\d{4}$/.test(r.period ?? ""))
      targets.push({
        indicator_code: code,
        year: Number(r.period),
        territory,
        value: Number(plan[1]),
        source: r.source_url || null,
        note: `kế hoạch / plan: ${r.scope_note}`,
      });
  }
  // Shipped data the loader cannot read is a defect of the data, not something to skip quietly.
  if (unread.length) throw new Error(`published figures not understood: ${unread.join("; ")}`);
  return { values, targets };
}

/** The seed article's series (official; old Hải Phòng, "east"); ownership shares as one indicator's breakdown. */
export function seedRows(rows: readonly Record<string, string>[]): Insertable<StatValueTable>[] {
  return rows.flatMap((r): Insertable<StatValueTable>[] => {
    const span = parsePeriod(r.period ?? "");
    if (!span) return [];
    const ownership = OWNERSHIP[r.indicator as keyof typeof OWNERSHIP];
    return [
      {
        indicator_code: ownership ? "production_value_share" : (r.indicator as string),
        period: r.period as string,
        period_start: span.start,
        period_end: span.end,
        territory: "east",
        breakdown_kind: ownership ? "ownership" : "total",
        breakdown_code: ownership ?? "",
        value: Number(r.value),
        status: "official",
        source_url: null,
        source_note: `Tạp chí Cộng sản 2023 (${r.source_code})`,
      },
    ];
  });
}

/** Loads the registry, the published figures and their plans into empty tables, once. */
export async function ensureStatisticsReference(db: Db): Promise<boolean> {
  if (await repo.hasIndicators(db)) return false;
  const [registry, published, seed] = await Promise.all([
    readCsv("statistics/indicators.csv"),
    readCsv("haiphong-published-figures/indicators.csv"),
    readCsv("haiphong-published-figures/seed-series.csv"),
  ]);
  const { values, targets } = publishedRows(published);
  return db.transaction().execute(async (trx) => {
    await repo.lockStatistics(trx);
    if (await repo.hasIndicators(trx)) return false;
    await repo.insertIndicators(
      trx,
      registry.map((r) => ({
        code: r.code as string,
        name_vi: r.name_vi as string,
        name_en: r.name_en as string,
        definition_vi: r.definition_vi || null,
        definition_en: r.definition_en || null,
        unit: r.unit as string,
        frequency: r.frequency as "year",
        direction: r.direction as "up",
        aggregation: r.aggregation as "rate",
        breakdowns: (r.breakdowns ?? "").split(";").filter(Boolean),
        method: [r.method_vi, r.method_en].filter(Boolean).join(" / ") || null,
        source: r.source || null,
        owner_agency: r.owner_agency || null,
        search_text: searchText(r.code, r.name_vi, r.name_en, r.owner_agency),
      })),
    );
    // A figure both the article and the press published (IIP 2022) is stored once, with the press's page.
    const unique = new Map(
      [...seedRows(seed), ...values].map((v) => [
        `${v.indicator_code}|${v.period}|${v.territory}|${v.breakdown_kind}|${v.breakdown_code}|${v.status}`,
        v,
      ]),
    );
    await repo.upsertValues(trx, [...unique.values()]);
    await repo.upsertTargets(trx, targets);
    return true;
  });
}
