/**
 * Reading payloads in, checked readings or refusals out (pure). Three shapes arrive: JSON (MQTT and
 * HTTP: one reading, an array, or { "readings": [...] }), CSV (HTTP bulk) and the line-based files of
 * Vietnamese station data loggers (Circular 10/2021: parameter, value, unit, time, status per line).
 * Station and datastream lookups happen later, in the ingest service.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type { Localized as Bilingual } from "../../platform/errors.ts";
import { canonicalParameter } from "./parameters.ts";

export type RejectReason =
  | "payload.malformed"
  | "payload.too_many"
  | "station.unknown"
  | "station.inactive"
  | "station.not_permitted"
  | "station.mismatch"
  | "parameter.unknown"
  | "unit.mismatch"
  | "value.invalid"
  | "value.impossible"
  | "time.invalid"
  | "time.future"
  | "time.too_old"
  | "status.invalid";

export interface Refusal {
  stationCode: string | null;
  reason: RejectReason;
  detail: Bilingual;
  /** Where in the payload: "readings[3]", "dòng 5 / line 5". */
  where: string;
  excerpt: string;
}

export interface Reading {
  station: string;
  parameter: string;
  /** Epoch milliseconds. */
  time: number;
  value: number;
  unit: string | undefined;
  /** 0 measuring, 1 calibrating, 2 device error (Circular 10/2021 logger codes). */
  status: number;
  where: string;
}

export interface Parsed {
  readings: Reading[];
  refusals: Refusal[];
}

/** Readings before 2015 are refused as implausible; readings up to 5 minutes ahead allow for clock drift. */
export const OLDEST = Date.UTC(2015, 0, 1);
export const CLOCK_SKEW_MS = 5 * 60_000;

const excerptOf = (value: unknown): string => {
  if (typeof value === "string") return value.slice(0, 300);
  try {
    return (JSON.stringify(value) ?? "").slice(0, 300);
  } catch {
    // Nested too deep to serialise (a hostile payload): no excerpt rather than a crash.
    return "[…]";
  }
};

export function refusal(
  stationCode: string | null,
  reason: RejectReason,
  detail: Bilingual,
  where: string,
  raw: unknown,
): Refusal {
  return { stationCode, reason, detail, where, excerpt: excerptOf(raw) };
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const VN_OFFSET_MINUTES = 7 * 60;

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * ISO 8601 with a zone ("Z" or "+07:00"), or the loggers' YYYYMMDDhhmmss in Vietnam time. Fields are
 * checked, not rolled over: 2026-02-30 and 24:00 are refused. Fractions beyond milliseconds are cut.
 */
export function parseTime(value: unknown): number | null {
  if (typeof value !== "string") return null;
  // Readings of one instant arrive together (every parameter of a station, every station of a slot).
  if (value === lastTime.text) return lastTime.ms;
  const ms = timeOf(value.trim());
  lastTime = { text: value, ms };
  return ms;
}

let lastTime: { text: string; ms: number | null } = { text: "", ms: null };

function timeOf(text: string): number | null {
  let f = ISO.exec(text);
  let offset = VN_OFFSET_MINUTES;
  if (f) {
    const hours = Number(f[10] ?? 0);
    const minutes = Number(f[11] ?? 0);
    if (hours > 23 || minutes > 59) return null;
    offset = f[8] ? 0 : (f[9] === "-" ? -1 : 1) * (hours * 60 + minutes);
  } else {
    f = COMPACT.exec(text);
    if (!f) return null;
  }
  const year = Number(f[1]);
  const month = Number(f[2]);
  const day = Number(f[3]);
  const hour = Number(f[4]);
  const minute = Number(f[5]);
  const second = f[6] ? Number(f[6]) : 0;
  const fraction = f[7] ? Number(f[7].padEnd(3, "0").slice(0, 3)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offset * 60_000;
}

function parseValue(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  // Loggers may write the Vietnamese decimal comma: "35,2".
  const normal = /^-?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function parseStatus(value: unknown): number | null {
  if (value === undefined || value === null || value === "") return 0;
  const n = typeof value === "number" ? value : /^\d{1,2}$/.test(String(value).trim()) ? Number(value) : NaN;
  return n === 0 || n === 1 || n === 2 ? n : null;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : undefined;

/** Why a reading's own fields are refused. */
const WHY: Partial<Record<RejectReason, Bilingual>> = {
  "station.unknown": { vi: "Thiếu mã trạm (station).", en: "Missing station code (station)." },
  "parameter.unknown": { vi: "Thiếu thông số (parameter).", en: "Missing parameter." },
  "value.invalid": { vi: "Giá trị (value) không phải là số.", en: "The value is not a number." },
  "time.invalid": {
    vi: "Thời gian (time) phải theo ISO 8601 có múi giờ (2026-11-22T10:05:00+07:00) hoặc YYYYMMDDhhmmss.",
    en: "The time must be ISO 8601 with a zone (2026-11-22T10:05:00+07:00) or YYYYMMDDhhmmss.",
  },
  "time.future": { vi: "Thời gian đo ở tương lai.", en: "The measurement time is in the future." },
  "time.too_old": { vi: "Thời gian đo trước năm 2015.", en: "The measurement time is before 2015." },
  "status.invalid": {
    vi: "Trạng thái (status) phải là 00, 01 hoặc 02.",
    en: "The status must be 00, 01 or 02.",
  },
};

/** Checks one reading's own fields (not whether its station or parameter exists). */
export function checkReading(
  raw: Record<string, unknown>,
  defaultStation: string | null,
  where: string,
  now: number,
): Reading | Refusal {
  const station = text(raw.station) ?? defaultStation;
  const refuse = (reason: RejectReason) =>
    refusal(station ?? null, reason, WHY[reason] as Bilingual, where, raw);
  if (!station) return refuse("station.unknown");
  if (defaultStation !== null && station !== defaultStation) {
    return refusal(
      defaultStation,
      "station.mismatch",
      {
        vi: `Trạm "${station}" không phải trạm của kênh này.`,
        en: `Station "${station}" is not this channel's station.`,
      },
      where,
      raw,
    );
  }
  const parameter = text(raw.parameter);
  if (!parameter) return refuse("parameter.unknown");
  const value = parseValue(raw.value);
  if (value === null) return refuse("value.invalid");
  const time = parseTime(raw.time);
  if (time === null) return refuse("time.invalid");
  if (time > now + CLOCK_SKEW_MS) return refuse("time.future");
  if (time < OLDEST) return refuse("time.too_old");
  const status = parseStatus(raw.status);
  if (status === null) return refuse("status.invalid");
  return {
    station,
    parameter: canonicalParameter(parameter),
    time,
    value,
    unit: text(raw.unit),
    status,
    where,
  };
}

export function isRefusal(r: Reading | Refusal): r is Refusal {
  return "reason" in r;
}

function collect(
  items: Array<[Record<string, unknown> | unknown, string]>,
  station: string | null,
  now: number,
): Parsed {
  const out: Parsed = { readings: [], refusals: [] };
  for (const [item, where] of items) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      out.refusals.push(
        refusal(
          station,
          "payload.malformed",
          { vi: "Mỗi kết quả đo phải là một đối tượng JSON.", en: "Each reading must be a JSON object." },
          where,
          item,
        ),
      );
      continue;
    }
    const r = checkReading(item as Record<string, unknown>, station, where, now);
    if (isRefusal(r)) out.refusals.push(r);
    else out.readings.push(r);
  }
  return out;
}

function tooMany(station: string | null, count: number, max: number, raw: string): Parsed {
  return {
    readings: [],
    refusals: [
      refusal(
        station,
        "payload.too_many",
        {
          vi: `${count} kết quả đo, quá giới hạn ${max} mỗi lần gửi.`,
          en: `${count} readings, over the limit of ${max} per request.`,
        },
        "payload",
        raw.slice(0, 300),
      ),
    ],
  };
}

/** JSON: a reading, an array of readings, or { "station"?, "readings": [...] }. */
export function parseJsonReadings(
  body: string | unknown,
  station: string | null,
  max: number,
  now = Date.now(),
): Parsed {
  let doc: unknown = body;
  if (typeof body === "string") {
    try {
      doc = JSON.parse(body);
    } catch (error) {
      return {
        readings: [],
        refusals: [
          refusal(
            station,
            "payload.malformed",
            {
              vi: `JSON không hợp lệ: ${(error as Error).message}`,
              en: `Invalid JSON: ${(error as Error).message}`,
            },
            "payload",
            body,
          ),
        ],
      };
    }
  }
  const envelope = doc !== null && typeof doc === "object" && !Array.isArray(doc) && "readings" in doc;
  const list = Array.isArray(doc) ? doc : envelope ? (doc as { readings: unknown }).readings : [doc];
  if (!Array.isArray(list)) {
    return {
      readings: [],
      refusals: [
        refusal(
          station,
          "payload.malformed",
          { vi: '"readings" phải là một mảng.', en: '"readings" must be an array.' },
          "readings",
          doc,
        ),
      ],
    };
  }
  const raw = typeof body === "string" ? body : "";
  if (list.length > max) return tooMany(station, list.length, max, raw);
  const shared = envelope ? text((doc as { station?: unknown }).station) : undefined;
  const items: Array<[unknown, string]> = list.map((item, i) => [
    shared && item && typeof item === "object" && !("station" in item) ? { ...item, station: shared } : item,
    envelope ? `readings[${i}]` : Array.isArray(doc) ? `[${i}]` : "payload",
  ]);
  return collect(items, station, now);
}

const lineWhere = (n: number) => `dòng ${n} / line ${n}`;

/** CSV with a header naming station, parameter, time, value and optionally unit, status. */
export function parseCsvReadings(body: string, max: number, now = Date.now()): Parsed {
  let rows: string[][];
  try {
    rows = parseCsv(body, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return {
      readings: [],
      refusals: [
        refusal(
          null,
          "payload.malformed",
          {
            vi: `CSV không hợp lệ: ${(error as Error).message}`,
            en: `Invalid CSV: ${(error as Error).message}`,
          },
          "payload",
          body,
        ),
      ],
    };
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const missing = ["station", "parameter", "time", "value"].filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      readings: [],
      refusals: [
        refusal(
          null,
          "payload.malformed",
          {
            vi: `Dòng tiêu đề thiếu cột: ${missing.join(", ")}.`,
            en: `The header lacks columns: ${missing.join(", ")}.`,
          },
          lineWhere(1),
          rows[0]?.join(",") ?? "",
        ),
      ],
    };
  }
  if (rows.length - 1 > max) return tooMany(null, rows.length - 1, max, body);
  const items: Array<[unknown, string]> = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string[];
    const item: Record<string, string> = {};
    header.forEach((h, j) => {
      if (row[j] !== undefined) item[h] = row[j] as string;
    });
    items.push([item, lineWhere(i + 1)]);
  }
  return collect(items, null, now);
}

/**
 * A data logger's file: one parameter per line, "<parameter>\t<value>\t<unit>\t<YYYYMMDDhhmmss>\t<status>"
 * (TAB, or ";" when the logger is set so). Times are Vietnam time.
 */
export function parseDataloggerFile(body: string, station: string, max: number, now = Date.now()): Parsed {
  const lines = body.replace(/^\uFEFF/, "").split(/\r?\n/);
  const items: Array<[unknown, string]> = [];
  const refusals: Refusal[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const fields = (line.includes("\t") ? line.split("\t") : line.split(";")).map((f) => f.trim());
    if (fields.length < 4) {
      refusals.push(
        refusal(
          station,
          "payload.malformed",
          {
            vi: "Dòng phải có: thông số, giá trị, đơn vị, thời gian (YYYYMMDDhhmmss), trạng thái.",
            en: "A line needs: parameter, value, unit, time (YYYYMMDDhhmmss), status.",
          },
          lineWhere(i + 1),
          line,
        ),
      );
      return;
    }
    const [parameter, value, unit, time, status] = fields;
    items.push([{ parameter, value, unit, time, status }, lineWhere(i + 1)]);
  });
  if (items.length > max) return tooMany(station, items.length, max, body);
  const parsed = collect(items, station, now);
  return { readings: parsed.readings, refusals: [...refusals, ...parsed.refusals] };
}
