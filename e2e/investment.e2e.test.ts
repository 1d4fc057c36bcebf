import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Portal, signIn, startPortal } from "./portal.ts";

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

describe("investment, for an industry official", () => {
  it("labels the sample catalogue as not the official text and lists its entries", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.getByRole("link", { name: "Đầu tư", exact: true }).click();
    await page.waitForURL(/\/dau-tu\/danh-muc$/);
    const sample = page.locator(".badge.sample").first();
    await sample.waitFor({ timeout: 15_000 });
    expect(await sample.textContent()).toBe("Mẫu minh hoạ — không phải văn bản chính thức");
    await page.getByRole("link", { name: "HP-MAU-2022" }).first().click();
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.locator("tbody").textContent()).toContain("Khuyến khích");
  });

  it("screens a proposal typed the Vietnamese way and explains the result", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/dau-tu/sang-loc");
    await page.getByLabel("Tên dự án đề xuất").fill("Nhà máy linh kiện điện tử e2e");
    await page.getByLabel(/^Mã VSIC/).fill("26190");
    await page.getByLabel("Tiền tệ").selectOption("USD");
    await page.getByLabel("Tổng vốn đầu tư").fill("40.000.000");
    await page.getByLabel(/^Tỷ giá/).fill("25.000");
    await page.getByLabel("Diện tích đất (ha)").fill("12,5");
    await page.getByLabel("Trình độ công nghệ").selectOption("advanced");
    await page.getByLabel("Năm sản xuất thiết bị chính").fill("2024");
    await page.getByRole("button", { name: "Sàng lọc", exact: true }).click();
    const result = page.getByTestId("screening-result");
    await result.waitFor({ timeout: 15_000 });
    expect(await result.locator(".verdict").textContent()).toBe("Khuyến khích");
    // 40 million USD at 25,000 VND is 1,000 billion VND over 12.5 ha: 80 billion per hectare.
    expect(await result.textContent()).toContain("80 tỷ đồng/ha");
    expect(await result.locator(".badge.sample").count()).toBeGreaterThan(0);
    expect(await result.locator(".entry-result.decisive").textContent()).toContain("KK-01");
    // The stored list below shows it too.
    await expect
      .poll(() => page.locator("tbody").last().textContent(), { timeout: 15_000 })
      .toContain("Nhà máy linh kiện điện tử e2e");
  });

  it("runs today's schedule check and shows the board's chart, the schedules and the cases", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/dau-tu/giam-sat");
    await page.getByRole("button", { name: "Chạy kiểm tra hôm nay" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 30_000 })
      .toMatch(/Đã kiểm tra|đã kiểm tra rồi/);
    await page.getByTestId("supervision-chart").locator("svg").first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await page.getByRole("link", { name: "Vụ việc giám sát" }).click();
    await page.waitForURL(/\/dau-tu\/giam-sat\/vu-viec$/);
    const first = page.locator("tbody tr a[href^='/dau-tu/giam-sat/vu-viec/GS-']").first();
    await first.waitFor({ timeout: 15_000 });
    await first.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Cảnh báo");
    expect(await page.getByRole("heading", { name: "Bước tiếp theo" }).count()).toBe(1);
  });

  it("opens the investor reports, the review queue and the completeness by zone", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/dau-tu/bao-cao");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Báo cáo nhà đầu tư");
    await page.getByRole("link", { name: "Chờ tiếp nhận" }).click();
    await page.waitForURL(/\/cho-duyet$/);
    await page.getByRole("link", { name: "Quá hạn và tỷ lệ nộp" }).click();
    await page.getByTestId("completeness").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("completeness").locator("tbody tr").count()).toBeGreaterThan(0);
  });
});
