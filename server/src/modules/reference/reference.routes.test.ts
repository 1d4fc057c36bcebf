import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: "GET", url, headers });

describe("administrative units", () => {
  it("lists Hải Phòng's 114 communes after the 2025 reform", async () => {
    const res = await get("/api/v1/reference/units?province=31&level=commune&page_size=500");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(114);
  });

  it("finds units accent-insensitively", async () => {
    const res = await get("/api/v1/reference/units?q=thuy%20nguyen&province=31");
    // The source spells it "Thuỷ"; a search typed with either spelling or none finds it.
    const names = res.json().items.map((u: { full_name: string }) => u.full_name.normalize("NFC"));
    expect(names).toContain("Phường Thuỷ Nguyên");
    const spelled = await get(`/api/v1/reference/units?q=${encodeURIComponent("Thủy Nguyên")}&province=31`);
    expect(spelled.json().total).toBe(res.json().total);
  });

  it("keeps the 34 provinces and no longer has Hải Dương (30)", async () => {
    const res = await get("/api/v1/reference/units?level=province&page_size=100");
    expect(res.json().total).toBe(34);
    expect(res.json().items.map((u: { code: string }) => u.code)).not.toContain("30");
  });

  it("shows which old communes a new one was formed from", async () => {
    const res = await get("/api/v1/reference/units/10507");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.full_name).toBe("Phường Thành Đông");
    expect(body.predecessors.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(["10507", "10510", "10519", "10663"]),
    );
    expect(body.predecessors[0].old_province_code).toBe("30");
  });

  it("keeps old units dated, with their successors", async () => {
    const res = await get("/api/v1/reference/units/10510?era=pre2025");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ era: "pre2025", valid_to: "2025-06-30", level: "commune" });
    expect(res.json().successors[0].code).toBe("10507");
  });

  it("serves the communes of Hải Phòng as GeoJSON", async () => {
    const res = await get("/api/v1/reference/units/geojson");
    expect(res.headers["content-type"]).toContain("application/geo+json");
    const body = res.json();
    expect(body.features).toHaveLength(114);
    expect(body.features[0].geometry.type).toMatch(/Polygon/);
  });

  it("exports the unit list with the same filters", async () => {
    const res = await get("/api/v1/reference/units/export?province=31&level=commune&format=csv");
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.trim().split("\r\n")).toHaveLength(115);
  });

  it("answers 404 for an unknown unit", async () => {
    const res = await get("/api/v1/reference/units/99999");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("common.not_found");
  });
});

describe("VSIC 2025", () => {
  it("searches names without accents and stores the version", async () => {
    const res = await get("/api/v1/reference/vsic?q=linh%20kien%20dien%20tu");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((v: { version: string }) => v.version === "2025")).toBe(true);
  });

  it("finds codes by prefix; 2018's 2610 is split into 2611 and 2619 in 2025", async () => {
    const res = await get("/api/v1/reference/vsic?q=261");
    const codes = res.json().items.map((v: { code: string }) => v.code);
    expect(codes).toEqual(expect.arrayContaining(["261", "2611", "2619"]));
    expect(codes).not.toContain("2610");
  });

  it("returns the four industrial sections as a tree", async () => {
    const res = await get("/api/v1/reference/vsic/tree");
    const tree = res.json();
    expect(tree.map((n: { code: string }) => n.code)).toEqual(["B", "C", "D", "E"]);
    expect(tree[1].children.length).toBeGreaterThan(20);
  });
});

describe("countries", () => {
  it("uses official Vietnamese names and finds them without accents", async () => {
    const res = await get("/api/v1/reference/countries?q=han%20quoc");
    expect(res.json()).toEqual([expect.objectContaining({ alpha2: "KR", name_vi: "Hàn Quốc" })]);
    const tw = await get("/api/v1/reference/countries?q=TW");
    expect(tw.json()[0].name_vi).toBe("Đài Loan (Trung Quốc)");
  });
});

describe("tax codes", () => {
  it("says whether a code is well-formed and registered", async () => {
    const res = await get("/api/v1/reference/tax-codes/0100109106");
    expect(res.json()).toMatchObject({ well_formed: true, registered: false, normalized: "0100109106" });
  });

  it("names the problem in the client's language", async () => {
    const vi = await get("/api/v1/reference/tax-codes/0100109107");
    expect(vi.json()).toMatchObject({ well_formed: false, problem: "check_digit" });
    expect(vi.json().message).toContain("Chữ số kiểm tra");
    const en = await get("/api/v1/reference/tax-codes/0100109107", { "accept-language": "en-US,en;q=0.9" });
    expect(en.json().message).toContain("check digit");
  });
});
