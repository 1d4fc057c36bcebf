/** HTTP load with autocannon, run in a worker thread so the load generator does not share the server's event loop. */
import autocannon from "autocannon";

export interface Scenario {
  name: string;
  /** Issue target this scenario is checked against, if any. */
  target?: "search";
  /** Each connection cycles through these paths in order. */
  paths: string[];
  /** Concurrent connections; the 50 unless a scenario says otherwise. */
  connections?: number;
  /** Sent with an API token created for the run. */
  authenticated?: boolean;
}

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  /** Connection errors, timeouts included; timed-out requests are missing from the percentiles. */
  errors: number;
  timeouts: number;
}

export const CONNECTIONS = 50;
/** autocannon's default, stated so the report can name it. */
export const TIMEOUT_SECONDS = 10;

export async function runLoad(
  baseUrl: string,
  paths: readonly string[],
  seconds: number,
  connections = CONNECTIONS,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    workers: 1,
    timeout: TIMEOUT_SECONDS,
    requests: paths.map((path) => ({ method: "GET" as const, path, headers })),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** One plain request per path first: a scenario answering 4xx would measure the wrong thing. Returns each list's total. */
export async function probe(
  baseUrl: string,
  paths: readonly string[],
  headers: Record<string, string> = {},
): Promise<Array<number | null>> {
  const totals: Array<number | null> = [];
  for (const path of paths) {
    const response = await fetch(baseUrl + path, { headers });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { total?: number };
    totals.push(body.total ?? null);
  }
  return totals;
}
