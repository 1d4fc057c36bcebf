/**
 * Synthetic station readings (pure, deterministic from a seed): a daily cycle, noise, gaps of about
 * 2 % and, now and then, an episode of a few hours above the permit's limit. The same seed, station
 * and time always give the same value, so the demo's back-filled history and its live stream agree.
 */
import type { StationKind } from "./monitoring.table.ts";

export interface SimulatedStream {
  parameter: string;
  unit: string;
  /** A typical level, and the limit an episode pushes past. */
  base: number;
  limit: number | null;
}

export interface SimulatedStation {
  code: string;
  kind: StationKind;
  intervalSeconds: number;
  streams: SimulatedStream[];
}

export interface SimulatedReading {
  parameter: string;
  value: number;
  unit: string;
  time: string;
  status: string;
}

/** Typical levels by kind and parameter (µg/m³ for air, mg/L for water, mg/Nm³ for stacks). */
export const TYPICAL: Record<StationKind, Record<string, number>> = {
  ambient_air: { "PM2.5": 32, PM10: 58, SO2: 22, NO2: 35, CO: 1100, O3: 55 },
  wastewater: { COD: 62, TSS: 35, NH4: 4.2, pH: 7.2, Temp: 29, Flow: 180 },
  stack_emission: { PM: 45, SO2: 180, NOx: 240, CO: 120, O2: 9.5, Temp: 140, Flow: 42_000 },
};

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

const HOUR = 3600_000;
const VN = 7 * HOUR;

/** Whether the station is in an exceedance episode at this hour: about one 3-hour episode a week. */
function inEpisode(seed: number, code: string, parameter: string, t: number): boolean {
  const block = Math.floor((t + VN) / (6 * HOUR));
  return hash(`${seed}|ep|${code}|${parameter}|${block}`) < 0.028 && ((t + VN) / HOUR) % 6 < 3;
}

export function simulatedValue(
  seed: number,
  station: SimulatedStation,
  stream: SimulatedStream,
  t: number,
): number | null {
  const slot = Math.floor(t / 1000 / station.intervalSeconds);
  if (hash(`${seed}|gap|${station.code}|${slot}`) < 0.02) return null;
  const hourOfDay = ((t + VN) / HOUR) % 24;
  // Traffic and shifts: air peaks in the morning and evening; water and stacks follow the working day.
  const cycle =
    station.kind === "ambient_air"
      ? 1 +
        0.3 * Math.cos(((hourOfDay - 8) / 24) * 2 * Math.PI) +
        0.15 * Math.cos(((hourOfDay - 19) / 12) * 2 * Math.PI)
      : 1 + 0.2 * Math.sin(((hourOfDay - 7) / 24) * 2 * Math.PI);
  const noise = 1 + 0.12 * (hash(`${seed}|n|${station.code}|${stream.parameter}|${slot}`) * 2 - 1);
  if (stream.parameter === "pH") return round(7.2 + 0.4 * (hash(`${seed}|ph|${station.code}|${slot}`) - 0.5));
  if (stream.parameter === "O2" || stream.parameter === "Temp")
    return round(stream.base * (1 + 0.05 * (noise - 1)));
  let value = stream.base * cycle * noise;
  if (stream.limit !== null && inEpisode(seed, station.code, stream.parameter, t)) {
    value = stream.limit * (1.25 + 0.3 * hash(`${seed}|peak|${station.code}|${slot}`));
  }
  return round(value);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The readings of every slot in [from, to) for a station. */
export function simulatedReadings(
  seed: number,
  station: SimulatedStation,
  from: number,
  to: number,
): SimulatedReading[] {
  const step = station.intervalSeconds * 1000;
  const out: SimulatedReading[] = [];
  for (let t = Math.ceil(from / step) * step; t < to; t += step) {
    const time = new Date(t).toISOString();
    for (const stream of station.streams) {
      const value = simulatedValue(seed, station, stream, t);
      if (value !== null)
        out.push({ parameter: stream.parameter, value, unit: stream.unit, time, status: "00" });
    }
  }
  return out;
}
