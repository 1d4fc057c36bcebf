import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Portal, signIn, startPortal } from "./portal.ts";

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

describe("the public portal", () => {
  it("shows the zones on the map, with no tile server", async () => {
    const page = await portal.page();
    await page.goto("/ban-do");
    const map = page.getByTestId("map");
    await expect
      .poll(async () => Number(await map.getAttribute("data-zones-rendered")), { timeout: 30_000 })
      .toBeGreaterThan(50);
  });

  it("finds Đình Vũ when searching “dinh vu”", async () => {
    const page = await portal.page();
    await page.goto("/khu");
    await page.getByRole("searchbox").fill("dinh vu");
    await expect
      .poll(() => page.getByRole("link", { name: /Khu công nghiệp Đình Vũ/ }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole("link", { name: /Khu công nghiệp Đình Vũ \(1 \+ 2\)/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Đình Vũ");
  });

  it("switches to English and remembers it", async () => {
    const page = await portal.page();
    await page.goto("/");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Bức tranh công nghiệp Hải Phòng");
    await page.getByRole("button", { name: "English" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Hải Phòng's industry at a glance");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.reload();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Hải Phòng's industry at a glance");
  });
});

describe("navigation", () => {
  it("answers an unknown path inside the site, in Vietnamese, and names each page in the title", async () => {
    const page = await portal.page();
    await page.goto("/khong-ton-tai");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Không tìm thấy trang");
    expect(await page.getByRole("link", { name: "Bản đồ" }).count()).toBe(1);
    await page.getByRole("link", { name: "Khu, cụm công nghiệp", exact: true }).click();
    await expect.poll(() => page.title()).toContain("Khu kinh tế, khu và cụm công nghiệp");
  });
});

describe("the workspace", () => {
  it("shows a zone officer the API's error beside the tax-code field", async () => {
    const page = await portal.page();
    await signIn(page, "bqlkkt");
    // The zone list offers the officer's own zones (KKT Đình Vũ – Cát Hải and those inside it).
    await expect.poll(() => page.getByLabel("Khu/cụm").inputValue()).toBe("KCN-ANDUONG");
    await page.getByLabel("Số GCNĐKĐT").fill("2109990001");
    await page.getByLabel("Tên dự án").fill("Dự án thử nghiệm e2e");
    await page.getByLabel("Mã số thuế tổ chức thực hiện").fill("0200000015");
    await page.getByLabel("Nhà đầu tư").fill("E2E Investor Co.");
    await page.getByLabel(/Vốn đăng ký/).fill("5000000");
    await page.getByRole("button", { name: "Lưu dự án" }).click();
    const field = page.getByLabel("Mã số thuế tổ chức thực hiện");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const message = await page.locator("#f-enterprise_tax_code-error").textContent();
    expect(message).toContain("0200000015");
  });

  it("imports a file with bad rows and shows the report, writing nothing", async () => {
    const page = await portal.page();
    await signIn(page, "socongthuong");
    const file = path.join(tmpdir(), `hp-e2e-${Date.now()}.csv`);
    await writeFile(
      file,
      [
        "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Ngành chính (VSIC 2025)",
        "0300000057,Công ty Nhập Tốt,ngoài nhà nước,2640",
        "0300000058,Công ty Sai Mã,ngoài nhà nước,2640",
        "0300000040,Công ty Sai Ngành,ngoài nhà nước,9999",
      ].join("\n"),
    );
    await page.getByLabel("Tệp CSV hoặc XLSX").setInputFiles(file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const report = page.getByRole("status");
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toContain("không có gì được ghi");
    const rows = await page.locator("table tbody tr").allTextContents();
    expect(rows.some((r) => r.startsWith("3") && r.includes("0300000058"))).toBe(true);
    expect(rows.some((r) => r.startsWith("4") && r.includes("9999"))).toBe(true);
  });

  it("lands an enterprise user on their company's file and refuses another company's", async () => {
    const page = await portal.page();
    await signIn(page, "doanhnghiep");
    await page.waitForURL(/\/lam-viec\/doanh-nghiep\/\d{10}/);
    await expect.poll(() => page.getByTestId("contact").count()).toBe(1);
    const other = await page.evaluate(async () => {
      const list = await (await fetch("/api/v1/enterprises?zone=KCN-VSIP&page_size=5")).json();
      return list.items[0].tax_code as string;
    });
    await page.goto(`/lam-viec/doanh-nghiep/${other}`);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("không có quyền");
    expect(await page.getByTestId("contact").count()).toBe(0);
  });

  it("shows stations with their VN_AQI in words, and a station's chart with its limit line", async () => {
    const page = await portal.page();
    await page.goto("/moi-truong?kind=ambient_air");
    const badge = page.locator(".aqi-badge").first();
    await badge.waitFor({ timeout: 15_000 });
    // The category is written out, not only coloured.
    expect(await badge.textContent()).toMatch(/\d+ · (Tốt|Trung bình|Kém|Xấu|Rất xấu|Nguy hại)/);
    await page.goto("/moi-truong/tram/NT-NAMDINHVU");
    await page.locator("[role=img] svg").first().waitFor({ timeout: 15_000 });
    expect(await page.locator("[role=img] svg").first().textContent()).toContain(
      "Giới hạn 121,5 (QCVN40:2011)",
    );
  });

  it("lets an inspector take a violation case under review", async () => {
    const page = await portal.page();
    await signIn(page, "thanhtra");
    await page.goto("/moi-truong/vu-viec?status=open");
    const first = page.locator("tbody tr a[href^='/moi-truong/vu-viec/VP-']").first();
    await first.waitFor({ timeout: 15_000 });
    await first.click();
    await page.getByLabel("Trạng thái").selectOption("under_review");
    await page.getByLabel("Ghi chú").first().fill("Đối chiếu số liệu với nhật ký vận hành.");
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Đang xem xét");
    expect(await page.locator(".timeline").textContent()).toContain(
      "Đối chiếu số liệu với nhật ký vận hành.",
    );
  });

  it("lets an inspector register a station, shows the API's errors at their fields, and issues its credentials once", async () => {
    const page = await portal.page();
    await signIn(page, "thanhtra");
    await page.goto("/moi-truong");
    await page.getByRole("link", { name: "Đăng ký trạm quan trắc" }).click();
    await page.getByLabel("Mã trạm").fill("NT-E2E-01");
    await page.getByLabel("Tên trạm").fill("Cửa xả thử nghiệm");
    await page.getByLabel(/^Khu/).fill("KCN-KHONGCO");
    await page.getByLabel(/COD \(COD/).check();
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents(), { timeout: 10_000 })
      .toContain('Không có khu "KCN-KHONGCO".');
    await page.getByLabel(/^Khu/).fill("KCN-DINHVU");
    await page.getByLabel("Giấy phép (quy chuẩn, cột, hệ số)").selectOption("QCVN40:2011");
    await page.getByLabel(/pH \(pH/).check();
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.waitForURL(/\/moi-truong\/tram\/NT-E2E-01$/);
    await page.getByRole("button", { name: "Cấp tài khoản MQTT" }).click();
    await expect
      .poll(() => page.getByTestId("credentials").textContent())
      .toContain("hpi/v1/stations/NT-E2E-01/readings");
    expect(await page.getByTestId("credentials").textContent()).toMatch(/st_[A-Za-z0-9_-]{20,}/);
  });
});
