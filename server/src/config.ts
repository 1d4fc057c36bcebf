/** The only reader of process.env (HOUSE-STYLE rule 7): parsed once, typed, frozen. */
import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO: bool.optional(),
  DEMO_SEED: z.coerce.number().int().min(0).default(20261121),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(https?:\/\/[^\s,/]+)(,https?:\/\/[^\s,/]+)*$/,
      "comma-separated origins such as https://portal.haiphong.gov.vn",
    )
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  MAP_TILES_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, "an https tile template with {z}, {x}, {y}")
    .optional(),
  MAP_TILES_ATTRIBUTION: z.string().max(300).optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "a PostgreSQL role name")
    .optional(),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?):\/\/[^\s]+$/, "must start with mqtt://, mqtts://, ws:// or wss://")
    .optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1884),
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default("hpi-ingest"),
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  // Each connection hands the ingester one message at a time (the PUBACK waits for the commit), so
  // connections are the subscriber's parallelism: 16 let a flush gather 16 messages (bench/RESULTS.md).
  MQTT_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(16),
  MQTT_ENABLED: bool.default(true),
  SIMULATE: bool.optional(),
  JOBS_ENABLED: bool.default(true),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Absent: embedded PGlite stored under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  /** Load the demo city on first start. On by default only in embedded mode. */
  readonly demo: boolean;
  readonly demoSeed: number;
  readonly importMaxBytes: number;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  /** Mark the session cookie Secure: always, never, or (undefined) when the request came over HTTPS. */
  readonly cookieSecure: boolean | undefined;
  /** Behind a reverse proxy: believe X-Forwarded-For and X-Forwarded-Proto. */
  readonly trustProxy: boolean;
  /** Origins allowed by CORS; empty means CORS stays off. */
  readonly corsOrigins: readonly string[];
  /** Requests per minute per client address; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  readonly loginRateLimitPerMinute: number;
  /** scrypt cost as log2(N); 17 follows OWASP's recommendation. */
  readonly passwordHashCost: number;
  /** Optional raster tiles under the map ("https://…/{z}/{x}/{y}.png"); without them the map uses our GeoJSON only. */
  readonly mapTilesUrl: string | undefined;
  readonly mapTilesAttribution: string | undefined;
  /** The role the server connects as on PostgreSQL; `npm run db:migrate` grants it what it needs. */
  readonly databaseAppRole: string | undefined;
  readonly mqtt: {
    /** Off: no broker and no subscription (HTTP ingestion only). */
    readonly enabled: boolean;
    /** An external broker; absent: the embedded broker listens on `port`. */
    readonly url: string | undefined;
    readonly port: number;
    readonly host: string;
    readonly shareGroup: string;
    /** Stable per server instance, so its persistent session survives restarts. */
    readonly clientId: string;
    readonly connections: number;
  };
  /** Publish simulated station readings over MQTT (on by default in demo mode with the embedded broker). */
  readonly simulate: boolean;
  /** Run the daily jobs (post-licence supervision) in this instance; safe on several at once. */
  readonly jobs: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/** Parses the environment, throwing one ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join(".")}=${JSON.stringify(input[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const v = parsed.data;
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    dataDir: v.DATA_DIR.startsWith("memory://") ? v.DATA_DIR : path.resolve(v.DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    logLevel: v.LOG_LEVEL,
    demo: v.DEMO ?? v.DATABASE_URL === undefined,
    demoSeed: v.DEMO_SEED,
    importMaxBytes: v.IMPORT_MAX_BYTES,
    sessionIdleMinutes: v.SESSION_IDLE_MINUTES,
    sessionMaxHours: v.SESSION_MAX_HOURS,
    cookieSecure: v.COOKIE_SECURE,
    trustProxy: v.TRUST_PROXY,
    corsOrigins: v.CORS_ORIGINS ? v.CORS_ORIGINS.split(",") : [],
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: v.LOGIN_RATE_LIMIT_PER_MINUTE,
    passwordHashCost: v.PASSWORD_HASH_COST,
    databaseAppRole: v.DATABASE_APP_ROLE,
    mapTilesUrl: v.MAP_TILES_URL,
    mapTilesAttribution: v.MAP_TILES_ATTRIBUTION,
    mqtt: Object.freeze({
      enabled: v.MQTT_ENABLED,
      url: v.MQTT_URL,
      port: v.MQTT_PORT,
      host: v.HOST,
      shareGroup: v.MQTT_SHARE_GROUP,
      clientId:
        v.MQTT_CLIENT_ID ??
        `hpi-${
          hostname()
            .replace(/[^A-Za-z0-9_-]/g, "")
            .slice(0, 30) || "server"
        }`,
      connections: v.MQTT_CONNECTIONS,
    }),
    simulate: v.SIMULATE ?? ((v.DEMO ?? v.DATABASE_URL === undefined) && v.MQTT_URL === undefined),
    jobs: v.JOBS_ENABLED,
  });
}
