import fc from "fast-check";
import { sql } from "kysely";
import mqtt from "mqtt";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { loadConfig } from "../../config.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { createIngester, type Ingester } from "./ingest.service.ts";
import { startMonitoring } from "./monitoring.runtime.ts";
import { type MqttIngestion, parseMessage, startMqttIngestion } from "./mqtt-ingest.ts";
import { createStation, issueCredentials } from "./stations.service.ts";

/** The local Mosquitto (CI runs one); override with MQTT_TEST_URL. */
const MOSQUITTO = process.env.MQTT_TEST_URL ?? "mqtt://127.0.0.1:1883";
const log = pino({ level: "silent" });
const BASE = Date.parse("2026-11-20T00:00:00+07:00");
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

let t: TestContext;
let ingester: Ingester;

const stored = async (code: string): Promise<number> => {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from env_observation o join env_datastream d on d.id = o.datastream_id
    join env_station s on s.id = d.station_id where s.code = ${code}`.execute(t.handle.db);
  return rows[0]?.n ?? 0;
};
const hourlyTotal = async (code: string): Promise<number> => {
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(x.n_received), 0)::int as n from env_hourly x join env_datastream d on d.id = x.datastream_id
    join env_station s on s.id = d.station_id where s.code = ${code}`.execute(t.handle.db);
  return rows[0]?.n ?? 0;
};
const station = (code: string) =>
  createStation(t.handle.db, SYSTEM_ACTOR, {
    code,
    name_vi: `Trạm ${code}`,
    kind: "ambient_air",
    coefficients: {},
    interval_seconds: 60,
    parameters: [{ parameter: "PM2.5" }, { parameter: "PM10" }],
  });
const message = (from: number, count: number) =>
  JSON.stringify({
    readings: Array.from({ length: count }, (_, i) => ({
      parameter: i % 2 ? "PM10" : "PM2.5",
      value: 20 + (i % 7),
      time: at(from + Math.floor(i / 2)),
    })),
  });

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  ingester = createIngester(t.handle.db, t.handle.copyTransaction);
});
afterAll(() => t.close());

describe("embedded broker", () => {
  let broker: MqttIngestion;
  let url: string;
  beforeAll(async () => {
    broker = await startMqttIngestion(
      t.handle.db,
      ingester,
      { port: 0, host: "127.0.0.1", shareGroup: "g", clientId: "test", connections: 1 },
      log,
    );
    url = `mqtt://127.0.0.1:${broker.port}`;
    await station("KK-MQTT-01");
    await station("KK-MQTT-02");
  });
  afterAll(() => broker.close());

  it("has stored a reading by the time the station receives its PUBACK", async () => {
    const creds = await issueCredentials(t.handle.db, SYSTEM_ACTOR, "KK-MQTT-01");
    const client = await mqtt.connectAsync(url, {
      username: creds.username,
      password: creds.password,
      reconnectPeriod: 0,
    });
    for (let k = 0; k < 5; k++) {
      await client.publishAsync(creds.topic, message(k * 10, 20), { qos: 1 });
      // No waiting: the PUBACK came after the commit.
      expect(await stored("KK-MQTT-01")).toBe((k + 1) * 20);
    }
    // A data logger's file over MQTT.
    await client.publishAsync(creds.datalogger_topic, "PM2,5\t12,5\tug/m3\t20261120020000\t00\r\n", {
      qos: 1,
    });
    expect(await stored("KK-MQTT-01")).toBe(101);
    await client.endAsync();
  });

  it("refuses a wrong password and a station publishing under another station's topic", async () => {
    const creds = await issueCredentials(t.handle.db, SYSTEM_ACTOR, "KK-MQTT-02");
    await expect(
      mqtt.connectAsync(url, { username: "KK-MQTT-02", password: "wrong", reconnectPeriod: 0 }),
    ).rejects.toThrow();
    const before = await stored("KK-MQTT-01");
    const client = await mqtt.connectAsync(url, {
      username: creds.username,
      password: creds.password,
      reconnectPeriod: 0,
    });
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    client.publish("hpi/v1/stations/KK-MQTT-01/readings", message(500, 4), { qos: 1 });
    await closed;
    expect(await stored("KK-MQTT-01")).toBe(before);
    client.end(true);
  });

  it("acknowledges malformed and hostile payloads, records why, and keeps serving", async () => {
    const creds = await issueCredentials(t.handle.db, SYSTEM_ACTOR, "KK-MQTT-02");
    const client = await mqtt.connectAsync(url, {
      username: creds.username,
      password: creds.password,
      reconnectPeriod: 0,
    });
    const payloads = fc.sample(
      fc.oneof(
        fc.string({ unit: "binary" }),
        fc.json(),
        fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
        fc
          .array(fc.record({ parameter: fc.string(), value: fc.anything(), time: fc.string() }), {
            maxLength: 20,
          })
          .map((a) => JSON.stringify(a)),
      ),
      { numRuns: 200, seed: 20261122 },
    );
    for (const p of payloads) await client.publishAsync(creds.topic, p as string | Buffer, { qos: 1 });
    await client.publishAsync(creds.topic, message(0, 2), { qos: 1 });
    expect(await stored("KK-MQTT-02")).toBe(2);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from env_rejection r join env_station s on s.id = r.station_id
      where s.code = 'KK-MQTT-02' and r.channel = 'mqtt'`.execute(t.handle.db);
    expect(rows[0]?.n).toBeGreaterThan(100);
    await client.endAsync();
  });

  it("never throws while reading a message, whatever the topic and bytes", () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 500 }), (topic, bytes) => {
        const parsed = parseMessage(topic, Buffer.from(bytes));
        return Array.isArray(parsed.readings) && Array.isArray(parsed.refusals);
      }),
      { numRuns: 500 },
    );
  });

  it("starts without MQTT, and says why in both languages, when the embedded broker's port is taken", async () => {
    const errors: string[] = [];
    const capture = pino({ level: "error" }, { write: (line: string) => errors.push(JSON.parse(line).msg) });
    const config = loadConfig({
      DATA_DIR: "memory://",
      LOG_LEVEL: "silent",
      DEMO: "false",
      SIMULATE: "false",
      MQTT_PORT: String(broker.port),
    });
    const runtime = await startMonitoring(t.handle.db, ingester, config, capture);
    expect(runtime.mqtt).toBeNull();
    expect(errors).toEqual([expect.stringContaining(`Cổng MQTT ${broker.port} đang bận`)]);
    expect(errors[0]).toContain(`MQTT port ${broker.port} is in use`);
    await runtime.stop();
    // The broker that holds the port is untouched.
    const client = await mqtt
      .connectAsync(url, { username: "KK-MQTT-01", password: "wrong", reconnectPeriod: 0 })
      .catch((error: Error) => error);
    expect(client).toBeInstanceOf(Error);
    expect(String(client)).toMatch(/Bad username or password/i);
  });
});

describe("external broker (Mosquitto), shared subscription", () => {
  // Each test has its own group: a persistent session of a group keeps its share of the messages
  // until it expires, so the sessions one test leaves behind would take messages from the next.
  const options = (clientId: string) => ({
    url: MOSQUITTO,
    port: 0,
    host: "127.0.0.1",
    shareGroup: `${clientId}-${Date.now()}`.slice(0, 40),
    clientId,
    connections: 2,
  });

  it("splits the stream over the group's connections and stores every reading once", async () => {
    await station("KK-MOSQ-01");
    const ingestion = await startMqttIngestion(t.handle.db, ingester, options(`a-${process.pid}`), log);
    const publisher = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0 });
    for (let k = 0; k < 50; k++) {
      await publisher.publishAsync("hpi/v1/stations/KK-MOSQ-01/readings", message(k * 20, 40), { qos: 1 });
    }
    await until(async () => (await stored("KK-MOSQ-01")) === 2000);
    await publisher.endAsync();
    await ingestion.close();
    expect(await hourlyTotal("KK-MOSQ-01")).toBe(2000);
  });

  it("loses no acknowledged reading and stores no duplicate when the server dies mid-stream", async () => {
    await station("KK-MOSQ-02");
    const clientId = `crash-${process.pid}`;
    const group = options(clientId).shareGroup;
    const first = await startMqttIngestion(
      t.handle.db,
      ingester,
      { ...options(clientId), shareGroup: group },
      log,
    );
    const publisher = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0 });
    const sending = (async () => {
      for (let k = 0; k < 100; k++) {
        await publisher.publishAsync("hpi/v1/stations/KK-MOSQ-02/readings", message(k * 20, 40), { qos: 1 });
      }
    })();
    await until(async () => (await stored("KK-MOSQ-02")) >= 400);
    // The server dies: its connections drop without a word, in-flight messages unacknowledged.
    first.kill();
    await sending;
    const second = await startMqttIngestion(
      t.handle.db,
      ingester,
      { ...options(clientId), shareGroup: group },
      log,
    );
    await until(async () => (await stored("KK-MOSQ-02")) === 4000);
    await new Promise((r) => setTimeout(r, 300));
    await publisher.endAsync();
    await second.close();
    expect(await stored("KK-MOSQ-02")).toBe(4000);
    // Hourly sums count each reading once, redelivered or not.
    expect(await hourlyTotal("KK-MOSQ-02")).toBe(4000);
  });
});
