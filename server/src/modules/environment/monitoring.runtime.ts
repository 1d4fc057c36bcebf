/**
 * What the server runs besides HTTP for monitoring: MQTT ingestion and, in demo mode, the demo
 * network (created once with a few days of history) and its live simulated readings.
 */
import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { demoNetwork, seedDemoStations } from "./demo-stations.ts";
import type { Ingester } from "./ingest.service.ts";
import { type MqttIngestion, startMqttIngestion } from "./mqtt-ingest.ts";
import { type Simulator, startSimulator } from "./simulator.ts";
import { hashSecret, issueCredentials } from "./stations.service.ts";

export interface MonitoringRuntime {
  mqtt: MqttIngestion | null;
  simulator: Simulator | null;
  stop(): Promise<void>;
}

export const DEMO_HISTORY_DAYS = 3;

export async function startMonitoring(
  db: Db,
  ingester: Ingester,
  config: Config,
  log: Pick<Logger, "info" | "warn" | "error">,
): Promise<MonitoringRuntime> {
  if (config.demo) {
    const seeded = await seedDemoStations(db, ingester, {
      seed: config.demoSeed,
      days: DEMO_HISTORY_DAYS,
      onProgress: (step) => log.info({ step }, "demo stations"),
    });
    if (seeded) log.info(seeded, "demo stations loaded");
  }
  const mqtt = config.mqtt.enabled ? await startBroker(db, ingester, config, log) : null;
  let simulator: Simulator | null = null;
  if (config.simulate && mqtt?.port) {
    const stations = [];
    for (const { lastReadingAt, secretHash, ...s } of await demoNetwork(db)) {
      // The synthetic stations' passwords follow from the demo seed, like the demo accounts'
      // published password: issued (and audited) once, not again at every start.
      const password = demoStationPassword(config.demoSeed, s.code);
      if (secretHash !== hashSecret(password)) await issueCredentials(db, SYSTEM_ACTOR, s.code, password);
      stations.push({ ...s, password, since: lastReadingAt });
    }
    simulator = await startSimulator({
      url: `mqtt://127.0.0.1:${mqtt.port}`,
      seed: config.demoSeed,
      stations,
      tickMs: 60_000,
      log,
    });
    await simulator.tick();
  }
  return {
    mqtt,
    simulator,
    stop: async () => {
      await simulator?.stop();
      await mqtt?.close();
      await ingester.drain();
    },
  };
}

/**
 * The embedded broker's port may be taken (another instance, a local Mosquitto): the server then runs
 * without MQTT, says so in both languages, and keeps HTTP ingestion. An external broker that cannot
 * be reached is retried by the client, as before.
 */
async function startBroker(
  db: Db,
  ingester: Ingester,
  config: Config,
  log: Pick<Logger, "info" | "warn" | "error">,
): Promise<MqttIngestion | null> {
  try {
    return await startMqttIngestion(db, ingester, config.mqtt, log);
  } catch (error) {
    if (config.mqtt.url || (error as { code?: string }).code !== "EADDRINUSE") throw error;
    log.error(
      { port: config.mqtt.port },
      `Cổng MQTT ${config.mqtt.port} đang bận: máy chủ chạy không có MQTT (đặt MQTT_PORT khác hoặc MQTT_ENABLED=false). / MQTT port ${config.mqtt.port} is in use: running without MQTT (set another MQTT_PORT, or MQTT_ENABLED=false).`,
    );
    return null;
  }
}

/** A demo station's MQTT password: derived from the demo seed, so it survives restarts. */
export function demoStationPassword(seed: number, code: string): string {
  return `st_demo_${createHmac("sha256", `hpi-demo-${seed}`).update(code).digest("base64url").slice(0, 32)}`;
}
