import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Portal, signIn, startPortal } from "./portal.ts";

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

describe("statistics, for anyone", () => {
  it("shows the leaders' dashboard with the 2024 IIP target reached", async () => {
    const page = await portal.page();
    await page.goto("/");
    await page.getByRole("link", { name: "Thống kê", exact: true }).click();
    await page.waitForURL(/\/thong-ke$/);
    await page.locator(".target-card").first().waitFor({ timeout: 15_000 });
    await page.getByTestId("dashboard-year").selectOption("2024");
    const card = page.getByTestId("target-iip_growth-east");
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator("[data-progress]").textContent()).toBe("đạt");
    expect(await card.textContent()).toContain("15,43%");
    expect(await card.locator("[data-status]").textContent()).toBe("chính thức");
    expect(await page.locator(".rule").textContent()).toContain(
      "có nguy cơ khi thiếu không quá 10 % mục tiêu",
    );
  });

  it("opens an indicator from the registry with its chart and its values", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/chi-tieu");
    await page.getByLabel("Tìm kiếm").fill("chi so san xuat");
    // Accents optional: the search goes through the URL, so wait for it there.
    await page.waitForURL(/q=chi\+so\+san\+xuat/);
    await page.getByRole("link", { name: "Tăng trưởng chỉ số sản xuất công nghiệp (IIP)" }).click();
    await page.waitForURL(/\/thong-ke\/chi-tieu\/iip_growth$/);
    await page.getByTestId("values-chart").locator("svg").first().waitFor({ timeout: 15_000 });
    // Values computed from the demo's reports come first; the published ones behind a filter.
    await expect.poll(() => page.locator("tbody").textContent(), { timeout: 15_000 }).toContain("mô phỏng");
    await page.getByRole("combobox", { name: "Trạng thái", exact: true }).selectOption("official");
    await page.waitForURL(/status=official/);
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect
      .poll(() => page.locator("tbody").textContent(), { timeout: 15_000 })
      .toContain("6 tháng 2024");
    expect(await page.locator("tbody").textContent()).not.toContain("mô phỏng");
    const sdmx = page.getByRole("link", { name: "SDMX" });
    expect(await sdmx.getAttribute("href")).toContain("/values/export?");
  });

  it("computes the IIP of the worked example", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/tinh-iip");
    await page.getByRole("button", { name: "Điền ví dụ mẫu" }).click();
    await page.getByRole("button", { name: "Tính", exact: true }).click();
    const result = page.getByTestId("iip-result");
    await result.waitFor({ timeout: 15_000 });
    const text = await result.textContent();
    expect(text).toContain("119,8");
    expect(text).toContain("8,91%");
    expect(text).toContain("4,36");
    expect(text).toContain("4,55");
    await result.getByTestId("contribution-chart").locator("svg").first().waitFor({ timeout: 15_000 });
  });

  it("shows the API's error next to the basket input it names", async () => {
    const page = await portal.page();
    await page.goto("/thong-ke/tinh-iip");
    await page.getByRole("button", { name: "Điền ví dụ mẫu" }).click();
    const vsic = page.getByLabel("Lớp VSIC (4 số), sản phẩm 1");
    await vsic.fill("101");
    await page.getByRole("button", { name: "Tính", exact: true }).click();
    await expect.poll(() => vsic.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
  });
});

describe("statistics, for an industry official", () => {
  it("sets a target and sees it on the dashboard", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/thong-ke?year=2024");
    await page.locator(".target-card").first().waitFor({ timeout: 15_000 });
    await page.locator("#target-code").selectOption("exports");
    await page.locator("#target-year").fill("2024");
    await page.locator("#target-value").fill("30,5");
    await page.getByRole("button", { name: "Lưu" }).click();
    const card = page.getByTestId("target-exports-city");
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain("30,5 tỷ USD");
  });

  it("records a value and sees the API's complaint at the period field", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/thong-ke/chi-tieu/grdp_growth");
    await page.locator("#value-period").fill("2024-13");
    await page.locator("#value-value").fill("1,5");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.locator("#value-period").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#value-period").fill("2026-Q1");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 15_000 }).toBe("Đã lưu.");
    await expect.poll(() => page.locator("tbody").textContent(), { timeout: 15_000 }).toContain("Quý 1/2026");
  });
});
