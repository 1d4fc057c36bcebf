/**
 * Starts the real server on the demo city (embedded PGlite in memory, demo accounts) with the
 * built web app, and a headless Chromium from the system (never downloaded).
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildApp } from "../server/src/app.ts";
import { loadConfig } from "../server/src/config.ts";
import { seedDemoCity } from "../server/src/modules/demo/demo.service.ts";
import { seedDemoStations } from "../server/src/modules/environment/demo-stations.ts";
import { createIngester } from "../server/src/modules/environment/ingest.service.ts";
import { ensureDemoUsers } from "../server/src/modules/identity/demo-users.ts";
import { openTestDatabase } from "../server/test/test-app.ts";

export const DEMO_PASSWORD = "demo-HaiPhong-2026";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Portal {
  url: string;
  browser: Browser;
  page(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export async function startPortal(): Promise<Portal> {
  if (!existsSync(new URL("../dist/web/index.html", import.meta.url))) {
    throw new Error("dist/web is missing: run `npm run build` (npm run e2e does)");
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const { handle, drop } = await openTestDatabase();
  await seedDemoCity(handle.db, { seed: 20261121, today: "2026-11-21" });
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: "memory://",
    PASSWORD_HASH_COST: "10",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
  });
  await ensureDemoUsers(handle.db, { passwordHashCost: 10, sessionIdleMinutes: 60, sessionMaxHours: 8 });
  // The demo monitoring network with two days of history (no MQTT: readings go through the ingester).
  const ingester = createIngester(handle.db);
  await seedDemoStations(handle.db, ingester, { seed: 20261121, days: 2 });
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config, ingester }, { logger: false });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  return {
    url,
    browser,
    page: async (options) => {
      const context = await browser.newContext({
        viewport: options?.viewport ?? { width: 1280, height: 900 },
        baseURL: url,
      });
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await app.close();
      await drop();
    },
  };
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/lam-viec/);
}
