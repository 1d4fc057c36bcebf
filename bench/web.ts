/**
 * What a first visit to the web app costs: the JavaScript it downloads and its largest contentful
 * paint, in headless Chromium against the real server on the demo city (e2e/portal.ts). Every run gets
 * a fresh browser context, so nothing comes from the cache.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";
import { startPortal } from "../e2e/portal.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };
const ZONES_TIMEOUT_MS = 60_000;
/** After network idle, how long to wait for the LCP observer's buffered entries before giving up. */
const LCP_READ_TIMEOUT_MS = 2_000;

const PAGES = [
  { path: "/", label: "Home", map: false },
  { path: "/ban-do", label: "Map", map: true },
] as const;

export interface WebScript {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface WebPageResult {
  path: string;
  label: string;
  /** JavaScript fetched until network idle in the first (cold) run. */
  scripts: WebScript[];
  rawBytes: number;
  gzipBytes: number;
  /** Largest contentful paint per run, ms from navigation start; null if Chromium reported none. */
  lcpMs: Array<number | null>;
  /** Map page only: ms from navigation start until the map first reported zones drawn; null if never. */
  zonesDrawnMs: Array<number | null> | null;
}

export interface WebResult {
  browser: string;
  viewport: { width: number; height: number };
  runs: number;
  pages: WebPageResult[];
}

/** Builds dist/web from the current sources, so the numbers belong to the code being measured. */
export function buildWeb(): void {
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) {
    throw new Error(
      `npm run build failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`,
    );
  }
}

interface Probe {
  lcp: number | null;
  zones: number | null;
}

/**
 * Runs in the page before its own scripts. Records LCP candidates as they arrive and the first
 * moment the map's data-zones-rendered turns positive: a MutationObserver sees it at once, where
 * polling from the test side would add its own interval to the figure.
 */
function installProbe(): void {
  const probe: Probe = { lcp: null, zones: null };
  (window as unknown as { __benchProbe: Probe }).__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const zones = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (Number(target.getAttribute("data-zones-rendered")) > 0) {
        probe.zones = performance.now();
        zones.disconnect();
        return;
      }
    }
  });
  zones.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-zones-rendered"] });
}

const isScript = (response: Response): boolean => /\.m?js$/.test(new URL(response.url()).pathname);

async function scriptSize(response: Response): Promise<WebScript> {
  const body = await response.body();
  return {
    file: new URL(response.url()).pathname,
    rawBytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
  };
}

interface Visit {
  scripts: WebScript[];
  lcpMs: number | null;
  zonesDrawnMs: number | null;
}

async function visit(page: Page, path: string, map: boolean): Promise<Visit> {
  const sizes: Array<Promise<WebScript>> = [];
  // The context, not the page: MapLibre's worker script is fetched by a worker, not the document.
  page.context().on("response", (response) => {
    if (isScript(response)) sizes.push(scriptSize(response));
  });
  await page.addInitScript(installProbe);
  await page.goto(path, { waitUntil: "networkidle" });
  let zonesDrawnMs: number | null = null;
  if (map) {
    // A map that never draws is a result to report, not a reason to abandon the whole benchmark.
    zonesDrawnMs = await page
      .waitForFunction(() => (window as unknown as { __benchProbe: Probe }).__benchProbe.zones, undefined, {
        timeout: ZONES_TIMEOUT_MS,
      })
      .then(async (drawn) => (await drawn.jsonValue()) as number)
      .catch(() => null);
  }
  // LCP entries reach the observer asynchronously; give a late one a moment rather than read too early.
  await page
    .waitForFunction(
      () => (window as unknown as { __benchProbe: Probe }).__benchProbe.lcp !== null,
      undefined,
      {
        timeout: LCP_READ_TIMEOUT_MS,
      },
    )
    .catch(() => undefined);
  const lcp = await page.evaluate(() => (window as unknown as { __benchProbe: Probe }).__benchProbe.lcp);
  return { scripts: await Promise.all(sizes), lcpMs: lcp, zonesDrawnMs };
}

const sum = (scripts: WebScript[], key: "rawBytes" | "gzipBytes"): number =>
  scripts.reduce((total, s) => total + s[key], 0);

export async function measureWeb(runs: number): Promise<WebResult> {
  const portal = await startPortal();
  try {
    const pages: WebPageResult[] = [];
    for (const { path, label, map } of PAGES) {
      const visits: Visit[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await portal.page({ viewport: VIEWPORT });
        try {
          visits.push(await visit(page, path, map));
        } finally {
          await page.context().close();
        }
      }
      // The same build serves the same files every run; the first run's list stands for all.
      const scripts = visits[0]?.scripts ?? [];
      pages.push({
        path,
        label,
        scripts,
        rawBytes: sum(scripts, "rawBytes"),
        gzipBytes: sum(scripts, "gzipBytes"),
        lcpMs: visits.map((v) => v.lcpMs),
        zonesDrawnMs: map ? visits.map((v) => v.zonesDrawnMs) : null,
      });
    }
    return { browser: `Chromium ${portal.browser.version()}`, viewport: VIEWPORT, runs, pages };
  } finally {
    await portal.close();
  }
}
