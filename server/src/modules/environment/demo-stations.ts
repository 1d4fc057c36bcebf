/**
 * The demo's monitoring network: around each of a few demo zones, an ambient-air station, the zone
 * treatment plant's wastewater outlet and a factory stack, all flagged synthetic, with a few days of
 * history written through the ingester (so means, indices, exceedances and cases are real).
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import type { Ingester } from "./ingest.service.ts";
import { vnDateOfPeriod } from "./judge.ts";
import { limitSetOf } from "./limit-tables.ts";
import { factorOf, findLimit } from "./limits.ts";
import type { Coefficients, StationKind } from "./monitoring.table.ts";
import { parameterInfo } from "./parameters.ts";
import { type SimulatedStation, simulatedReadings, TYPICAL } from "./simulation.ts";
import { mapChanged } from "./station-data.service.ts";
import * as stationsRepo from "./stations.repository.ts";
import { createStation } from "./stations.service.ts";

const ZONES = 6;
const PERMITS: Record<
  StationKind,
  { table: string; column: string | null; coefficients: Coefficients; averaging: string }
> = {
  ambient_air: { table: "QCVN05:2023", column: null, coefficients: {}, averaging: "24h" },
  wastewater: { table: "QCVN40:2011", column: "B", coefficients: { Kq: 0.9, Kf: 0.9 }, averaging: "1h" },
  stack_emission: { table: "QCVN19:2009", column: "B", coefficients: { Kp: 0.9, Kv: 1.0 }, averaging: "1h" },
};

async function demoPlaces(db: Db) {
  const { rows } = await sql<{
    code: string;
    name_vi: string;
    lon: number;
    lat: number;
    tax_code: string | null;
    enterprise: string | null;
  }>`
    select z.code, z.name_vi, z.lon, z.lat, e.tax_code, e.name_vi as enterprise
    from zone z
    left join lateral (select tax_code, name_vi from enterprise where zone_code = z.code order by tax_code limit 1) e on true
    where z.kind = 'kcn' and z.lon is not null
    order by (z.parent_code = 'KKT-DVCH') desc nulls last, z.code
    limit ${ZONES}`.execute(db);
  return rows;
}

/** A synthetic station as the simulator needs it, with when it last reported and its secret's hash. */
export type DemoStation = SimulatedStation & { lastReadingAt: number; secretHash: string | null };

/** The synthetic stations as the simulator needs them: streams, typical levels and limits. */
export async function demoNetwork(db: Db): Promise<DemoStation[]> {
  const stations = await stationsRepo.syntheticStreams(db);
  const out = new Map<string, DemoStation>();
  const today = vnDateOfPeriod(new Date());
  for (const r of stations) {
    const station = out.get(r.code) ?? {
      code: r.code,
      kind: r.kind,
      intervalSeconds: r.interval_seconds,
      streams: [],
      lastReadingAt: r.last_reading_at ? new Date(r.last_reading_at).getTime() : 0,
      secretHash: r.mqtt_secret_hash,
    };
    out.set(r.code, station);
    let limit: number | null = null;
    if (r.limit_table) {
      const set = await limitSetOf(db, r.limit_table);
      const row = findLimit(set.rows, {
        parameter: r.parameter,
        averaging: PERMITS[r.kind].averaging,
        column: set.kind === "ambient" ? "-" : (r.limit_column ?? "B"),
        on: today,
      });
      if (row?.max !== null && row?.max !== undefined && row.min === null) {
        limit = row.max * (row.coefficientsApply ? factorOf(set.kind, r.coefficients) : 1);
      }
    }
    station.streams.push({
      parameter: r.parameter,
      unit: r.unit,
      base: TYPICAL[r.kind][r.parameter] ?? 1,
      limit,
    });
  }
  return [...out.values()];
}

export interface DemoStationsOptions {
  seed: number;
  days: number;
  now?: number;
  onProgress?: (step: string) => void;
}

/** Creates the demo network and its history once; returns how many stations and readings it wrote. */
export async function seedDemoStations(
  db: Db,
  ingester: Ingester,
  options: DemoStationsOptions,
): Promise<{ stations: number; readings: number } | null> {
  if (await stationsRepo.hasSyntheticStation(db)) return null;
  const places = await demoPlaces(db);
  if (places.length === 0) return null;
  for (const [i, p] of places.entries()) {
    const short = p.code.replace(/^KCN-/, "").slice(0, 20);
    const make = async (
      kind: StationKind,
      prefix: string,
      name: string,
      dx: number,
      owner: string | null,
    ) => {
      const permit = PERMITS[kind];
      await createStation(
        db,
        SYSTEM_ACTOR,
        {
          code: `${prefix}-${short}`,
          name_vi: `${name} ${p.name_vi}`,
          name_en: null,
          kind,
          zone_code: p.code,
          enterprise_tax_code: owner,
          location: { lon: p.lon + dx, lat: p.lat + 0.003 * (i % 2 ? 1 : -1) },
          limit_table: permit.table,
          limit_column: permit.column,
          coefficients: permit.coefficients,
          interval_seconds: 300,
          parameters: Object.keys(TYPICAL[kind]).map((parameter) => ({
            parameter,
            unit: parameterInfo(parameter)?.unit[kind],
          })),
        },
        { synthetic: true },
      );
    };
    await make("ambient_air", "KK", "Trạm không khí", 0.006, null);
    await make("wastewater", "NT", "Nước thải tập trung", -0.005, null);
    if (p.tax_code) await make("stack_emission", "KT", `Ống khói ${p.enterprise ?? ""} —`, 0.002, p.tax_code);
  }
  ingester.forgetStations();
  mapChanged();
  const network = await demoNetwork(db);
  const now = options.now ?? Date.now();
  const from = now - options.days * 24 * 3600_000;
  let readings = 0;
  // A day at a time, so the log shows progress and each batch stays moderate.
  for (let day = from; day < now; day += 24 * 3600_000) {
    const end = Math.min(now, day + 24 * 3600_000);
    for (const station of network) {
      const batch = simulatedReadings(options.seed, station, day, end).map((r) => ({
        ...r,
        station: station.code,
      }));
      const result = await ingester.ingest({
        parsed: { readings: batch.map(toReading), refusals: [] },
        channel: "http",
      });
      readings += result.stored;
    }
    options.onProgress?.(
      `stations ${network.length}: ${new Date(end).toISOString().slice(0, 10)} (${readings} readings)`,
    );
  }
  return { stations: network.length, readings };
}

const toReading = (r: { station: string; parameter: string; value: number; unit: string; time: string }) => ({
  station: r.station,
  parameter: r.parameter,
  value: r.value,
  unit: r.unit,
  time: Date.parse(r.time),
  status: 0,
  where: "demo",
});
