import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Portal, startPortal } from "./portal.ts";

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

/** "115,43" → 115.43 */
const read = (text: string | null) => Number((text ?? "").trim().replace(/\./g, "").replace(",", "."));
const vi = (v: number) =>
  new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

async function monthRow(page: Page, month: string): Promise<string[]> {
  const row = page.getByTestId("iip-series-table").locator("tbody tr", { hasText: month });
  await row.waitFor({ timeout: 15_000 });
  return row.locator("td").allTextContents();
}

describe("the IIP explorer, for anyone", () => {
  it("draws the city's monthly IIP on base 2020 and lists December 2024 at 115,43 year to date", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke");
    await page.getByRole("link", { name: "Diễn biến IIP" }).click();
    await page.waitForURL(/\/thong-ke\/iip$/);
    await page.locator("#iip-to").fill("2024-12");
    await page.waitForURL(/to=2024-12/);
    // The default start may already be January 2024: then the URL does not change.
    await page.locator("#iip-from").fill("2024-01");
    await expect
      .poll(() => page.getByTestId("iip-series-table").locator("tbody tr").count(), { timeout: 15_000 })
      .toBe(12);
    const chart = page.getByTestId("iip-series-chart");
    await expect
      .poll(() => chart.locator("svg text").allTextContents(), { timeout: 15_000 })
      .toContain("12/2024");
    expect(await page.getByTestId("iip-base").textContent()).toBe("Năm gốc 2020 = 100");
    expect(await page.locator("#iip-base option").allTextContents()).toContain("Năm gốc 2020 — hiện hành");
    // Month, index, against the same month, against the previous month, year to date.
    const december = await monthRow(page, "12/2024");
    expect(december[0]).toBe("12/2024");
    expect(december[2]).toBe("115,43");
    expect(december[4]).toBe("115,43");
    expect(read(december[1] ?? "")).toBeGreaterThan(100);
  });

  it("sorts the months and exports exactly the query on the screen", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/iip?from=2024-01&to=2024-12");
    await monthRow(page, "12/2024");
    const answer = await page.request.get("/api/v1/statistics/iip/series?from=2024-01&to=2024-12");
    const points = (await answer.json()).points as Array<{ month: string; vs_previous_month: number }>;
    const lowest = points.reduce((a, p) => (p.vs_previous_month < a.vs_previous_month ? p : a));
    await page.getByRole("button", { name: "So với tháng trước (%)" }).click();
    await page.waitForURL(/sort=vs_previous_month/);
    const first = page.getByTestId("iip-series-table").locator("tbody tr").first().locator("td");
    await expect
      .poll(() => first.first().textContent())
      .toBe(`${lowest.month.slice(5)}/${lowest.month.slice(0, 4)}`);
    expect(await first.nth(3).textContent()).toBe(vi(lowest.vs_previous_month));
    const sdmx = await page
      .getByTestId("iip-series-table")
      .getByRole("link", { name: "SDMX" })
      .getAttribute("href");
    expect(sdmx).toMatch(/^\/api\/v1\/statistics\/iip\/series\/export\?/);
    const query = new URLSearchParams(sdmx?.split("?")[1]);
    expect(Object.fromEntries(query)).toMatchObject({
      territory: "city",
      ownership: "all",
      level: "total",
      from: "2024-01",
      to: "2024-12",
      format: "sdmx",
    });
    const csv = await page.request.get((sdmx ?? "").replace("format=sdmx", "format=csv"));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("2024-12");
  });

  it("shows the industries' contributions in a month, adding up to the month's growth", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/iip?from=2024-01&to=2024-12");
    const june = await monthRow(page, "06/2024");
    const growth = `+${vi(read(june[2] ?? "") - 100)}`;
    await page.getByTestId("contributions-month").selectOption("2024-06");
    await page.waitForURL(/month=2024-06/);
    const contributions = page.getByTestId("iip-contributions");
    await contributions
      .getByTestId("contributions-chart")
      .locator("svg")
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await contributions.locator("h2").textContent()).toContain("tháng 6/2024");
    expect(growth).toBe("+15,43");
    await expect.poll(() => contributions.getByTestId("contributions-sum").textContent()).toBe(growth);
    const figures = await contributions.getByTestId("contributions-figures").textContent();
    expect(figures).toContain(`${growth}%`);
    expect(figures).toContain(`${growth} điểm %`);
    // By division: more parts, the same total.
    await contributions.getByTestId("contributions-by").selectOption("division");
    await page.waitForURL(/by=division/);
    await expect
      .poll(() => contributions.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(5);
    expect(await contributions.getByTestId("contributions-sum").textContent()).toBe(growth);
  });

  it("chooses the month of the contributions by a click on the chart", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/iip?from=2024-01&to=2024-12&month=2024-06");
    const plot = page.getByTestId("iip-series-chart").locator("[role=img]");
    await plot.locator("svg").first().waitFor({ timeout: 15_000 });
    const box = await plot.boundingBox();
    if (!box) throw new Error("the chart has no box");
    // The last month sits at the plot's right edge.
    await page.mouse.click(box.x + box.width - 40, box.y + box.height / 2);
    await page.waitForURL(/month=2024-12/);
    const contributions = page.getByTestId("iip-contributions");
    await expect.poll(() => contributions.locator("h2").textContent()).toContain("tháng 12/2024");
    const december = await monthRow(page, "12/2024");
    await expect
      .poll(() => contributions.getByTestId("contributions-sum").textContent(), { timeout: 15_000 })
      .toBe(`+${vi(read(december[2] ?? "") - 100)}`);
  });
});

describe("the structure of production, for anyone", () => {
  it("shows the year's ownership shares as the API computes them, with the rounding note", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke");
    await page.getByRole("link", { name: "Cơ cấu ngành" }).click();
    await page.waitForURL(/\/thong-ke\/co-cau$/);
    await page.getByTestId("structure-year").selectOption("2024");
    await page.waitForURL(/year=2024/);
    const answer = await page.request.get("/api/v1/statistics/structure?year=2024&territory=city");
    const structure = (await answer.json()) as {
      by_ownership: Array<{ code: string; share: number }>;
      high_tech_share_manufacturing: number;
    };
    expect(structure.by_ownership.map((o) => o.code).sort()).toEqual(["foreign", "non_state", "state"]);
    const names: Record<string, string> = {
      state: "Nhà nước",
      non_state: "Ngoài nhà nước",
      foreign: "Có vốn đầu tư nước ngoài",
    };
    const table = page.getByTestId("ownership-shares");
    await table.waitFor({ timeout: 15_000 });
    for (const o of structure.by_ownership) {
      const name = page.getByRole("rowheader", { name: names[o.code], exact: true });
      const row = table.locator("tbody tr").filter({ has: name });
      expect(await row.locator("td").textContent()).toBe(vi(o.share));
    }
    expect(await table.locator("tfoot td").textContent()).toBe("100,00");
    // The foreign-invested sector is a large part of Hải Phòng's industry.
    const foreign = structure.by_ownership.find((o) => o.code === "foreign");
    expect(foreign?.share).toBeGreaterThan(30);
    await page.getByTestId("ownership-donut").locator("svg").first().waitFor({ timeout: 15_000 });
    const legend = await page.getByTestId("ownership-donut").locator("svg text").allTextContents();
    expect(legend).toContain(
      `Nhà nước: ${vi(structure.by_ownership.find((o) => o.code === "state")?.share ?? 0)}%`,
    );
    expect(await page.getByTestId("structure").textContent()).toContain(
      `${vi(structure.high_tech_share_manufacturing)}%`,
    );
    expect(await page.locator(".rounding-note").textContent()).toContain("làm tròn 2 chữ số thập phân");
    const csv = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csv).toMatch(/^\/api\/v1\/statistics\/structure\/export\?year=2024&territory=city&format=csv/);
  });
});
