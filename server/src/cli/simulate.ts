/**
 * npm run simulate — publishes simulated readings for the demo stations over MQTT, as their data
 * loggers would, against a running server: it signs in to the API (the demo inspector by default),
 * issues each synthetic station fresh MQTT credentials and publishes every 60 s (SIMULATE_EVERY_S).
 * The server does the same by itself in demo mode; this command serves a server started with
 * SIMULATE=false, or an external broker (MQTT_URL).
 */
import pino from "pino";
import { loadConfig } from "../config.ts";
import { TYPICAL } from "../modules/environment/simulation.ts";
import { type SimulatorStation, startSimulator } from "../modules/environment/simulator.ts";
import { DEMO_PASSWORD } from "../modules/identity/demo-users.ts";

const config = loadConfig();
const api = process.env.SIMULATE_API ?? `http://127.0.0.1:${config.port}`;
const broker = config.mqtt.url ?? `mqtt://127.0.0.1:${config.mqtt.port}`;
const username = process.env.SIMULATE_USER ?? "thanhtra";
const password = process.env.SIMULATE_PASSWORD ?? DEMO_PASSWORD;
const everySeconds = Number(process.env.SIMULATE_EVERY_S ?? 60);
const log = pino({ level: "info" });

async function call<T>(
  path: string,
  init: RequestInit & { session?: { cookie: string; csrf: string } } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body) headers["content-type"] = "application/json";
  if (init.session)
    Object.assign(headers, { cookie: init.session.cookie, "x-csrf-token": init.session.csrf });
  const res = await fetch(`${api}${path}`, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface StationItem {
  code: string;
  kind: keyof typeof TYPICAL;
  interval_seconds: number;
  last_reading_at: string | null;
  parameters: Array<{ parameter: string; unit: string }>;
}

async function main(): Promise<void> {
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`Đăng nhập thất bại / sign-in failed (${username}): ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const me = await call<{ csrf_token: string }>("/api/v1/auth/session", {
    headers: {},
    session: { cookie, csrf: "" },
  });
  const session = { cookie, csrf: me.csrf_token };
  const list = await call<{ items: StationItem[] }>(
    "/api/v1/environment/stations?synthetic=true&status=active&page_size=200",
    { session },
  );
  const stations: SimulatorStation[] = [];
  for (const s of list.items) {
    const creds = await call<{ password: string }>(`/api/v1/environment/stations/${s.code}/credentials`, {
      method: "POST",
      session,
    });
    const streams = [];
    for (const p of s.parameters) {
      const resolution = s.kind === "ambient_air" ? "24h" : "1h";
      const series = await call<{ limit: { value: number } | null }>(
        `/api/v1/environment/stations/${s.code}/series?parameter=${encodeURIComponent(p.parameter)}&resolution=${resolution}&from=${encodeURIComponent(new Date().toISOString())}`,
        { session },
      );
      streams.push({
        parameter: p.parameter,
        unit: p.unit,
        base: TYPICAL[s.kind][p.parameter] ?? 1,
        limit: series.limit?.value ?? null,
      });
    }
    stations.push({
      code: s.code,
      kind: s.kind,
      intervalSeconds: s.interval_seconds,
      streams,
      password: creds.password,
      since: s.last_reading_at ? Date.parse(s.last_reading_at) : 0,
    });
  }
  if (stations.length === 0)
    throw new Error("Không có trạm mô phỏng / no synthetic stations (start the server in demo mode first)");
  const simulator = await startSimulator({
    url: broker,
    seed: config.demoSeed,
    stations,
    tickMs: everySeconds * 1000,
    log,
  });
  const sent = await simulator.tick();
  console.log(
    `Mô phỏng ${stations.length} trạm qua ${broker}; đã gửi ${sent.toLocaleString("vi-VN")} kết quả đo. Ctrl+C để dừng.`,
  );
  console.log(
    `Simulating ${stations.length} stations over ${broker}; sent ${sent} readings. Ctrl+C to stop.`,
  );
  const stop = async () => {
    await simulator.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
