/**
 * SDMX-CSV 1.0 (RFC 4180: CRLF lines, quoted fields where needed) for every statistics table: one
 * observation per row, the dimensions (dataflow, area, indicator, breakdown, period), then the value
 * and its attributes (unit, observation status, source).
 */

export interface SdmxObservation {
  area: string;
  indicator: string;
  /** "_T" for the total, else KIND_CODE parts joined by "+" (e.g. OWNERSHIP_FDI+INDUSTRY_26). */
  breakdown: string;
  period: string;
  value: number;
  unit: string;
  /** A normal (official, computed), E estimated, I imputed (synthetic). */
  status: "A" | "E" | "I";
  source?: string | null;
}

/** Our territories as SDMX areas: the city (VN31), and the pre-merger east and west. */
export const SDMX_AREA: Record<string, string> = { city: "VN31", east: "VN31_EAST", west: "VN31_WEST" };

/** A breakdown key from its parts; `null` parts (the total of that dimension) are left out. */
export function sdmxBreakdown(parts: ReadonlyArray<readonly [kind: string, code: string | null]>): string {
  const keys = parts
    .filter(([, code]) => code !== null && code !== "")
    .map(([k, c]) => `${k}_${c}`.toUpperCase());
  return keys.length ? keys.join("+") : "_T";
}

export function sdmxCsv(observations: readonly SdmxObservation[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const header = "DATAFLOW,REF_AREA,INDICATOR,BREAKDOWN,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,SOURCE";
  const lines = observations.map((o) =>
    [
      "HPI:INDUSTRY_STATS(1.0)",
      SDMX_AREA[o.area] ?? o.area,
      o.indicator.toUpperCase(),
      o.breakdown,
      o.period,
      String(o.value),
      o.unit,
      o.status,
      o.source ?? "",
    ]
      .map(quote)
      .join(","),
  );
  return `${[header, ...lines].join("\r\n")}\r\n`;
}

/** Our ownership groups as the registry's (and SDMX's) codes: foreign-invested is "fdi". */
export const OWNERSHIP_CODE: Record<string, string> = {
  foreign: "fdi",
  non_state: "non_state",
  state: "state",
};
