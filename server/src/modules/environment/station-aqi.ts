/**
 * Each ambient station's hourly VN_AQI, recomputed for the hours a flush touched and the eleven
 * after them (their NowCast looks back twelve hours), up to the station's latest hour.
 */
import type { Db } from "../../db/database.ts";
import { hourlyAqi } from "./aqi.ts";
import { type AqiRow, hourlyMeans } from "./ingest.repository.ts";

const HOUR = 3600_000;

export async function stationAqiRows(
  db: Db,
  hoursByStation: ReadonlyMap<number, readonly Date[]>,
  lastReading: ReadonlyMap<number, Date>,
): Promise<AqiRow[]> {
  const targets = new Map<number, number[]>();
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [station, hours] of hoursByStation) {
    const last = lastReading.get(station);
    if (!last || hours.length === 0) continue;
    const latestHour = Math.floor(last.getTime() / HOUR) * HOUR;
    const set = new Set<number>();
    for (const h of hours) {
      for (let k = 0; k < 12; k++) {
        const t = h.getTime() + k * HOUR;
        if (t <= latestHour) set.add(t);
      }
    }
    const list = [...set];
    if (list.length === 0) continue;
    targets.set(station, list);
    from = Math.min(from, ...list);
    to = Math.max(to, ...list);
  }
  if (targets.size === 0) return [];
  const means = await hourlyMeans(db, [...targets.keys()], new Date(from - 11 * HOUR), new Date(to));
  const series = new Map<string, number>();
  for (const m of means) series.set(`${m.station_id}|${m.parameter}|${m.hour.getTime()}`, m.value);
  const at = (s: number, p: string, t: number) => series.get(`${s}|${p}|${t}`);
  const rows: AqiRow[] = [];
  for (const [station, hours] of targets) {
    for (const t of hours) {
      const pm = (p: string) =>
        at(station, p, t) === undefined && at(station, p, t - HOUR) === undefined
          ? undefined
          : Array.from({ length: 12 }, (_, k) => at(station, p, t - k * HOUR) ?? null);
      const input = {
        O3: at(station, "O3", t),
        CO: at(station, "CO", t),
        SO2: at(station, "SO2", t),
        NO2: at(station, "NO2", t),
        PM10: pm("PM10"),
        "PM2.5": pm("PM2.5"),
      };
      try {
        const result = hourlyAqi(input);
        rows.push({
          station_id: station,
          hour: new Date(t).toISOString(),
          aqi: result.aqi,
          dominant: result.dominant,
          sub_indices: result.subIndices,
        });
      } catch {
        // No PM10 or PM2.5 this hour (or too few hours for a NowCast): no index, as the decision says.
      }
    }
  }
  return rows;
}
