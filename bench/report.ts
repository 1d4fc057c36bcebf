/** Renders bench/RESULTS.md: plain tables, and a plain "met"/"not met" per issue target. */
import type { DatabaseKind } from "../server/src/db/database.ts";
import type { ApiResult, ScenarioResult } from "./api.ts";
import type { PostgresInfo } from "./databases.ts";
import type { AuditResult, HashResult } from "./identity.ts";
import type { ImportResult, ImportTiming } from "./import-rate.ts";
import { CONNECTIONS, TIMEOUT_SECONDS } from "./load.ts";
import type { Machine } from "./machine.ts";
import type { StartupResult } from "./startup.ts";
import type { WebPageResult, WebResult } from "./web.ts";

export const TARGETS = {
  searchP99Ms: 50,
  importRowsPerSecond: 5_000,
  coldSeconds: 15,
  warmSeconds: 4,
  initialJsGzipKb: 350,
  lcpSeconds: 2,
};

export interface BenchResults {
  date: string;
  command: string;
  machine: Machine;
  postgres: PostgresInfo | null;
  /** 1-minute load average before the run: other work on this shared machine skews every number. */
  load: { start: number };
  scale: {
    enterprises: number;
    projects: number;
    importRows: number;
    seconds: number;
    warmupSeconds: number;
    warmRuns: number;
  };
  csvBytes: number;
  api: ApiResult[];
  imports: Array<{ kind: DatabaseKind; result: ImportResult }>;
  startup: StartupResult;
  hashing: HashResult;
  audit: AuditResult[];
  web: WebResult;
  totalSeconds: number;
}

const LABEL: Record<DatabaseKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const secs = (n: number) => n.toFixed(2);
const verdict = (ok: boolean) => (ok ? "met" : "not met");
/** kB as 1,000 bytes, the unit Vite reports sizes in. */
const kb = (bytes: number) =>
  (bytes / 1000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rowsPerSecond = (rows: number, t: ImportTiming) => rows / t.seconds;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function searchTarget(r: BenchResults): string[] {
  const pg = r.api.find((a) => a.kind === "postgres");
  const name = `Search p99 < ${TARGETS.searchP99Ms} ms on PostgreSQL`;
  if (!pg) return [name, "not measured (PostgreSQL unreachable)", "not met"];
  const searches = pg.results.filter((s) => s.scenario.target === "search");
  const worst = searches.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  return [
    name,
    `worst of ${searches.length} search scenarios: ${int(worst.p99)} ms (${worst.scenario.name})`,
    verdict(worst.p99 < TARGETS.searchP99Ms),
  ];
}

function targetsSection(r: BenchResults): string {
  const warm = median(r.startup.warmSeconds);
  const rows = [
    searchTarget(r),
    ...r.imports.map(({ kind, result }) => {
      const rate = rowsPerSecond(result.rows, result.first);
      return [
        `Import ≥ ${int(TARGETS.importRowsPerSecond)} rows/s (${LABEL[kind]})`,
        `${int(rate)} rows/s`,
        verdict(rate >= TARGETS.importRowsPerSecond),
      ];
    }),
    [
      `First start < ${TARGETS.coldSeconds} s`,
      `${secs(r.startup.coldSeconds)} s`,
      verdict(r.startup.coldSeconds < TARGETS.coldSeconds),
    ],
    [
      `Restart < ${TARGETS.warmSeconds} s`,
      `${secs(warm)} s (median of ${r.startup.warmSeconds.length})`,
      verdict(warm < TARGETS.warmSeconds),
    ],
    ...webTargets(r.web),
  ];
  return `## Issue targets\n\n${table(["Target", "Measured", "Result"], rows)}`;
}

/** Median in seconds; a visit where nothing was recorded (no LCP, map never drawn) counts as never. */
const medianSeconds = (ms: ReadonlyArray<number | null>) =>
  median(ms.map((m) => (m ?? Number.POSITIVE_INFINITY) / 1000));
const lcpSeconds = (p: WebPageResult) => medianSeconds(p.lcpMs);
const secsOrNever = (n: number) => (Number.isFinite(n) ? secs(n) : "never");

function webTargets(web: WebResult): string[][] {
  const home = web.pages.find((p) => p.path === "/");
  const jsName = `Initial JavaScript (gzip) ≤ ${TARGETS.initialJsGzipKb} kB`;
  const jsRow = home
    ? [
        jsName,
        `${kb(home.gzipBytes)} kB on \`/\` (${home.scripts.length} scripts)`,
        verdict(home.gzipBytes <= TARGETS.initialJsGzipKb * 1000),
      ]
    : [jsName, "not measured", "not met"];
  const lcp = web.pages.map((p) => {
    // LCP ignores canvas, so for the map the time until zones appear is shown beside it.
    const zones = p.zonesDrawnMs ? `, zones drawn ${secsOrNever(medianSeconds(p.zonesDrawnMs))} s` : "";
    return `${p.label.toLowerCase()} ${secsOrNever(lcpSeconds(p))} s${zones}`;
  });
  return [
    jsRow,
    [
      `Largest contentful paint < ${TARGETS.lcpSeconds} s (home, map)`,
      `${lcp.join("; ")} (medians of ${web.runs})`,
      verdict(web.pages.length > 0 && web.pages.every((p) => lcpSeconds(p) < TARGETS.lcpSeconds)),
    ],
  ];
}

function scenarioTable(r: BenchResults, index: number): string {
  const first = r.api[0]?.results[index] as ScenarioResult;
  const paths = first.scenario.paths.map((p, i) => {
    const matches = first.matches[i];
    return `\`${decodeURIComponent(p)}\`${matches == null ? "" : ` (${int(matches)} rows)`}`;
  });
  const rows = r.api.map((a) => {
    const s = a.results[index] as ScenarioResult;
    return [
      LABEL[a.kind],
      int(s.p50),
      int(s.p99),
      int(s.rps),
      int(s.requests),
      String(s.non2xx),
      String(s.errors),
      String(s.timeouts),
    ];
  });
  return [
    `### ${first.scenario.name}`,
    paths.join("<br>"),
    table(["Backend", "p50 ms", "p99 ms", "req/s", "requests", "non-2xx", "errors", "timeouts"], rows),
  ].join("\n\n");
}

function importSection(r: BenchResults): string {
  const phases = (t: ImportTiming) =>
    `${secs(t.phases.read ?? 0)} / ${secs(t.phases.validate ?? 0)} / ${secs(t.phases.write ?? 0)}`;
  const rows = r.imports.flatMap(({ kind, result }) => [
    [
      LABEL[kind],
      "first (all inserts)",
      secs(result.first.seconds),
      int(rowsPerSecond(result.rows, result.first)),
      phases(result.first),
    ],
    [
      LABEL[kind],
      "again (all updates)",
      secs(result.again.seconds),
      int(rowsPerSecond(result.rows, result.again)),
      phases(result.again),
    ],
  ]);
  return [
    `## Import\n\n${int(r.scale.importRows)}-row enterprise CSV (${(r.csvBytes / 1024 ** 2).toFixed(1)} MiB, Vietnamese headers and labels, every row valid), \`runImport\` on a fresh database holding reference data and the zones the rows refer to.`,
    table(["Backend", "Import", "seconds", "rows/s", "read / validate / write s"], rows),
  ].join("\n\n");
}

function identitySection(r: BenchResults): string {
  const h = r.hashing;
  const rows = r.audit.map((a) => [
    LABEL[a.kind],
    `${int(a.singleAppendsPerSecond)} /s (${int(a.singleAppends)} transactions)`,
    `${int(a.verifyPerSecond)} /s (${int(a.chainLength)} entries)`,
  ]);
  return [
    "## Identity and audit",
    `Password hashing: scrypt N=2^${h.cost}, r=8, p=1 (the production default), median ${secs(median(h.ms) / 1000)} s per hash over ${h.ms.length} runs (${h.ms.map((m) => Math.round(m)).join(", ")} ms). Every sign-in pays this once, and so does a wrong password: it is what makes guessing slow.`,
    table(["Backend", "Audit appends, one per transaction", "Chain verification"], rows),
    "Each API write appends its audit entry under a transaction-scoped advisory lock, so writes that change data serialise at that point; the append rate above is that ceiling for single changes.",
  ].join("\n\n");
}

function startupSection(r: BenchResults): string {
  const s = r.startup;
  const rows = [
    ["Cold start: empty DATA_DIR, migrations, reference data, demo city", secs(s.coldSeconds)],
    [
      `Warm restart, median of ${s.warmSeconds.length} (${s.warmSeconds.map(secs).join(", ")})`,
      secs(median(s.warmSeconds)),
    ],
  ];
  return [
    "## Start-up",
    `\`node scripts/node.mjs server/src/main.ts\` in embedded mode (PGlite, demo on, LOG_LEVEL=warn), timed from spawn to the first 200 from \`/api/ready\`. The demo city loaded ${int(s.demoEnterprises)} enterprises.`,
    table(["Run", "seconds"], rows),
  ].join("\n\n");
}

function webSection(r: BenchResults): string {
  const w = r.web;
  const ms = (n: number | null) => (n == null ? "none" : int(n));
  const js = w.pages.map((p) => [
    `${p.label} \`${p.path}\``,
    String(p.scripts.length),
    kb(p.rawBytes),
    kb(p.gzipBytes),
    p.scripts.map((s) => `${s.file.replace(/^.*\//, "")} ${kb(s.gzipBytes)}`).join("<br>"),
  ]);
  const timing = w.pages.map((p) => [
    `${p.label} \`${p.path}\``,
    secsOrNever(lcpSeconds(p)),
    p.lcpMs.map(ms).join(", "),
    p.zonesDrawnMs ? secsOrNever(medianSeconds(p.zonesDrawnMs)) : "",
    p.zonesDrawnMs ? p.zonesDrawnMs.map(ms).join(", ") : "",
  ]);
  return [
    "## Web app",
    `\`npm run build\` (Vite), served by \`buildApp\` on the demo city as in e2e/portal.ts, visited by headless ${w.browser} at ${w.viewport.width}×${w.viewport.height} over loopback, a fresh browser context (empty cache) per visit, ${w.runs} visits per page.`,
    "JavaScript: every `.js`/`.mjs` response the first visit fetched until network idle (entry, its static imports, the page's lazy chunks and MapLibre's worker), gzipped here at level 9 as a stable measure (the server sends brotli at quality 4 or gzip, about the same size). kB = 1,000 bytes.",
    table(["Page", "scripts", "raw kB", "gzip kB", "gzip kB per file"], js),
    "Largest contentful paint: the last `largest-contentful-paint` entry after network idle, ms from navigation start. Chromium does not count canvas as contentful, so the map itself and the home charts are not in it; for the map, the time until `data-zones-rendered` first turned positive (MapLibre idle with zones on screen) is given too.",
    table(
      ["Page", "LCP median s", "LCP per visit ms", "zones drawn median s", "zones drawn per visit ms"],
      timing,
    ),
  ].join("\n\n");
}

function setupSection(r: BenchResults): string {
  const seeds = r.api.map((a) => `${LABEL[a.kind]} ${secs(a.seedSeconds)} s`).join(", ");
  return [
    "## Setup",
    [
      `- Data per backend: ${int(r.scale.enterprises)} synthetic enterprises, ${int(r.scale.projects)} projects (one "issued" event each) and the demo's 121 zones, written set-based in one transaction (seed time: ${seeds}).`,
      "- Planner statistics as in service: PostgreSQL gets `ANALYZE` after seeding, standing in for autovacuum (off on this test server, on by default elsewhere); PGlite gets none, because it runs single-user without autovacuum and the server never analyzes.",
      "- PGlite in a temporary directory; PostgreSQL in a new database `hp_bench_<random>`, dropped afterwards; the server's default pool of 10 connections.",
      `- Load: autocannon, ${CONNECTIONS} connections (1 where a scenario says so), ${r.scale.seconds} s per scenario after one ${r.scale.warmupSeconds} s warm-up over every path; the app is \`buildApp\` + \`listen\` in the benchmark process, autocannon runs in a worker thread of it. Server, load generator and PostgreSQL share the machine's ${r.machine.cores} cores.`,
      `- The load is a closed loop: each connection waits for its answer, so latency ≈ ${CONNECTIONS} / throughput once the server is saturated. A p99 under 50 ms at ${CONNECTIONS} connections therefore needs roughly 1,000 req/s or more.`,
      `- Latency percentiles count 2xx responses only (autocannon's rule), so a request that timed out (after ${TIMEOUT_SECONDS} s) is missing from them; non-2xx, errors and timeouts are listed and should be 0.`,
    ].join("\n"),
  ].join("\n\n");
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const machine = table(
    ["", ""],
    [
      ["CPU", `${m.cpu}, ${m.cores} cores`],
      ["RAM", `${m.ramGiB} GiB`],
      ["OS", m.os],
      ["Node.js", m.node],
      // At the end the figure mostly shows this run's own load, so it says little about other work.
      ["Load average (1 min) before the run", r.load.start.toFixed(2)],
      ["PostgreSQL", r.postgres?.version ?? "unreachable"],
      ["PostgreSQL settings", r.postgres?.settings.join(", ") ?? ""],
    ],
  );
  return [
    "# Benchmark results",
    `Measured ${r.date} with \`${r.command}\` (bench/run.ts), ${Math.round(r.totalSeconds)} s in all.`,
    `## Machine\n\n${machine}`,
    targetsSection(r),
    `## HTTP latency and throughput\n\n${r.api[0] ? r.api[0].results.map((_, i) => scenarioTable(r, i)).join("\n\n") : "Not measured."}`,
    importSection(r),
    identitySection(r),
    startupSection(r),
    webSection(r),
    setupSection(r),
  ]
    .join("\n\n")
    .concat("\n");
}
