/**
 * The ingester: checked readings in, stored readings, hourly sums, 8/24-hour means, VN_AQI,
 * exceedances and violation cases out, all in one transaction per flush. Callers (the MQTT broker
 * hook, the MQTT subscriber, the HTTP bulk route) await their submission: when it resolves, the
 * readings are committed, so an acknowledgement sent after it never covers a lost reading.
 *
 * Group commit: while one flush runs, new submissions queue; the next flush takes them all. Under
 * load, batches grow by themselves; at rest, a reading is written at once.
 */
import type { CopyTransaction, Db } from "../../db/database.ts";
import type { Localized } from "../../platform/errors.ts";
import { openOrExtendCases } from "./episodes.ts";
import * as repo from "./ingest.repository.ts";
import { judgePeriods } from "./judge.ts";
import * as observations from "./observations.repository.ts";
import { parameterInfo, unitFactor } from "./parameters.ts";
import type { Parsed, Reading, Refusal } from "./readings.ts";
import { stationAqiRows } from "./station-aqi.ts";
import { mapChanged } from "./station-data.service.ts";

export type Channel = "mqtt" | "http" | "file";

export interface IngestResult {
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** The first refusals, with where and why. */
  refusals: Array<{ where: string; station: string | null; reason: string; message: Localized }>;
}

export interface Submission {
  parsed: Parsed;
  channel: Channel;
  /** The HTTP caller's scope: whether it may send readings for a station. */
  permits?: (station: repo.StationRecord) => boolean;
}

export interface Ingester {
  ingest(submission: Submission): Promise<IngestResult>;
  /** Resolves once every queued submission is written. */
  drain(): Promise<void>;
  /** Forget cached stations (after a station or its datastreams change). */
  forgetStations(): void;
}

const STATION_CACHE_MS = 30_000;
const MAX_VALUE = 1e12;
const REFUSALS_SHOWN = 100;
const REJECTIONS_STORED = 100;

interface Row {
  ds: number;
  station: repo.StationRecord;
  time: number;
  value: number;
  status: number;
}

interface Job {
  rows: Row[];
  refusals: Refusal[];
  /** The refusals recorded for the stations' owners. */
  kept: Refusal[];
  channel: Channel;
  received: number;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

/** Text PostgreSQL can store: no NUL, no lone surrogates. */
export const storable = (s: string | null): string | null =>
  s === null ? null : s.replaceAll(String.fromCharCode(0), "").toWellFormed();

/**
 * `copyTransaction` (PostgreSQL) lets new readings be loaded with binary COPY inside the flush's
 * transaction; without it (PGlite) they are inserted from arrays.
 */
export function createIngester(db: Db, copyTransaction?: CopyTransaction): Ingester {
  const transaction: CopyTransaction =
    copyTransaction ?? ((run) => db.transaction().execute((trx) => run(trx, undefined)));
  const stations = new Map<string, { at: number; record: repo.StationRecord | null }>();
  const queue: Job[] = [];
  let flushing: Promise<void> | null = null;

  async function resolveStations(codes: string[]): Promise<Map<string, repo.StationRecord | null>> {
    const now = Date.now();
    const out = new Map<string, repo.StationRecord | null>();
    const missing: string[] = [];
    for (const code of codes) {
      const hit = stations.get(code);
      if (hit && now - hit.at < STATION_CACHE_MS) out.set(code, hit.record);
      else missing.push(code);
    }
    if (missing.length) {
      const found = await repo.stationsByCode(
        db,
        missing.filter((c) => c.length <= 40),
      );
      const byCode = new Map(found.map((s) => [s.code, s]));
      for (const code of missing) {
        const record = byCode.get(code) ?? null;
        stations.set(code, { at: now, record });
        out.set(code, record);
      }
    }
    return out;
  }

  function check(
    r: Reading,
    station: repo.StationRecord | null | undefined,
    submission: Submission,
  ): Row | Refusal {
    const at = (reason: Refusal["reason"], detail: Localized): Refusal => ({
      stationCode: r.station,
      reason,
      detail,
      where: r.where,
      excerpt: `${r.parameter}=${r.value}${r.unit ? ` ${r.unit}` : ""} @ ${new Date(r.time).toISOString()}`,
    });
    if (!station)
      return at("station.unknown", { vi: `Không có trạm "${r.station}".`, en: `No station "${r.station}".` });
    if (submission.permits && !submission.permits(station)) {
      return at("station.not_permitted", {
        vi: `Bạn không được gửi số liệu cho trạm "${r.station}".`,
        en: `You may not send readings for station "${r.station}".`,
      });
    }
    if (station.status !== "active") {
      return at("station.inactive", {
        vi: `Trạm "${r.station}" đã ngừng hoạt động.`,
        en: `Station "${r.station}" is inactive.`,
      });
    }
    const stream = station.datastreams.get(r.parameter);
    if (!stream) {
      const known = [...station.datastreams.keys()].join(", ");
      return at("parameter.unknown", {
        vi: `Trạm "${r.station}" không đo "${r.parameter}". Có: ${known}.`,
        en: `Station "${r.station}" does not measure "${r.parameter}". It measures: ${known}.`,
      });
    }
    const factor = unitFactor(r.unit, stream.unit);
    if (factor === null) {
      return at("unit.mismatch", {
        vi: `Đơn vị "${r.unit}" không đổi được sang "${stream.unit}" của ${r.parameter}.`,
        en: `Unit "${r.unit}" does not convert to ${r.parameter}'s "${stream.unit}".`,
      });
    }
    const value = r.value * factor;
    const info = parameterInfo(r.parameter);
    // No sensor reports beyond ±10¹²; larger values would overflow the hourly sums for everyone.
    const min = info?.min ?? -MAX_VALUE;
    const max = info?.max ?? MAX_VALUE;
    if (!Number.isFinite(value) || value < min || value > max) {
      return at("value.impossible", {
        vi: `${r.parameter} = ${value} ${stream.unit} nằm ngoài khoảng có thể (${min}–${max}).`,
        en: `${r.parameter} = ${value} ${stream.unit} is outside the possible range (${min}–${max}).`,
      });
    }
    return { ds: stream.id, station, time: r.time, value, status: r.status };
  }

  async function ingest(submission: Submission): Promise<IngestResult> {
    const { readings, refusals } = submission.parsed;
    const codes = [...readings.map((r) => r.station), ...refusals.map((f) => f.stationCode ?? "")];
    const known = await resolveStations([...new Set(codes.filter(Boolean))]);
    const rows: Row[] = [];
    // A refusal is kept against a station only when the sender may send for it: nobody can write
    // into another company's rejection log.
    const mayKeep = (f: Refusal) => {
      const station = f.stationCode ? known.get(f.stationCode) : null;
      return !submission.permits || (station ? submission.permits(station) : false);
    };
    const all = [...refusals];
    for (const r of readings) {
      const checked = check(r, known.get(r.station), submission);
      if ("reason" in checked) all.push(checked);
      else rows.push(checked);
    }
    return new Promise<IngestResult>((resolve, reject) => {
      queue.push({
        rows,
        refusals: all,
        kept: all.filter(mayKeep),
        channel: submission.channel,
        received: readings.length + refusals.length,
        resolve,
        reject,
      });
      flushing ??= flushLoop();
    });
  }

  async function flushLoop(): Promise<void> {
    try {
      while (queue.length) {
        const jobs = queue.splice(0, queue.length);
        try {
          const stored = await write(jobs);
          // The map shows air stations only: readings elsewhere leave its kept answer alone.
          const airMoved = jobs.some(
            (job, i) => (stored[i] ?? 0) > 0 && job.rows.some((r) => r.station.kind === "ambient_air"),
          );
          if (airMoved) mapChanged();
          jobs.forEach((job, i) => {
            const n = stored[i] ?? 0;
            job.resolve({
              received: job.received,
              stored: n,
              duplicates: job.rows.length - n,
              rejected: job.refusals.length,
              refusals: job.refusals.slice(0, REFUSALS_SHOWN).map((f) => ({
                where: f.where,
                station: f.stationCode,
                reason: f.reason,
                message: f.detail,
              })),
            });
          });
        } catch (error) {
          for (const job of jobs) job.reject(error);
        }
      }
    } finally {
      flushing = null;
    }
  }

  /** One transaction for every queued job; returns how many readings of each job were new. */
  async function write(jobs: Job[]): Promise<number[]> {
    // Columns for the database, and each station's latest reading, in one pass.
    const columns: observations.ReadingColumns = { ds: [], times: [], values: [], statuses: [], jobs: [] };
    const byStation = new Map<number, { station: repo.StationRecord; latest: number }>();
    jobs.forEach((job, j) => {
      for (const r of job.rows) {
        columns.ds.push(r.ds);
        columns.times.push(r.time);
        columns.values.push(r.value);
        columns.statuses.push(r.status);
        columns.jobs.push(j);
        const seen = byStation.get(r.station.id);
        if (!seen) byStation.set(r.station.id, { station: r.station, latest: r.time });
        else {
          // A later job may carry the station re-read after a change (a parameter added): keep that.
          seen.station = r.station;
          if (r.time > seen.latest) seen.latest = r.time;
        }
      }
    });
    return transaction(async (trx, copyIn) => {
      await repo.insertRejections(trx, jobs.flatMap(rejectionRows));
      if (columns.ds.length === 0) return jobs.map(() => 0);
      const { touched, storedByJob } = await observations.storeReadings(trx, columns, copyIn);
      const seen = await repo.markStationsSeen(
        trx,
        [...byStation.keys()],
        [...byStation.values()].map((s) => new Date(s.latest).toISOString()),
      );
      const lastReading = new Map([...seen].map(([id, s]) => [id, s.now]));
      // Periods that closed because time moved on are judged too, not only the hours written now.
      const closed = closedHours(byStation, seen);
      const periods = new Map(
        [...touched, ...closed].map((t) => [`${t.datastream_id}:${t.hour.getTime()}`, t]),
      );
      if (periods.size) {
        const stations = [...byStation.values()].map((s) => s.station);
        await derive(trx, [...periods.values()], stations, lastReading);
      }
      return jobs.map((_, j) => storedByJob.get(j) ?? 0);
    });
  }

  /** Means, exceedances, cases and the AQI of what the flush touched. */
  async function derive(
    trx: Db,
    touched: observations.Touched[],
    stationsSeen: readonly repo.StationRecord[],
    lastReading: Map<number, Date>,
  ): Promise<void> {
    // Every datastream of the stations written to: closed periods may be on streams not in the batch.
    const streams = new Map<number, { station: repo.StationRecord; parameter: string }>();
    for (const station of stationsSeen) {
      for (const [parameter, s] of station.datastreams) streams.set(s.id, { station, parameter });
    }
    const eightHour = new Set<number>();
    const day = new Set<number>();
    for (const [id, s] of streams) {
      if (s.station.kind !== "ambient_air") continue;
      if (s.parameter === "CO" || s.parameter === "O3") eightHour.add(id);
      if (s.parameter !== "Temp" && s.parameter !== "RH") day.add(id);
    }
    await repo.refreshMeans(trx, touched, eightHour, day);
    const values = await repo.periodValues(trx, touched, new Set([...eightHour, ...day]));
    const judged = await judgePeriods(trx, values, streams, lastReading);
    await repo.clearExceedances(trx, judged.within);
    const fresh = await repo.upsertExceedances(trx, judged.exceeded);
    if (fresh.length) await openOrExtendCases(trx, fresh, streams);
    const hoursByStation = new Map<number, Date[]>();
    for (const t of touched) {
      const station = streams.get(t.datastream_id)?.station;
      if (station?.kind !== "ambient_air") continue;
      const list = hoursByStation.get(station.id) ?? [];
      if (!list.some((h) => h.getTime() === t.hour.getTime())) list.push(t.hour);
      hoursByStation.set(station.id, list);
    }
    if (hoursByStation.size)
      await repo.upsertAqi(trx, await stationAqiRows(trx, hoursByStation, lastReading));
  }

  return {
    ingest,
    drain: async () => {
      while (flushing) await flushing;
    },
    forgetStations: () => stations.clear(),
  };
}

/**
 * The refusals kept for the station's owner. A caller sending for a station outside its scope is
 * told so in its answer; that is not the station's fault and is not kept against it.
 */
const HOUR = 3600_000;
/** Hours back at most that a station's advance re-judges (after a long silence, the last two days). */
const CATCH_UP_HOURS = 48;

/**
 * For each station whose last reading moved from `before` to `now`, the hours of each of its
 * datastreams that ended in between: their hourly means, and the 8 h / 24 h windows ending with
 * them, are complete only now.
 */
function closedHours(
  byStation: Map<number, { station: repo.StationRecord; latest: number }>,
  seen: Map<number, { now: Date; before: Date | null }>,
): observations.Touched[] {
  const out: observations.Touched[] = [];
  for (const [id, { station }] of byStation) {
    const s = seen.get(id);
    if (!s) continue;
    const now = s.now.getTime();
    const before = Math.max(s.before?.getTime() ?? now - CATCH_UP_HOURS * HOUR, now - CATCH_UP_HOURS * HOUR);
    // Hours h with before < h + 1 h <= now.
    for (let end = Math.floor(before / HOUR) * HOUR + HOUR; end <= now; end += HOUR) {
      if (end <= before) continue;
      for (const stream of station.datastreams.values())
        out.push({ datastream_id: stream.id, hour: new Date(end - HOUR) });
    }
  }
  return out;
}

function rejectionRows(job: Job): repo.RejectionRow[] {
  const kept = job.kept.filter((f) => f.reason !== "station.not_permitted");
  const rows: repo.RejectionRow[] = kept.slice(0, REJECTIONS_STORED).map((f) => ({
    station_code: storable(f.stationCode),
    channel: job.channel,
    reason: f.reason,
    detail: storable(`${f.where}: ${f.detail.vi} / ${f.detail.en}`.slice(0, 1000)) as string,
    excerpt: storable(f.excerpt),
  }));
  const more = kept.length - REJECTIONS_STORED;
  if (more > 0) {
    const first = kept[REJECTIONS_STORED] as Refusal;
    rows.push({
      station_code: storable(first.stationCode),
      channel: job.channel,
      reason: first.reason,
      detail: `… và ${more} kết quả đo khác bị từ chối trong cùng lần gửi / … and ${more} more readings refused in the same submission`,
      excerpt: null,
    });
  }
  return rows;
}
