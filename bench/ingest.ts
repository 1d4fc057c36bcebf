/**
 * `npm run bench:ingest`: environmental ingestion on PostgreSQL, end to end with hourly sums,
 * means, limit checks and cases on: HTTP bulk (JSON, 100.000 readings per request), MQTT through
 * the local Mosquitto (MQTT 5 shared subscription over the server's default connections, PUBACK after commit), and raw
 * COPY into the same table in the same run as the ceiling. Writes its section of bench/RESULTS.md.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import mqtt from "mqtt";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import pino from "pino";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import { SYSTEM_ACTOR } from "../server/src/modules/audit/audit.service.ts";
import { createIngester } from "../server/src/modules/environment/ingest.service.ts";
import { startMqttIngestion } from "../server/src/modules/environment/mqtt-ingest.ts";
import { createStation } from "../server/src/modules/environment/stations.service.ts";
import { createToken } from "../server/src/modules/identity/tokens.service.ts";
import { createUser } from "../server/src/modules/identity/users.service.ts";
import { freshDatabase } from "./databases.ts";
import { describeMachine } from "./machine.ts";
import { writeResultsSection } from "./results-section.ts";

const MOSQUITTO = process.env.MQTT_TEST_URL ?? "mqtt://127.0.0.1:1883";
const PARAMS = ["COD", "TSS", "NH4", "pH", "Temp", "Flow", "TN", "TP", "BOD5", "Color"];
const STATIONS = 20;
const HOUR = 3600_000;
const log = (m: string) => console.error(`[bench:ingest ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Typical treated-effluent levels, well inside QCVN 40:2011 column B (Kq 0,9). */
const TYPICAL: Record<string, number> = {
  COD: 60,
  TSS: 40,
  NH4: 4,
  pH: 7.1,
  Temp: 30,
  Flow: 500,
  TN: 20,
  TP: 2,
  BOD5: 25,
  Color: 50,
};

/**
 * n readings spread over the stations and parameters, one per 5 minutes, from `start`: typical
 * levels with ±20 % noise, and station 00's COD at 170 mg/L (over its 135) for 3 hours in every 100,
 * so that exceedances, episodes and cases are part of the load.
 */
function readings(n: number, start: number) {
  return Array.from({ length: n }, (_, i) => {
    const slot = Math.floor(i / (STATIONS * PARAMS.length));
    const k = i % (STATIONS * PARAMS.length);
    const parameter = PARAMS[k % PARAMS.length] as string;
    const station = Math.floor(k / PARAMS.length);
    const noise = 0.8 + 0.4 * (((i * 7919) % 1000) / 1000);
    const exceeding = station === 0 && parameter === "COD" && Math.floor(slot / 12) % 100 < 3;
    return {
      station: `NT-BENCH-${String(station).padStart(2, "0")}`,
      parameter,
      value: exceeding
        ? 170
        : parameter === "pH"
          ? 7.1
          : Math.round((TYPICAL[parameter] as number) * noise * 10) / 10,
      time: new Date(start + slot * 300_000).toISOString(),
    };
  });
}

async function main(): Promise<void> {
  const bench = await freshDatabase("postgres");
  const db = bench.handle.db;
  const results: Array<[string, number, number, string]> = [];
  try {
    for (let s = 0; s < STATIONS; s++) {
      await createStation(db, SYSTEM_ACTOR, {
        code: `NT-BENCH-${String(s).padStart(2, "0")}`,
        name_vi: `Trạm đo tải ${s}`,
        kind: "wastewater",
        limit_table: "QCVN40:2011",
        limit_column: "B",
        coefficients: { Kq: 0.9, Kf: 1 },
        interval_seconds: 300,
        parameters: PARAMS.map((parameter) => ({ parameter })),
      });
    }
    const config = loadConfig({
      LOG_LEVEL: "silent",
      DATA_DIR: "memory://",
      RATE_LIMIT_PER_MINUTE: "0",
      PASSWORD_HASH_COST: "10",
    });
    const ingester = createIngester(db, bench.handle.copyTransaction);
    const app = await buildApp({ db, dbKind: "postgres", config, ingester }, { logger: false });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const user = await createUser(db, config, SYSTEM_ACTOR, {
      username: "bench-ingest",
      display_name: "Bench",
      role: "environment_inspector",
      email: null,
      zone_codes: [],
      tax_codes: [],
      password: "do-tai-Hai-Phong-2026-quan-trac",
      must_change_password: false,
    });
    const token = await createToken(db, SYSTEM_ACTOR, user, {
      name: "bench",
      permissions: ["observation.ingest"],
      expires_in_days: 1,
    });

    // HTTP bulk: one request of 100.000 readings to warm up; then 4 more one after the other (what
    // one sender sees), and 8 more with 2 in flight (the server's sustained rate: one request is
    // received and checked while the other is written).
    const base = Date.parse("2026-01-01T00:00:00+07:00");
    const post = async (body: string) => {
      const res = await fetch(`${address}/api/v1/environment/observations`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token.token}` },
        body,
      });
      const answer = (await res.json()) as { stored: number };
      if (answer.stored !== 100_000) throw new Error(`HTTP bulk stored ${answer.stored}`);
      return answer.stored;
    };
    await post(JSON.stringify(readings(100_000, base)));
    const bodies = Array.from({ length: 12 }, (_, r) =>
      JSON.stringify(readings(100_000, base + (r + 1) * 3 * 24 * HOUR)),
    );
    let started = performance.now();
    let sequential = 0;
    for (const body of bodies.slice(0, 4)) sequential += await post(body);
    const sequentialMs = performance.now() - started;
    log(`HTTP bulk, one at a time: ${sequential} readings in ${Math.round(sequentialMs)} ms`);
    results.push(["HTTP bulk (JSON, 100.000 per request), one at a time", sequential, sequentialMs, "—"]);
    const queued = bodies.slice(4);
    started = performance.now();
    const sent = await Promise.all(
      [0, 1].map(async () => {
        let n = 0;
        for (let body = queued.shift(); body; body = queued.shift()) n += await post(body);
        return n;
      }),
    );
    const concurrentMs = performance.now() - started;
    const concurrent = sent.reduce((a, b) => a + b, 0);
    log(`HTTP bulk, 2 in flight: ${concurrent} readings in ${Math.round(concurrentMs)} ms`);
    results.push([
      "HTTP bulk (JSON, 100.000 per request), 2 in flight",
      concurrent,
      concurrentMs,
      "≥ 200.000/s; ≥ 50 % of COPY",
    ]);

    // MQTT: 200.000 readings in messages of 1.000 through Mosquitto, until all are stored.
    const group = `bench-${Date.now()}`;
    const ingestion = await startMqttIngestion(
      db,
      ingester,
      {
        url: MOSQUITTO,
        port: 0,
        host: "127.0.0.1",
        shareGroup: group,
        clientId: group,
        connections: config.mqtt.connections,
      },
      pino({ level: "silent" }),
    );
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from env_observation`.execute(db)).rows[0]?.n);
    const before = await count();
    const publisher = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0 });
    const all = readings(200_000, base + 210 * 24 * HOUR);
    // One message per station and 20 slots (200 readings); at most 200 messages in flight, so the
    // broker's per-session queue (Mosquitto: max_queued_messages, 1.000 by default) never overflows.
    const messages: Array<[string, string]> = [];
    const byStation = new Map<string, typeof all>();
    for (const r of all) {
      const list = byStation.get(r.station) ?? [];
      list.push(r);
      if (list.length === 200) {
        messages.push([`hpi/v1/stations/${r.station}/readings`, JSON.stringify({ readings: list })]);
        byStation.set(r.station, []);
      } else byStation.set(r.station, list);
    }
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (next < messages.length) {
          const [topic, payload] = messages[next++] as [string, string];
          await publisher.publishAsync(topic, payload, { qos: 1 });
        }
      }),
    );
    const deadline = Date.now() + 300_000;
    while ((await count()) < before + all.length) {
      if (Date.now() > deadline)
        throw new Error(`MQTT: only ${(await count()) - before} of ${all.length} stored`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const mqttMs = performance.now() - t0;
    results.push([
      `MQTT via Mosquitto (shared subscription, ${config.mqtt.connections} connections)`,
      all.length,
      mqttMs,
      "≥ 50.000/s",
    ]);
    log(`MQTT: ${all.length} readings in ${Math.round(mqttMs)} ms`);
    await publisher.endAsync();
    await ingestion.close();
    await app.close();

    // COPY into the same table: the ceiling.
    const { rows: ds } = await sql<{ id: number }>`select id from env_datastream order by id`.execute(db);
    const client = new pg.Client({ connectionString: bench.url as string });
    await client.connect();
    // Three loads of 100.000 rows; the fastest is the ceiling (the machine's noise only lowers it).
    const copyRows = 100_000;
    let copyMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const start = base + (300 + run * 7) * 24 * HOUR;
      // Chunks of 10.000 lines, so the feeding side is not what is measured.
      const lines = function* () {
        for (let from = 0; from < copyRows; from += 10_000) {
          let chunk = "";
          for (let i = from; i < Math.min(copyRows, from + 10_000); i++) {
            const d = ds[i % ds.length]?.id;
            const t = new Date(start + Math.floor(i / ds.length) * 300_000).toISOString();
            chunk += `${d}\t${t}\t${40 + (i % 97)}\t0\n`;
          }
          yield chunk;
        }
      };
      const c0 = performance.now();
      await pipeline(
        Readable.from(lines()),
        client.query(
          copyFrom("copy env_observation (datastream_id, phenomenon_time, result, status) from stdin"),
        ),
      );
      copyMs = Math.min(copyMs, performance.now() - c0);
    }
    await client.end();
    results.push([
      "COPY into env_observation (no sums, no checks; fastest of 3)",
      copyRows,
      copyMs,
      "ceiling",
    ]);
    log(`COPY: ${copyRows} rows in ${Math.round(copyMs)} ms`);
  } finally {
    await bench.dispose();
  }
  const machine = await describeMachine();
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
  const copy = results.find((r) => r[3] === "ceiling") as [string, number, number, string];
  const copyRate = rate(copy[1], copy[2]);
  const lines = results.map(([what, n, ms, target]) => {
    const r = rate(n, ms);
    const share = r / copyRate;
    const rateMet = r >= Number(target.replace(/;.*/, "").replace(/\D/g, ""));
    const met =
      target === "ceiling" || target === "—"
        ? "—"
        : target.includes("COPY")
          ? `rate ${rateMet ? "met" : "**not met**"}; half of COPY ${share >= 0.5 ? "met" : "**not met**"}`
          : rateMet
            ? "met"
            : "**not met**";
    const seconds = (ms / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 2 });
    return `| ${what} | ${n.toLocaleString("vi-VN")} | ${seconds} s | ${r.toLocaleString("vi-VN")}/s | ${(share * 100).toFixed(0)} % | ${target} | ${met} |`;
  });
  const section = `## Environmental ingestion (PostgreSQL)

\`npm run bench:ingest\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine.cores} cores, ${machine.cpu}, Node.js ${machine.node}.
${STATIONS} wastewater stations × ${PARAMS.length} parameters at typical levels, one station's COD over its limit 3 hours in 100; QCVN 40:2011 checks on; hourly sums, limit checks and cases in the same transaction as the readings, acknowledged after the commit.
HTTP: one warm-up request, then 4 of 100.000 readings one after the other, then 8 more with 2 in flight (the target applies to the sustained rate). MQTT: messages of 200 readings, at most 200 in flight, until all are stored.

| path | readings | time | rate | of COPY | target | |
| --- | ---: | ---: | ---: | ---: | --- | --- |
${lines.join("\n")}
`;
  await writeResultsSection(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
