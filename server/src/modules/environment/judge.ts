/**
 * Judging averaged values against the station's permit (limit table, column, coefficients).
 * A period is judged once the station has reported past its end; late readings re-judge it.
 * An hourly mean needs at least half the readings the station's interval promises.
 */
import type { Db } from "../../db/database.ts";
import type { ExceedanceRow, PeriodValue, StationRecord } from "./ingest.repository.ts";
import { limitSetOf } from "./limit-tables.ts";
import { factorOf, findLimit, verdict } from "./limits.ts";
import { unitFactor } from "./parameters.ts";

export interface Judged {
  exceeded: ExceedanceRow[];
  within: Array<{ datastream_id: number; averaging: string; period_end: string }>;
}

const HOUR = 3600_000;

/** The Vietnam-time date (yyyy-mm-dd) a period ending at `end` belongs to. */
export function vnDateOfPeriod(end: Date): string {
  return new Date(end.getTime() - 1 + 7 * HOUR).toISOString().slice(0, 10);
}

export async function judgePeriods(
  db: Db,
  values: readonly PeriodValue[],
  streams: ReadonlyMap<number, { station: StationRecord; parameter: string }>,
  lastReading: ReadonlyMap<number, Date>,
): Promise<Judged> {
  const out: Judged = { exceeded: [], within: [] };
  const limits = new Map<
    string,
    { set: Awaited<ReturnType<typeof limitSetOf>>; row: ReturnType<typeof findLimit>; unit: number | null }
  >();
  const days = new Map<number, string>();
  for (const v of values) {
    const stream = streams.get(v.datastream_id);
    const station = stream?.station;
    if (!stream || !station?.limitTable) continue;
    const last = lastReading.get(station.id);
    if (!last || v.period_end.getTime() > last.getTime()) continue;
    if (v.averaging === "1h" && v.n < Math.ceil(3600 / station.intervalSeconds / 2)) continue;
    // One lookup per table, parameter, period, column, day and unit: a batch holds thousands of values.
    const end = v.period_end.getTime();
    let on = days.get(end);
    if (on === undefined) {
      on = vnDateOfPeriod(v.period_end);
      days.set(end, on);
    }
    const streamUnit = station.datastreams.get(stream.parameter)?.unit;
    const lookup = `${station.limitTable}|${stream.parameter}|${v.averaging}|${station.limitColumn}|${on}|${streamUnit}`;
    let found = limits.get(lookup);
    if (!found) {
      const set = await limitSetOf(db, station.limitTable);
      const row = findLimit(set.rows, {
        parameter: stream.parameter,
        averaging: v.averaging,
        column: set.kind === "ambient" ? "-" : (station.limitColumn ?? "B"),
        on,
      });
      const unit = row ? unitFactor(streamUnit, row.unit) : null;
      found = { set, row, unit };
      limits.set(lookup, found);
    }
    const { set, row, unit } = found;
    if (!row || unit === null) continue;
    const judged = verdict(row, v.value * unit, factorOf(set.kind, station.coefficients));
    const key = {
      datastream_id: v.datastream_id,
      averaging: v.averaging,
      period_end: v.period_end.toISOString(),
    };
    if (!judged.exceeded) {
      out.within.push(key);
      continue;
    }
    const cmax = judged.cmax;
    const bound = typeof cmax === "number" ? cmax : v.value * unit < cmax.min ? cmax.min : cmax.max;
    out.exceeded.push({
      ...key,
      value: v.value,
      // In the stream's unit, like the value (the table may be in µg/m³ and the station in mg/m³).
      limit_value: bound / unit,
      ratio: judged.ratio,
      limit_table: set.code,
      verified: judged.verified,
    });
  }
  return out;
}
