/** What a station has measured: series with the limit line, completeness per day, refusals, the AQI map. */
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import type { Db } from "../../db/database.ts";
import { offsetOf, type Paging, pageOf } from "../../http/paging.ts";
import { notFound } from "../../platform/errors.ts";
import { vnDateOfPeriod } from "./judge.ts";
import { limitSetOf } from "./limit-tables.ts";
import { factorOf, findLimit } from "./limits.ts";
import { canonicalParameter } from "./parameters.ts";
import * as seriesRepo from "./series.repository.ts";
import * as repo from "./stations.repository.ts";
import { aqiMapAnswer } from "./stations.schemas.ts";
import { presentAqi } from "./stations.service.ts";

const ENTITY = { vi: "trạm quan trắc", en: "Monitoring station" };
const _iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function stationSeries(
  db: Db,
  code: string,
  q: {
    parameter: string;
    resolution: "raw" | "1h" | "8h" | "24h";
    from?: string | undefined;
    to?: string | undefined;
  },
) {
  const station = await repo.findStation(db, code);
  if (!station) throw notFound(ENTITY, code);
  const parameter = canonicalParameter(q.parameter);
  const stream = (await repo.datastreamsOf(db, station.id)).find((d) => d.parameter === parameter);
  if (!stream) throw notFound({ vi: "thông số của trạm", en: "Station parameter" }, `${code}/${q.parameter}`);
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 48 * 3600_000);
  const points = await seriesRepo.seriesPoints(db, stream.id, q.resolution, from, to);
  let limit = null;
  if (station.limit_table) {
    const set = await limitSetOf(db, station.limit_table);
    const averaging = q.resolution === "raw" ? "1h" : q.resolution;
    const row = findLimit(set.rows, {
      parameter,
      averaging,
      column: set.kind === "ambient" ? "-" : (station.limit_column ?? "B"),
      on: vnDateOfPeriod(to),
    });
    if (row?.max !== null && row?.max !== undefined) {
      const factor = row.coefficientsApply ? factorOf(set.kind, station.coefficients) : 1;
      limit = {
        value: Math.round(row.max * factor * 1e9) / 1e9,
        table: set.code,
        averaging,
        verified: row.verified,
      };
    }
  }
  return { station: code, parameter, unit: stream.unit, resolution: q.resolution, limit, points };
}

export async function stationHealth(db: Db, code: string, days: number) {
  const station = await repo.findStation(db, code);
  if (!station) throw notFound(ENTITY, code);
  const perDay = Math.round(86_400 / station.interval_seconds);
  const today = vnDateOfPeriod(new Date(Date.now() + 1));
  const elapsed = ((Date.now() + 7 * 3600_000) % 86_400_000) / 86_400_000;
  const rows = await seriesRepo.dailyCounts(db, station.id, days);
  return {
    station: code,
    interval_seconds: station.interval_seconds,
    days: rows.map((r) => {
      const expected = r.date === today ? Math.max(1, Math.floor(perDay * elapsed)) : perDay;
      return { ...r, expected, completeness: Math.min(1, Math.round((r.received / expected) * 1000) / 1000) };
    }),
  };
}

export async function stationRejections(db: Db, code: string, paging: Paging) {
  const station = await repo.findStation(db, code);
  if (!station) throw notFound(ENTITY, code);
  const rows = await seriesRepo.rejectionsOf(db, station.id, paging.page_size, offsetOf(paging));
  return pageOf(
    rows,
    paging,
    async () => 0,
    (r) => ({
      id: String(r.id),
      received_at: new Date(r.received_at).toISOString(),
      channel: r.channel,
      reason: r.reason,
      detail: r.detail,
      excerpt: r.excerpt,
    }),
  );
}

/** Every located ambient-air station with its latest hourly VN_AQI: the air-quality map. */
/**
 * The AQI map is public, the same for everyone, and moves at most once a minute per station. Its
 * answer is kept for up to MAP_TTL_MS; a write on this instance that moves it (readings stored, a
 * station registered or changed) starts afresh at once, and another instance's writes show within
 * the TTL.
 */
const MAP_TTL_MS = 5_000;
let mapVersion = 0;
const mapCache = new WeakMap<Db, { at: number; version: number; items: ReturnType<typeof loadAqiMap> }>();
const mapBodies = new WeakMap<ReturnType<typeof loadAqiMap>, Map<string, Buffer>>();

/** Marks the AQI map as changed (called after readings are committed and when stations change). */
export function mapChanged(): void {
  mapVersion++;
}

export function aqiMap(db: Db): ReturnType<typeof loadAqiMap> {
  const now = Date.now();
  const hit = mapCache.get(db);
  if (hit && hit.version === mapVersion && now - hit.at < MAP_TTL_MS) return hit.items;
  const items = loadAqiMap(db);
  const entry = { at: now, version: mapVersion, items };
  mapCache.set(db, entry);
  // A failed load is not kept.
  items.catch(() => {
    if (mapCache.get(db) === entry) mapCache.delete(db);
  });
  return items;
}

/**
 * The map's answer as UTF-8 JSON, checked against its schema, and compressed as the client accepts
 * (br, then gzip), once per build rather than once per request.
 */
export async function aqiMapBody(
  db: Db,
  acceptEncoding: string | undefined,
): Promise<{ body: Buffer; encoding: "br" | "gzip" | null }> {
  const items = aqiMap(db);
  let bodies = mapBodies.get(items);
  if (!bodies) {
    const json = Buffer.from(JSON.stringify(aqiMapAnswer.parse({ items: await items })));
    bodies = new Map([["", json]]);
    mapBodies.set(items, bodies);
  }
  const accepted = acceptedEncodings(acceptEncoding);
  const encoding = accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
  const json = bodies.get("") as Buffer;
  if (!encoding || json.length < 1024) return { body: json, encoding: null };
  let body = bodies.get(encoding);
  if (!body) {
    body =
      encoding === "br"
        ? brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })
        : gzipSync(json);
    bodies.set(encoding, body);
  }
  return { body, encoding };
}

/** The codings an Accept-Encoding header allows: "gzip, br;q=0" allows gzip only; "*" allows both. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const allowed = new Set<string>();
  const refused = new Set<string>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (!name) continue;
    if (q !== undefined && !(Number(q.slice(2)) > 0)) refused.add(name);
    else if (name === "*") for (const coding of ["br", "gzip"]) allowed.add(coding);
    else allowed.add(name);
  }
  // An explicit "br;q=0" wins over "*".
  for (const name of refused) allowed.delete(name);
  return allowed;
}

async function loadAqiMap(db: Db) {
  const rows = await repo.aqiMapRows(db);
  return rows.map((r) => ({
    code: r.code,
    name_vi: r.name_vi,
    name_en: r.name_en,
    zone_code: r.zone_code,
    location: { lon: r.lon, lat: r.lat },
    silent: r.silent,
    aqi: presentAqi(r.aqi, r.hour, r.dominant),
  }));
}
