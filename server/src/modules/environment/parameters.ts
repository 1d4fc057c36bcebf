/**
 * What stations measure: parameter symbols (as in Circular 10/2021/TT-BTNMT, Annex 15, Table 34),
 * their unit per station kind and the physically possible range (pure). A value outside the range is
 * refused as impossible; a unit that is neither the datastream's nor convertible to it is refused.
 */
import type { StationKind } from "./monitoring.table.ts";

export interface ParameterInfo {
  symbol: string;
  vi: string;
  en: string;
  /** The unit datastreams of this parameter store, by station kind. */
  unit: Partial<Record<StationKind, string>>;
  min: number;
  max: number;
}

const AIR = { ambient_air: "ug/Nm3", stack_emission: "mg/Nm3" } as const;

export const PARAMETERS: readonly ParameterInfo[] = [
  { symbol: "PM2.5", vi: "Bụi PM2,5", en: "PM2.5", unit: { ambient_air: "ug/Nm3" }, min: 0, max: 5000 },
  { symbol: "PM10", vi: "Bụi PM10", en: "PM10", unit: { ambient_air: "ug/Nm3" }, min: 0, max: 5000 },
  {
    symbol: "TSP",
    vi: "Tổng bụi lơ lửng",
    en: "Total suspended particulates",
    unit: { ambient_air: "ug/Nm3" },
    min: 0,
    max: 20000,
  },
  { symbol: "SO2", vi: "Lưu huỳnh điôxít", en: "Sulphur dioxide", unit: AIR, min: 0, max: 1e6 },
  {
    symbol: "NO2",
    vi: "Nitơ điôxít",
    en: "Nitrogen dioxide",
    unit: { ambient_air: "ug/Nm3" },
    min: 0,
    max: 1e5,
  },
  {
    symbol: "NOx",
    vi: "NOx (tính theo NO2)",
    en: "NOx (as NO2)",
    unit: { stack_emission: "mg/Nm3" },
    min: 0,
    max: 1e5,
  },
  { symbol: "CO", vi: "Cacbon monoxit", en: "Carbon monoxide", unit: AIR, min: 0, max: 1e6 },
  { symbol: "O3", vi: "Ôzôn", en: "Ozone", unit: { ambient_air: "ug/Nm3" }, min: 0, max: 1e4 },
  { symbol: "PM", vi: "Bụi tổng", en: "Total dust", unit: { stack_emission: "mg/Nm3" }, min: 0, max: 1e5 },
  { symbol: "O2", vi: "Ôxy", en: "Oxygen", unit: { stack_emission: "%" }, min: 0, max: 100 },
  {
    symbol: "Temp",
    vi: "Nhiệt độ",
    en: "Temperature",
    unit: { ambient_air: "C", wastewater: "C", stack_emission: "C" },
    min: -20,
    max: 1500,
  },
  { symbol: "RH", vi: "Độ ẩm", en: "Relative humidity", unit: { ambient_air: "%" }, min: 0, max: 100 },
  {
    symbol: "Flow",
    vi: "Lưu lượng",
    en: "Flow",
    unit: { wastewater: "m3/h", stack_emission: "m3/h" },
    min: 0,
    max: 1e7,
  },
  { symbol: "pH", vi: "pH", en: "pH", unit: { wastewater: "-" }, min: 0, max: 14 },
  { symbol: "Color", vi: "Màu", en: "Colour", unit: { wastewater: "Pt/Co" }, min: 0, max: 1e5 },
  {
    symbol: "TSS",
    vi: "Chất rắn lơ lửng",
    en: "Total suspended solids",
    unit: { wastewater: "mg/L" },
    min: 0,
    max: 1e5,
  },
  { symbol: "COD", vi: "COD", en: "COD", unit: { wastewater: "mg/L" }, min: 0, max: 1e5 },
  { symbol: "BOD5", vi: "BOD5 (20°C)", en: "BOD5 (20°C)", unit: { wastewater: "mg/L" }, min: 0, max: 1e5 },
  {
    symbol: "NH4",
    vi: "Amoni (tính theo N)",
    en: "Ammonium (as N)",
    unit: { wastewater: "mg/L" },
    min: 0,
    max: 1e4,
  },
  { symbol: "TN", vi: "Tổng nitơ", en: "Total nitrogen", unit: { wastewater: "mg/L" }, min: 0, max: 1e4 },
  {
    symbol: "TP",
    vi: "Tổng phốt pho",
    en: "Total phosphorus",
    unit: { wastewater: "mg/L" },
    min: 0,
    max: 1e4,
  },
];

const BY_SYMBOL = new Map(PARAMETERS.map((p) => [p.symbol.toLowerCase(), p]));
/** Spellings loggers use for the same parameter ("PM2,5" with the Vietnamese decimal comma). */
const ALIASES: Record<string, string> = {
  "pm2,5": "PM2.5",
  pm25: "PM2.5",
  pm2_5: "PM2.5",
  bui: "PM",
  dust: "PM",
  temperature: "Temp",
  nh4_n: "NH4",
  "nh4+": "NH4",
  colour: "Color",
};

const SEEN = new Map<string, ParameterInfo | undefined>();

export function parameterInfo(symbol: string): ParameterInfo | undefined {
  if (SEEN.has(symbol)) return SEEN.get(symbol);
  const key = symbol.trim().toLowerCase();
  const info = BY_SYMBOL.get(key) ?? BY_SYMBOL.get((ALIASES[key] ?? "").toLowerCase());
  // Stations send a handful of short spellings; the bounds keep hostile input out of the memo.
  if (symbol.length <= 32 && SEEN.size < 1000) SEEN.set(symbol, info);
  return info;
}

/** The canonical symbol for what a logger sent, or the text itself when we do not know it. */
export function canonicalParameter(symbol: string): string {
  return parameterInfo(symbol)?.symbol ?? symbol.trim();
}

/** Units compared without case, spaces, "N" (normal) or micro-sign variants: "µg/Nm³" = "ug/m3". */
export function unitKey(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/[µμ]/g, "u")
    .replace(/³/g, "3")
    .replace(/°/g, "")
    .replace(/\s+/g, "")
    .replace(/\/nm3$/, "/m3")
    .replace(/^(none|unitless)$/, "-");
}

const SCALE: Record<string, number> = { "ug/m3": 1, "mg/m3": 1000 };

/** The factor that turns a value in `from` into the datastream's `to`, or null when they do not convert. */
export function unitFactor(from: string | undefined, to: string): number | null {
  if (from === undefined || from === "") return 1;
  const a = unitKey(from);
  const b = unitKey(to);
  if (a === b) return 1;
  const fa = SCALE[a];
  const fb = SCALE[b];
  return fa !== undefined && fb !== undefined ? fa / fb : null;
}
