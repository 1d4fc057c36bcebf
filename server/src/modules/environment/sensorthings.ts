/**
 * The OGC SensorThings API (Part 1: Sensing, v1.1) read side, as far as our model goes (pure part):
 * resource paths such as Things('KK-DINHVU')/Datastreams or Datastreams(12)/Observations, and the
 * query options $top, $skip, $count, $orderby and a $filter of comparisons joined by "and".
 * $expand and $select are refused with a clear message rather than silently ignored.
 */
import { AppError } from "../../platform/errors.ts";

export const ENTITY_SETS = [
  "Things",
  "Locations",
  "Datastreams",
  "ObservedProperties",
  "Observations",
] as const;
export type EntitySet = (typeof ENTITY_SETS)[number];

export interface PathPart {
  set: EntitySet | "Thing" | "Datastream" | "ObservedProperty";
  id?: string;
}

export function badQuery(vi: string, en: string, field = "path"): AppError {
  return new AppError("sensorthings.bad_query", 400, { vi, en }, [
    { code: "sensorthings.bad_query", field, message: { vi, en } },
  ]);
}

const SEGMENT = /^([A-Za-z]+)(?:\((?:'((?:[^']|'')*)'|(\d+))\))?$/;
const NAVIGATION = new Set(["Thing", "Datastream", "ObservedProperty"]);

/** "Things('KK-1')/Datastreams" → [{ set: "Things", id: "KK-1" }, { set: "Datastreams" }]. */
export function parsePath(path: string): PathPart[] {
  const segments = path.split("/").filter(Boolean);
  if (segments.length === 0 || segments.length > 3) {
    throw badQuery("Đường dẫn tài nguyên không hợp lệ.", "Invalid resource path.");
  }
  return segments.map((segment) => {
    const m = SEGMENT.exec(segment);
    const name = m?.[1] ?? "";
    if (!m || (!(ENTITY_SETS as readonly string[]).includes(name) && !NAVIGATION.has(name))) {
      throw badQuery(
        `Không có tập thực thể "${segment.slice(0, 60)}". Có: ${ENTITY_SETS.join(", ")}.`,
        `No entity set "${segment.slice(0, 60)}". Available: ${ENTITY_SETS.join(", ")}.`,
      );
    }
    const id = m[2] !== undefined ? m[2].replaceAll("''", "'") : m[3];
    return { set: name as PathPart["set"], ...(id === undefined ? {} : { id }) };
  });
}

export type Comparison = {
  property: string;
  op: "eq" | "ne" | "gt" | "ge" | "lt" | "le";
  value: string | number;
};

const LITERAL =
  /^(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})))$/;

/** "phenomenonTime ge 2026-11-20T00:00:00Z and result gt 100" → comparisons. */
export function parseFilter(filter: string, allowed: readonly string[]): Comparison[] {
  const parts = filter.trim().split(/\s+and\s+/i);
  return parts.map((part) => {
    const m = /^([A-Za-z/]+)\s+(eq|ne|gt|ge|lt|le)\s+(.+)$/.exec(part.trim());
    const literal = m ? LITERAL.exec(m[3]?.trim() ?? "") : null;
    if (!m || !literal || !allowed.includes(m[1] as string)) {
      throw badQuery(
        `$filter chỉ hỗ trợ "<thuộc tính> eq|ne|gt|ge|lt|le <giá trị>" nối bằng "and", thuộc tính: ${allowed.join(", ")}.`,
        `$filter supports "<property> eq|ne|gt|ge|lt|le <value>" joined by "and", on: ${allowed.join(", ")}.`,
        "$filter",
      );
    }
    const value =
      literal[1] !== undefined
        ? literal[1].replaceAll("''", "'")
        : literal[2] !== undefined
          ? Number(literal[2])
          : (literal[3] as string);
    const property = m[1] as string;
    // Times must be real instants and results numbers, checked here rather than by a failing cast.
    const isTime = property !== "result";
    const ok = isTime
      ? typeof value === "string" && Number.isFinite(Date.parse(value))
      : typeof value === "number" && Number.isFinite(value);
    if (!ok) {
      throw badQuery(
        `$filter: ${property} cần ${isTime ? "một thời điểm ISO 8601 (2026-11-20T00:00:00Z)" : "một số"}.`,
        `$filter: ${property} needs ${isTime ? "an ISO 8601 instant (2026-11-20T00:00:00Z)" : "a number"}.`,
        "$filter",
      );
    }
    return { property, op: m[2] as Comparison["op"], value };
  });
}

export interface QueryOptions {
  top: number;
  skip: number;
  count: boolean;
  orderBy: { property: string; direction: "asc" | "desc" } | null;
  filter: Comparison[];
}

const MAX_TOP = 1000;

export function parseOptions(
  query: Record<string, unknown>,
  orderable: readonly string[],
  filterable: readonly string[],
): QueryOptions {
  for (const option of ["$expand", "$select", "$resultFormat"]) {
    if (query[option] !== undefined) {
      throw badQuery(`Chưa hỗ trợ ${option}.`, `${option} is not supported.`, option);
    }
  }
  const int = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw badQuery(`${name} phải là số nguyên 0–${max}.`, `${name} must be an integer 0–${max}.`, name);
    return n;
  };
  let orderBy: QueryOptions["orderBy"] = null;
  if (typeof query.$orderby === "string") {
    const m = /^([A-Za-z@.]+)(?:\s+(asc|desc))?$/i.exec(query.$orderby.trim());
    if (!m || !orderable.includes(m[1] as string)) {
      throw badQuery(
        `$orderby chỉ theo: ${orderable.join(", ")}.`,
        `$orderby works on: ${orderable.join(", ")}.`,
        "$orderby",
      );
    }
    orderBy = { property: m[1] as string, direction: (m[2]?.toLowerCase() ?? "asc") as "asc" | "desc" };
  }
  const count =
    query.$count === undefined
      ? false
      : query.$count === "true"
        ? true
        : query.$count === "false"
          ? false
          : null;
  if (count === null)
    throw badQuery("$count phải là true hoặc false.", "$count must be true or false.", "$count");
  return {
    top: int("$top", 100, MAX_TOP),
    skip: int("$skip", 0, 10_000_000),
    count,
    orderBy,
    filter:
      typeof query.$filter === "string" && query.$filter.trim() !== ""
        ? parseFilter(query.$filter, filterable)
        : [],
  };
}

/** The observation id: datastream id and phenomenon time (epoch ms), e.g. "12-1763600400000". */
export function observationId(datastreamId: number, time: Date): string {
  return `${datastreamId}-${time.getTime()}`;
}

/** Ids are PostgreSQL integers. */
export const MAX_INT = 2_147_483_647;

export function parseObservationId(id: string): { datastreamId: number; time: Date } | null {
  const m = /^(\d{1,10})-(\d{1,15})$/.exec(id);
  if (!m) return null;
  const datastreamId = Number(m[1]);
  const time = new Date(Number(m[2]));
  return datastreamId <= MAX_INT && !Number.isNaN(time.getTime()) ? { datastreamId, time } : null;
}
