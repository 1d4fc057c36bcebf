/**
 * Monthly production reports through the screens: an enterprise submits a month (a bad line is named,
 * a jump is flagged, not refused), an industry official confirms the flagged figure from the review
 * queue, and sending the month again revises it with the history kept. The tests run in order and
 * share the figure they create. The demo enterprise makes TVs (2640.01, thousand units), about 300–450 a
 * month in its synthetic history, and the demo city has every month up to 10/2026.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Portal, signIn, startPortal } from "./portal.ts";

const MONTH = "2026-10";
let portal: Portal;
let figureId = "";

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

async function pickProduct(page: Page, line: number, typed: string): Promise<void> {
  const name = `Sản phẩm, dòng ${line}`;
  const picker = page.getByRole("combobox", { name });
  await picker.fill(typed);
  await page.getByRole("listbox", { name }).getByRole("option").first().waitFor();
  await picker.press("Enter");
}

async function openForm(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Thống kê", exact: true }).click();
  await page.getByRole("link", { name: "Báo cáo sản lượng", exact: true }).click();
  await page.getByRole("link", { name: "Nộp sản lượng tháng" }).click();
  await page.waitForURL(/\/thong-ke\/san-luong\/nop$/);
  await page.locator("#production-month").selectOption(MONTH);
}

describe("monthly production reports", () => {
  it("refuses a line whose unit does not convert, naming the line, and stores nothing", async () => {
    const page = await portal.page();
    await signIn(page, "doanhnghiep");
    await openForm(page);
    // The enterprise's own company is chosen for it.
    expect(await page.locator("#production-enterprise").inputValue()).toMatch(/^\d{10}$/);
    expect(await page.locator("#production-enterprise").isEditable()).toBe(false);
    await pickProduct(page, 1, "ti vi");
    expect(await page.getByRole("combobox", { name: "Sản phẩm, dòng 1" }).inputValue()).toBe(
      "2640.01 · Ti vi",
    );
    expect(await page.getByLabel("Đơn vị tính, dòng 1").inputValue()).toBe("nghìn chiếc");
    await page.getByLabel("Sản lượng, dòng 1").fill("4.000");
    await page.getByRole("button", { name: "Thêm dòng" }).click();
    // Accents optional: "dien san xuat" finds "Điện sản xuất".
    await pickProduct(page, 2, "dien san xuat");
    await page.getByLabel("Sản lượng, dòng 2").fill("12,5");
    await page.getByLabel("Đơn vị tính, dòng 2").fill("tấn");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    const summary = page.getByTestId("line-errors");
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.textContent()).toContain(
      "Dòng 2 · Đơn vị tính: Điện sản xuất tính bằng triệu kWh, kWh, MWh, GWh, không phải tấn.",
    );
    expect(await page.getByLabel("Đơn vị tính, dòng 2").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("line-2").locator(".field-error").textContent()).toContain(
      "không phải tấn",
    );
    expect(await page.getByTestId("line-1").locator(".field-error").count()).toBe(0);
    expect(await page.getByTestId("production-result").count()).toBe(0);
  });

  it("stores a figure far above the enterprise's history, flagged for review, not refused", async () => {
    const page = await portal.page();
    await signIn(page, "doanhnghiep");
    await openForm(page);
    await pickProduct(page, 1, "ti vi");
    await page.getByLabel("Sản lượng, dòng 1").fill("4.000");
    await page.getByRole("button", { name: "Thêm dòng" }).click();
    await pickProduct(page, 2, "dien san xuat");
    await page.getByLabel("Sản lượng, dòng 2").fill("12,5");
    await page.getByLabel("Đơn vị tính, dòng 2").fill("MWh");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    const result = page.getByTestId("production-result");
    await result.waitFor({ timeout: 15_000 });
    expect(await result.locator("h2").textContent()).toContain("Đã nhận báo cáo tháng 10/2026");
    const tv = result.locator("tr[data-product='2640.01']");
    expect(await tv.locator("td.num").textContent()).toBe("4.000 nghìn chiếc");
    expect(await tv.locator("[data-status]").textContent()).toBe("cần xem lại");
    expect(await tv.locator(".flags").textContent()).toMatch(
      /4\.000 khác thường so với trung vị [\d.,]+ của 12 tháng/,
    );
    // The demo city already had a (synthetic) TV figure for the month: this one revises it.
    expect(await tv.getByTestId("revision").textContent()).toBe("Điều chỉnh lần 1");
    // 12.5 MWh is 0.0125 million kWh, the product's unit; a new product for the enterprise, no history.
    const power = result.locator("tr[data-product='3511.01']");
    expect(await power.locator("td.num").textContent()).toBe("0,0125 triệu kWh");
    expect(await power.locator("[data-status]").textContent()).toBe("đã nhận");
    expect(await power.getByTestId("revision").textContent()).toBe("Số liệu mới");
    const href = await tv.getByRole("link").getAttribute("href");
    figureId = /\/thong-ke\/san-luong\/(\d+)$/.exec(href ?? "")?.[1] ?? "";
    expect(figureId).not.toBe("");
  });

  it("lets an official confirm the flagged figure from the review queue, which it then leaves", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    await page.goto("/thong-ke/san-luong");
    await page.getByRole("link", { name: "Chờ xác nhận" }).click();
    await page.waitForURL(/\/cho-duyet$/);
    const row = page.locator("tbody tr", { has: page.locator(`a[href='/thong-ke/san-luong/${figureId}']`) });
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.locator("td").nth(3).textContent()).toBe("4.000 nghìn chiếc");
    // Beside it, the enterprise's own last twelve months: their median, and how far above it the figure is.
    const recent = row.getByTestId("recent-history");
    await expect
      .poll(() => recent.textContent(), { timeout: 15_000 })
      .toMatch(/Trung vị: [\d.,]+ nghìn chiếc/);
    expect(await recent.textContent()).toContain("12 tháng có số liệu");
    await row.getByLabel("Ghi chú (không bắt buộc)").fill("Đơn hàng xuất khẩu mới, đã xác minh");
    await row.getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await page.goto(`/thong-ke/san-luong/${figureId}`);
    const facts = page.getByTestId("figure-facts");
    await expect
      .poll(() => facts.locator("[data-status]").textContent(), { timeout: 15_000 })
      .toBe("đã xác nhận");
    expect(await facts.textContent()).toContain("socongthuong");
    expect(await facts.textContent()).toContain("Đơn hàng xuất khẩu mới, đã xác minh");
  });

  it("revises the month when it is sent again, keeping every earlier value in the history", async () => {
    const page = await portal.page();
    await signIn(page, "doanhnghiep");
    await openForm(page);
    await pickProduct(page, 1, "2640");
    await page.getByLabel("Sản lượng, dòng 1").fill("4.200");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    const result = page.getByTestId("production-result");
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getByTestId("revision").textContent()).toBe("Điều chỉnh lần 2");
    await result.getByRole("link", { name: "Ti vi" }).click();
    await page.waitForURL(new RegExp(`/thong-ke/san-luong/${figureId}$`));
    const history = page.getByTestId("revision-history");
    await history.waitFor({ timeout: 15_000 });
    const latest = history.locator("tr[data-revision='3']");
    expect(await latest.locator("td").nth(0).textContent()).toBe("4.000 nghìn chiếc");
    expect(await latest.locator("td").nth(1).textContent()).toBe("4.200 nghìn chiếc");
    expect(await latest.locator("td").nth(3).textContent()).toBe("doanhnghiep");
    // The replaced figure keeps the confirmation it had; the first one was the demo's.
    const confirmed = history.locator("tr[data-revision='2']");
    expect(await confirmed.locator("td").nth(1).textContent()).toBe("4.000 nghìn chiếc");
    expect(await confirmed.locator("[data-status]").textContent()).toBe("đã xác nhận");
    expect(await history.locator("tr[data-revision='1'] td").nth(0).textContent()).toBe("nộp lần đầu");
    expect(await history.locator("tbody tr").count()).toBe(3);
  });

  it("lists the enterprise's own figures with filters, and exports what is shown", async () => {
    const page = await portal.page();
    await signIn(page, "doanhnghiep");
    await page.goto("/thong-ke/san-luong?status=flagged");
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain("4.200 nghìn chiếc");
    expect(await rows.first().textContent()).toContain("10/2026");
    // An enterprise sees its own figures only: no enterprise column, no enterprise filter.
    expect(await page.getByRole("columnheader", { name: "Doanh nghiệp" }).count()).toBe(0);
    const csv = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csv).toContain("/api/v1/statistics/production/export?");
    expect(csv).toContain("status=flagged");
    await page.getByLabel("Tình trạng").selectOption("");
    await page.getByLabel("Tìm kiếm").fill("dien san xuat");
    await page.waitForURL(/q=dien\+san\+xuat/);
    await expect.poll(() => rows.first().textContent(), { timeout: 15_000 }).toContain("Điện sản xuất");
  });
});
