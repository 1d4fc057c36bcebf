/**
 * Publishes simulated readings over MQTT as the demo stations would: one connection per station
 * with the station's own credentials, QoS 1, every reading slot since the station last reported.
 */
import mqtt, { type MqttClient } from "mqtt";
import type { Logger } from "pino";
import { type SimulatedStation, simulatedReadings } from "./simulation.ts";
import { TOPIC_ROOT } from "./stations.service.ts";

export interface SimulatorStation extends SimulatedStation {
  password: string;
  /** Epoch ms of the last reading already stored (publishing resumes after it). */
  since: number;
}

export interface Simulator {
  /** Publishes what is due now; resolves when the broker has acknowledged it. */
  tick(now?: number): Promise<number>;
  stop(): Promise<void>;
}

const CATCH_UP_MS = 24 * 3600_000;

export async function startSimulator(options: {
  url: string;
  seed: number;
  stations: SimulatorStation[];
  tickMs: number;
  log: Pick<Logger, "info" | "warn">;
}): Promise<Simulator> {
  const clients = new Map<string, MqttClient>();
  const since = new Map<string, number>();
  for (const s of options.stations) {
    const client = await mqtt.connectAsync(options.url, {
      username: s.code,
      password: s.password,
      clientId: `sim-${s.code}`.slice(0, 23),
      reconnectPeriod: 5000,
    });
    client.on("error", (error) =>
      options.log.warn({ err: error, station: s.code }, "simulator connection error"),
    );
    clients.set(s.code, client);
    since.set(s.code, Math.max(s.since, Date.now() - CATCH_UP_MS));
  }
  let busy: Promise<number> | null = null;
  const tick = (now = Date.now()): Promise<number> => {
    busy ??= (async () => {
      let sent = 0;
      for (const s of options.stations) {
        const from = (since.get(s.code) ?? now) + 1;
        const readings = simulatedReadings(options.seed, s, from, now);
        if (readings.length === 0) continue;
        const client = clients.get(s.code) as MqttClient;
        for (let i = 0; i < readings.length; i += 2000) {
          const chunk = readings.slice(i, i + 2000);
          await client.publishAsync(`${TOPIC_ROOT}/${s.code}/readings`, JSON.stringify({ readings: chunk }), {
            qos: 1,
          });
        }
        since.set(s.code, Date.parse(readings[readings.length - 1]?.time as string));
        sent += readings.length;
      }
      return sent;
    })().finally(() => {
      busy = null;
    });
    return busy;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.log.warn({ err: error }, "simulator tick failed"));
  }, options.tickMs);
  timer.unref();
  options.log.info(
    { stations: options.stations.length, every_s: options.tickMs / 1000 },
    "simulator publishing over MQTT",
  );
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      if (busy) await busy.catch(() => 0);
      await Promise.all([...clients.values()].map((c) => c.endAsync()));
    },
  };
}
