/**
 * Cold start (empty data directory: migrations, reference data, demo city) and warm restart of the
 * real entry point, timed from spawn until /api/ready answers 200 — what a user waits for.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const POLL_MS = 20;

export interface StartupResult {
  coldSeconds: number;
  warmSeconds: number[];
  /** Enterprises the demo city loaded on first start, to show the cold start did the full work. */
  demoEnterprises: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

function startServer(dataDir: string, port: number): { child: ChildProcess; stderr: () => string } {
  // Embedded mode, as a first-time user runs it: no DATABASE_URL, demo on by default.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["scripts/node.mjs", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, stderr: () => stderr };
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200;
  } catch {
    return false; // not listening yet
  }
}

/** Seconds from spawn to the first 200 from /api/ready; leaves the server running. */
async function timeToReady(dataDir: string, port: number): Promise<{ seconds: number; child: ChildProcess }> {
  const started = performance.now();
  const { child, stderr } = startServer(dataDir, port);
  const url = `http://127.0.0.1:${port}/api/ready`;
  while (!(await isReady(url))) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr()}`);
    if (performance.now() - started > READY_TIMEOUT_MS) {
      await stop(child);
      throw new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s:\n${stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { seconds: (performance.now() - started) / 1000, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

async function demoEnterprises(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/summary`);
  const body = (await response.json()) as { enterprises?: { total?: number } };
  return body.enterprises?.total ?? 0;
}

export async function measureStartup(warmRuns: number): Promise<StartupResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "hp-bench-start-"));
  try {
    const port = await freePort();
    const cold = await timeToReady(dataDir, port);
    const enterprises = await demoEnterprises(port);
    await stop(cold.child);
    const warmSeconds: number[] = [];
    for (let i = 0; i < warmRuns; i++) {
      const warm = await timeToReady(dataDir, port);
      warmSeconds.push(warm.seconds);
      await stop(warm.child);
    }
    return { coldSeconds: cold.seconds, warmSeconds, demoEnterprises: enterprises };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
