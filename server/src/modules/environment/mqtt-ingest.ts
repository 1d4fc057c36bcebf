/**
 * MQTT ingestion. Topic scheme: hpi/v1/stations/{station}/readings (JSON: one reading, an array, or
 * { "readings": [...] }) and hpi/v1/stations/{station}/datalogger (a data logger's text lines).
 *
 * Embedded broker (no MQTT_URL): stations sign in with their own credentials and may publish only
 * under their own topic. The reading is written inside the broker's publish authorisation, so the
 * PUBACK a station receives at QoS 1 is sent after the database commit: an acknowledged reading is a
 * stored reading, and an unacknowledged one is sent again by the station.
 *
 * External broker (MQTT_URL, Mosquitto in CI): the server subscribes with an MQTT 5 shared
 * subscription ($share/<group>/…) from several connections, so several server instances split the
 * load. Sessions are persistent and the PUBACK to the broker is sent after the commit: what the
 * server had not acknowledged when it stopped, the broker delivers again. The broker's ACL keeps
 * each station to its own topic (docs: pattern write hpi/v1/stations/%u/#).
 */
import { createServer, type Server } from "node:net";
import { Aedes, type AuthenticateError, type Client } from "aedes";
import mqtt, { type MqttClient } from "mqtt";
import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import type { Ingester } from "./ingest.service.ts";
import { type Parsed, parseDataloggerFile, parseJsonReadings, refusal } from "./readings.ts";
import { authenticateStation, TOPIC_ROOT } from "./stations.service.ts";

export const MAX_READINGS_PER_MESSAGE = 10_000;

export interface MqttOptions {
  /** External broker; absent: the embedded broker listens on `port`. */
  url?: string | undefined;
  port: number;
  host: string;
  shareGroup: string;
  clientId: string;
  connections: number;
}

export interface MqttIngestion {
  /** The embedded broker's port (useful when configured as 0), or null with an external broker. */
  port: number | null;
  close(): Promise<void>;
  /** Drops every connection at once, acknowledging nothing more: what a crash looks like to the broker. */
  kill(): void;
}

const TOPIC = new RegExp(`^${TOPIC_ROOT}/([A-Z0-9][A-Z0-9_-]{1,39})/(readings|datalogger)$`);

/** What a message carries, from its topic and payload; a topic we do not know is a refusal. */
export function parseMessage(topic: string, payload: Buffer): Parsed {
  const match = TOPIC.exec(topic);
  if (!match) {
    return {
      readings: [],
      refusals: [
        refusal(
          null,
          "payload.malformed",
          {
            vi: `Chủ đề "${topic.slice(0, 100)}" không đúng mẫu ${TOPIC_ROOT}/{mã trạm}/readings|datalogger.`,
            en: `Topic "${topic.slice(0, 100)}" does not match ${TOPIC_ROOT}/{station}/readings|datalogger.`,
          },
          "topic",
          topic,
        ),
      ],
    };
  }
  const [, station, kind] = match as unknown as [string, string, string];
  const text = payload.toString("utf8");
  try {
    return kind === "readings"
      ? parseJsonReadings(text, station, MAX_READINGS_PER_MESSAGE)
      : parseDataloggerFile(text, station, MAX_READINGS_PER_MESSAGE);
  } catch (error) {
    // Whatever a payload does to the parser (a stack overflow on absurd nesting), it is refused, never fatal.
    return {
      readings: [],
      refusals: [
        refusal(
          station,
          "payload.malformed",
          {
            vi: `Không đọc được nội dung: ${(error as Error).message}`,
            en: `Unreadable payload: ${(error as Error).message}`,
          },
          "payload",
          text.slice(0, 300),
        ),
      ],
    };
  }
}

export async function startMqttIngestion(
  db: Db,
  ingester: Ingester,
  options: MqttOptions,
  log: Pick<Logger, "info" | "warn" | "error">,
): Promise<MqttIngestion> {
  return options.url ? subscribe(ingester, options, log) : embedded(db, ingester, options, log);
}

type StationClient = Client & { stationCode?: string };

function authError(): AuthenticateError {
  const error = new Error("Bad username or password") as AuthenticateError;
  error.returnCode = 4;
  return error;
}

async function embedded(
  db: Db,
  ingester: Ingester,
  options: MqttOptions,
  log: Pick<Logger, "info" | "warn" | "error">,
): Promise<MqttIngestion> {
  const broker = await Aedes.createBroker({
    authenticate: (client: StationClient, username, password, done) => {
      if (!username || !password) return done(authError(), false);
      authenticateStation(db, username, password.toString("utf8")).then(
        (ok) => {
          if (ok) client.stationCode = username;
          done(ok ? null : authError(), ok);
        },
        (error: unknown) => {
          log.error({ err: error }, "mqtt authentication failed");
          done(authError(), false);
        },
      );
    },
    authorizePublish: (client: StationClient | null, packet, done) => {
      if (!client) return done(null);
      const prefix = `${TOPIC_ROOT}/${client.stationCode}/`;
      if (!packet.topic.startsWith(prefix)) return done(new Error("not authorised for this topic"));
      // Written before the PUBACK: an error leaves the message unacknowledged for the station to resend.
      ingester.ingest({ parsed: parseMessage(packet.topic, packet.payload as Buffer), channel: "mqtt" }).then(
        () => done(null),
        (error: unknown) => {
          log.error({ err: error, station: client.stationCode }, "mqtt ingestion failed; not acknowledged");
          done(error as Error);
        },
      );
    },
    authorizeSubscribe: (client: StationClient, subscription, done) => {
      // A station may listen only under its own topic.
      if (subscription.topic.startsWith(`${TOPIC_ROOT}/${client.stationCode}/`))
        return done(null, subscription);
      done(new Error("not authorised for this topic"));
    },
  });
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => {
      // Port taken: nothing was started, nothing is left running.
      broker.close(() => reject(error));
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  log.info({ port }, "embedded MQTT broker listening");
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ingester.drain();
    },
    kill: () => {
      server.close();
      broker.close();
    },
  };
}

async function subscribe(
  ingester: Ingester,
  options: MqttOptions,
  log: Pick<Logger, "info" | "warn" | "error">,
): Promise<MqttIngestion> {
  const topic = `$share/${options.shareGroup}/${TOPIC_ROOT}/+/+`;
  const clients: MqttClient[] = [];
  for (let i = 0; i < options.connections; i++) {
    const client = mqtt.connect(options.url as string, {
      protocolVersion: 5,
      clientId: `${options.clientId}-${i}`,
      clean: false,
      properties: { sessionExpiryInterval: 24 * 3600 },
      reconnectPeriod: 2000,
    });
    // The PUBACK waits for this callback, which waits for the commit.
    client.handleMessage = (packet, done) => {
      ingester.ingest({ parsed: parseMessage(packet.topic, packet.payload as Buffer), channel: "mqtt" }).then(
        () => done(),
        (error: unknown) => {
          log.error({ err: error }, "mqtt ingestion failed; not acknowledged");
          // Without an acknowledgement the broker delivers the message again after reconnecting.
          client.stream.destroy();
        },
      );
    };
    client.on("error", (error) => log.warn({ err: error }, "mqtt client error"));
    client.on("connect", (connack) => {
      // A resumed session keeps its subscription; a new one needs it.
      if (!connack.sessionPresent) {
        client.subscribe(topic, { qos: 1 }, (error) => {
          if (error) log.error({ err: error, topic }, "mqtt subscribe failed");
        });
      }
    });
    clients.push(client);
  }
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve, reject) => {
          if (c.connected) return resolve();
          c.once("connect", () => resolve());
          c.once("error", reject);
        }),
    ),
  );
  log.info(
    { url: redact(options.url as string), topic, connections: clients.length },
    "subscribed to MQTT broker",
  );
  let killed = false;
  for (const c of clients) {
    const handle = c.handleMessage;
    c.handleMessage = (packet, done) => {
      // After a kill nothing more is acknowledged, as if the process were gone.
      if (!killed) handle.call(c, packet, done);
    };
  }
  return {
    port: null,
    close: async () => {
      await ingester.drain();
      await Promise.all(clients.map((c) => c.endAsync()));
    },
    kill: () => {
      killed = true;
      for (const c of clients) {
        c.options.reconnectPeriod = 0;
        c.stream.destroy();
        c.end(true);
      }
    },
  };
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//***@");
