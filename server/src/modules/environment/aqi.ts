/**
 * VN_AQI by Decision 1459/QĐ-TCMT (12/11/2019), pure: breakpoints (Bảng 2), the sub-index formula,
 * NowCast for PM2.5 and PM10, hourly and daily indices, categories and colours (Bảng 1).
 *
 * Rounding (the decision says only "rounded to an integer"): sub-indices and the index are rounded
 * half up, after rounding to 6 decimals so that float error (59.999999…) cannot change the result.
 * The index is the maximum of the unrounded sub-indices, rounded once. Above the last breakpoint
 * (printed "≥") the index is 500. Concentrations are µg/m³ for every pollutant, CO included.
 */

export type Pollutant = "O3" | "CO" | "SO2" | "NO2" | "PM10" | "PM2.5";
type Scale = "O3_1h" | "O3_8h" | "CO" | "SO2" | "NO2" | "PM10" | "PM2.5";

const I = [0, 50, 100, 150, 200, 300, 400, 500];
/** Bảng 2: BP_i per level i = 1…8 (µg/m³); O3 8h is undefined ('-') at levels 7 and 8. */
const BP: Record<Scale, number[]> = {
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8h: [0, 100, 120, 170, 210, 400],
  CO: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
  SO2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  NO2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  "PM2.5": [0, 25, 50, 80, 150, 250, 350, 500],
};

export function roundHalfUp(x: number): number {
  return Math.floor(Math.round(x * 1e6) / 1e6 + 0.5);
}

/**
 * Formula 1/2: linear between the breakpoints around c. Null when the scale has no breakpoint that
 * high (O3 8h above 400 µg/m³, where the decision uses the 1-hour value only).
 */
export function subIndex(scale: Scale, c: number): number | null {
  const bp = BP[scale];
  const top = bp[bp.length - 1] as number;
  if (c >= top) return scale === "O3_8h" ? (c === top ? (I[bp.length - 1] as number) : null) : 500;
  for (let i = 0; i < bp.length - 1; i++) {
    const lo = bp[i] as number;
    const hi = bp[i + 1] as number;
    if (c <= hi) return (((I[i + 1] as number) - (I[i] as number)) / (hi - lo)) * (c - lo) + (I[i] as number);
  }
  return null;
}

/**
 * NowCast of up to 12 hourly means, latest first (c1 = the current hour). Needs at least 2 of c1–c3;
 * a missing value gets weight 0. For w = 1/2 the decision prints the sum without dividing by the
 * weights (their sum is ≈ 2, hence the factor 1/2). We divide in both cases: the same value within
 * 0.05 % when all 12 hours exist, and not biased low when some are missing.
 */
export function nowcast(values: ReadonlyArray<number | null | undefined>): number | null {
  const c = values.slice(0, 12);
  if (c.slice(0, 3).filter((v) => v !== null && v !== undefined).length < 2) return null;
  const present = c.filter((v): v is number => v !== null && v !== undefined);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const wStar = max === 0 ? 1 : min / max;
  const w = Math.max(wStar, 0.5);
  let sum = 0;
  let weights = 0;
  c.forEach((v, i) => {
    if (v === null || v === undefined) return;
    sum += w ** i * v;
    weights += w ** i;
  });
  return sum / weights;
}

/** Rolling 8-hour means of hourly means (value at hour h averages h-7…h); null where fewer than 8 exist. */
export function eightHourMeans(hourly: readonly number[]): Array<number | null> {
  return hourly.map((_, h) => (h < 7 ? null : hourly.slice(h - 7, h + 1).reduce((a, b) => a + b, 0) / 8));
}

export interface Category {
  level: number;
  vi: string;
  en: string;
  colour: string;
  rgb: [number, number, number];
}

/** Bảng 1 (English names are ours, unofficial). */
export const CATEGORIES: Array<Category & { max: number }> = [
  { max: 50, level: 1, vi: "Tốt", en: "Good", colour: "#00E400", rgb: [0, 228, 0] },
  { max: 100, level: 2, vi: "Trung bình", en: "Moderate", colour: "#FFFF00", rgb: [255, 255, 0] },
  { max: 150, level: 3, vi: "Kém", en: "Poor", colour: "#FF7E00", rgb: [255, 126, 0] },
  { max: 200, level: 4, vi: "Xấu", en: "Bad", colour: "#FF0000", rgb: [255, 0, 0] },
  { max: 300, level: 5, vi: "Rất xấu", en: "Very bad", colour: "#8F3F97", rgb: [143, 63, 151] },
  {
    max: Number.POSITIVE_INFINITY,
    level: 6,
    vi: "Nguy hại",
    en: "Hazardous",
    colour: "#7E0023",
    rgb: [126, 0, 35],
  },
];

export function categoryOf(aqi: number): Category {
  const { max: _m, ...category } = CATEGORIES.find((c) => aqi <= c.max) as Category & { max: number };
  return category;
}

export interface AqiResult {
  aqi: number;
  subIndices: Record<string, number>;
  dominant: string;
  category: Category;
}

export class AqiInputError extends Error {}

function combine(parts: Array<[string, number | null]>): AqiResult {
  const present = parts.filter((p): p is [string, number] => p[1] !== null);
  if (!present.some(([k]) => k === "PM10" || k === "PM2.5")) {
    throw new AqiInputError("VN_AQI needs PM10 or PM2.5");
  }
  const [dominant, top] = present.reduce((a, b) => (b[1] > a[1] ? b : a));
  const aqi = roundHalfUp(top);
  return {
    aqi,
    subIndices: Object.fromEntries(present.map(([k, v]) => [k, roundHalfUp(v)])),
    dominant,
    category: categoryOf(aqi),
  };
}

export interface HourlyInput {
  O3?: number | undefined;
  CO?: number | undefined;
  SO2?: number | undefined;
  NO2?: number | undefined;
  /** One hourly mean (used as the NowCast) or up to 12 hourly means, latest first. */
  PM10?: number | ReadonlyArray<number | null> | undefined;
  "PM2.5"?: number | ReadonlyArray<number | null> | undefined;
}

const pm = (v: HourlyInput["PM10"]): number | null =>
  v === undefined ? null : typeof v === "number" ? v : nowcast(v);

/** Hourly index: 1-hour means, NowCast for PM, O3 on its 1-hour scale. */
export function hourlyAqi(input: HourlyInput): AqiResult {
  const at = (scale: Scale, v: number | null | undefined) =>
    v === null || v === undefined ? null : subIndex(scale, v);
  return combine([
    ["O3", at("O3_1h", input.O3)],
    ["CO", at("CO", input.CO)],
    ["SO2", at("SO2", input.SO2)],
    ["NO2", at("NO2", input.NO2)],
    ["PM10", at("PM10", pm(input.PM10))],
    ["PM2.5", at("PM2.5", pm(input["PM2.5"]))],
  ]);
}

export interface DailyInput {
  /** Maximum 1-hour mean of the day. */
  O3?: number | undefined;
  /** Maximum 8-hour mean of the day. */
  O3_8h?: number | undefined;
  CO?: number | undefined;
  SO2?: number | undefined;
  NO2?: number | undefined;
  /** 24-hour means. */
  PM10?: number | undefined;
  "PM2.5"?: number | undefined;
}

/**
 * Daily index. O3: the larger of its 1-hour and 8-hour sub-indices, the 8-hour one left out when the
 * maximum 8-hour mean exceeds 400 µg/m³.
 */
export function dailyAqi(input: DailyInput): AqiResult {
  const at = (scale: Scale, v: number | undefined) => (v === undefined ? null : subIndex(scale, v));
  const o3Candidates = [at("O3_1h", input.O3), at("O3_8h", input.O3_8h)].filter(
    (v): v is number => v !== null,
  );
  return combine([
    ["O3", o3Candidates.length ? Math.max(...o3Candidates) : null],
    ["CO", at("CO", input.CO)],
    ["SO2", at("SO2", input.SO2)],
    ["NO2", at("NO2", input.NO2)],
    ["PM10", at("PM10", input.PM10)],
    ["PM2.5", at("PM2.5", input["PM2.5"])],
  ]);
}
