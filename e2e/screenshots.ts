/** `npm run screenshots`: docs/screenshots/*.png of the home page, the map and a zone page (demo data). */
import { mkdir } from "node:fs/promises";
import { startPortal } from "./portal.ts";

const OUT = new URL("../docs/screenshots/", import.meta.url);
await mkdir(OUT, { recursive: true });
const portal = await startPortal();
try {
  const shots: Array<[string, string, (page: import("playwright-core").Page) => Promise<void>]> = [
    ["home.png", "/", async (page) => void (await page.locator("figure svg").first().waitFor())],
    [
      "map.png",
      "/ban-do",
      async (page) =>
        void (await page.waitForFunction(
          () => Number(document.querySelector("[data-testid=map]")?.getAttribute("data-zones-rendered")) > 0,
        )),
    ],
    [
      "zone.png",
      "/khu/KCN-DINHVU",
      async (page) => void (await page.getByRole("heading", { level: 1 }).waitFor()),
    ],
    [
      "stations.png",
      "/moi-truong?sort=-aqi",
      async (page) => void (await page.locator(".aqi-badge").first().waitFor()),
    ],
    [
      "station.png",
      "/moi-truong/tram/NT-NAMDINHVU",
      async (page) => void (await page.locator("[role=img] svg").first().waitFor()),
    ],
    ["home-phone.png", "/", async (page) => void (await page.locator("figure svg").first().waitFor())],
  ];
  for (const [file, path, ready] of shots) {
    const phone = file.includes("phone");
    const page = await portal.page({
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    });
    await page.goto(path);
    await ready(page);
    await page.waitForTimeout(500);
    await page.screenshot({ path: new URL(file, OUT).pathname, fullPage: !phone && file !== "map.png" });
    console.log(`docs/screenshots/${file}`);
    await page.context().close();
  }
} finally {
  await portal.close();
}
