import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeZip } from "../../../test/make-zip.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A multipart/form-data body with one file, as a browser would send it. */
function upload(kind: string, fileName: string, content: Buffer | string, query = "") {
  const boundary = "----hpTestBoundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.inject({
    method: "POST",
    url: `/api/v1/imports/${kind}${query}`,
    payload: body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
}

const zonesCsv = [
  "Mã khu,Tên khu,Loại,Kinh độ,Vĩ độ,Tổng diện tích (ha),Đất công nghiệp (ha),Đất đã cho thuê (ha),Trạng thái,Cột lạ",
  'KCN-I1,Khu công nghiệp Nhập Một,kcn,106.335,20.975,"120,5",100,40,operating,x',
  "CCN-I2,Cụm công nghiệp Nhập Hai,cụm công nghiệp,106.335,20.975,30,25,25,đang hoạt động,y",
].join("\n");

const enterprisesCsv = (rows: string[]) =>
  [
    "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Quốc gia nhà đầu tư,Ngành chính (VSIC 2025),Mã khu/cụm,Số lao động,Ngày thành lập",
    ...rows,
  ].join("\n");

const count = async (url: string) => (await t.inject({ url })).json().total as number;

describe("importing zones and enterprises", () => {
  it("applies a valid file, reports ignored columns, and maps Vietnamese labels", async () => {
    const res = await upload("zones", "zones.csv", zonesCsv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "applied",
      total_rows: 2,
      inserted: 2,
      updated: 0,
      ignored_columns: ["Cột lạ"],
    });
    const ccn = await t.inject({ url: "/api/v1/zones/CCN-I2" });
    expect(ccn.json()).toMatchObject({ kind: "ccn", status: "operating", total_area_ha: 30 });
    expect((await t.inject({ url: "/api/v1/zones/KCN-I1" })).json().total_area_ha).toBe(120.5);
  });

  it("updates by natural key on re-import and never duplicates", async () => {
    const file = enterprisesCsv([
      '0100109106,Công ty Một,foreign,KR:100,2640,KCN-I1,"1.200",15/03/2018',
      "0300588569,Công ty Hai,ngoài nhà nước,,1010,,80,2019-01-01",
    ]);
    expect((await upload("enterprises", "dn.csv", file)).json()).toMatchObject({
      status: "applied",
      inserted: 2,
    });
    const again = await upload("enterprises", "dn.csv", file.replace("Công ty Một", "Công ty Một (đổi tên)"));
    expect(again.json()).toMatchObject({ status: "applied", inserted: 0, updated: 2 });
    expect(await count("/api/v1/enterprises")).toBe(2);
    expect((await t.inject({ url: "/api/v1/enterprises/0100109106" })).json()).toMatchObject({
      name_vi: "Công ty Một (đổi tên)",
      workers: 1200,
      established_on: "2018-03-15",
    });
  });

  it("rejects the whole file when any row is bad and reports every bad row and column", async () => {
    const file = enterprisesCsv([
      "0101248141,Công ty Ba,foreign,JP:100,2640,,10,",
      "0101248142,Công ty Bốn,foreign,JP:100,2640,,10,",
      "0900189284,Công ty Năm,foreign,JP:100,2610,KCN-NONE,mười,",
      "0101248141,Công ty Ba lặp,non_state,,2640,,10,",
      ",,foreign,,,,,",
    ]);
    const res = await upload("enterprises", "bad.csv", file);
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report.status).toBe("rejected");
    const found = report.issues.map((i: { row: number; column: string; code: string }) => [
      i.row,
      i.column,
      i.code,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, "Mã số thuế", "registry.tax_code_invalid"],
        [4, "Số lao động", "import.value_invalid"],
        [4, "Ngành chính (VSIC 2025)", "registry.vsic_unknown"],
        [4, "Mã khu/cụm", "registry.zone_unknown"],
        [5, "Mã số thuế", "import.duplicate_key"],
        [6, "Tên doanh nghiệp", "import.value_required"],
      ]),
    );
    expect(await count("/api/v1/enterprises")).toBe(2);

    const csv = await t.inject({ url: `/api/v1/imports/${report.id}?format=csv` });
    expect(csv.body).toContain("registry.tax_code_invalid");
    const stored = await t.inject({
      url: `/api/v1/imports/${report.id}`,
      headers: { "accept-language": "en" },
    });
    expect(stored.json().issues[0].message).toMatch(/[a-z]/);
    expect(stored.json()).toMatchObject({ id: report.id, status: "rejected", kind: "enterprises" });
    expect(stored.json()).not.toHaveProperty("search_text");
  });

  it("validates without writing on a dry run", async () => {
    const res = await upload(
      "enterprises",
      "dry.csv",
      enterprisesCsv(["0101248141,Công ty Ba,non_state,,2640,,10,"]),
      "?dry_run=true",
    );
    expect(res.json()).toMatchObject({ status: "valid", inserted: 0 });
    expect(await count("/api/v1/enterprises")).toBe(2);
    expect((await t.inject({ url: `/api/v1/imports/${res.json().id}` })).json().status).toBe("valid");
  });

  it.each(["vi", "en"])("re-imports its own %s CSV export without changing anything", async (lang) => {
    const before = (await t.inject({ url: "/api/v1/enterprises?sort=tax_code" })).json().items;
    const exported = await t.inject({
      url: "/api/v1/enterprises/export?format=csv",
      headers: { "accept-language": lang },
    });
    const res = await upload("enterprises", `export-${lang}.csv`, exported.body);
    expect(res.json()).toMatchObject({ status: "applied", inserted: 0, updated: before.length });
    expect((await t.inject({ url: "/api/v1/enterprises?sort=tax_code" })).json().items).toEqual(before);
  });

  it("imports XLSX files made from the template", async () => {
    const template = await t.inject({ url: "/api/v1/imports/templates/enterprises?format=xlsx&lang=en" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe("Tax code");
    sheet.spliceRows(2, 1);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const row = Object.fromEntries(headers.map((h) => [h, ""]));
    Object.assign(row, {
      "Tax code": "0101248141",
      "Name (Vietnamese)": "Công ty Sáu",
      Ownership: "state",
      "Main VSIC 2025 code": "3511",
      Workers: 45,
      Established: new Date(Date.UTC(2020, 0, 2)),
    });
    sheet.addRow(headers.map((h) => row[h]));
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload("enterprises", "dn.xlsx", buffer);
    expect(res.json().issues).toEqual([]);
    expect(res.json()).toMatchObject({ status: "applied", inserted: 1 });
    expect((await t.inject({ url: "/api/v1/enterprises/0101248141" })).json()).toMatchObject({
      workers: 45,
      established_on: "2020-01-02",
      ownership: "state",
    });
  });

  it("offers CSV templates in Vietnamese and English", async () => {
    const vi = await t.inject({ url: "/api/v1/imports/templates/projects?format=csv" });
    expect(vi.body).toContain("Số GCNĐKĐT");
    const en = await t.inject({ url: "/api/v1/imports/templates/projects?format=csv&lang=en" });
    expect(en.body).toContain("IRC number");
  });
});

describe("importing projects", () => {
  const header =
    "Số GCNĐKĐT,Tên dự án,MST tổ chức thực hiện,Nhà đầu tư,Mã khu/cụm,Mã ngành VSIC 2025,Tiền tệ,Vốn đăng ký,Tỷ giá VND/USD,Ngày tỷ giá,Ngày cấp,Mốc tiến độ";
  const row = (capital: string) =>
    `2100000001,Dự án Một,0100109106,"Haiau Corp. [KR]; Công ty Việt [VN, 0300588569]",KCN-I1,2619,USD,${capital},25.000,02/01/2025,01/02/2025,operation_start: 31/12/2026`;

  it("creates projects with their issue event, and records a capital change on re-import as an adjustment", async () => {
    expect((await upload("projects", "p.csv", `${header}\n${row("10.000.000")}`)).json()).toMatchObject({
      status: "applied",
      inserted: 1,
    });
    const first = (await t.inject({ url: "/api/v1/projects/2100000001" })).json();
    expect(first).toMatchObject({
      origin: "foreign",
      capital: { registered: 10_000_000 },
      investors: [{ country: "KR" }, { country: "VN", tax_code: "0300588569" }],
    });
    expect((await upload("projects", "p.csv", `${header}\n${row("12.000.000")}`)).json()).toMatchObject({
      status: "applied",
      updated: 1,
    });
    const second = (await t.inject({ url: "/api/v1/projects/2100000001" })).json();
    expect(second.capital.registered).toBe(12_000_000);
    expect(second.events.map((e: { kind: string }) => e.kind)).toEqual(["issued", "adjustment"]);
    expect(await count("/api/v1/projects")).toBe(1);
  });

  it("re-imports its own project export and refuses a currency change", async () => {
    const exported = await t.inject({ url: "/api/v1/projects/export?format=csv" });
    expect((await upload("projects", "p.csv", exported.body)).json()).toMatchObject({
      status: "applied",
      inserted: 0,
      updated: 1,
    });
    const events = (await t.inject({ url: "/api/v1/projects/2100000001/events" })).json();
    expect(events).toHaveLength(2);
    const changed = await upload("projects", "p.csv", exported.body.replace(",USD,", ",VND,"));
    expect(changed.json().issues[0]).toMatchObject({ row: 2, code: "projects.currency_locked" });
  });

  it("reports a badly written investor cell", async () => {
    const res = await upload(
      "projects",
      "p.csv",
      `${header}\n${row("1").replace("Haiau Corp. [KR]; ", "Haiau Corp. KR; ")}`,
    );
    expect(res.json().issues[0]).toMatchObject({
      row: 2,
      column: "Nhà đầu tư",
      code: "import.value_invalid",
    });
  });
});

describe("hostile and malformed files", () => {
  it.each([
    [
      "a binary file named .csv",
      "x.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      415,
      "import.file_type_unsupported",
    ],
    [
      "a Latin-1 CSV",
      "x.csv",
      Buffer.from("Mã số thuế\n0100109106", "latin1"),
      422,
      "import.encoding_invalid",
    ],
    ["an XLSX that is not a ZIP", "x.xlsx", Buffer.from("hello"), 415, "import.file_invalid"],
    ["a ZIP renamed .csv", "x.csv", makeZip("a.txt", Buffer.from("a")), 415, "import.file_type_unsupported"],
    [
      "a zip bomb",
      "x.xlsx",
      makeZip("xl/worksheets/sheet1.xml", Buffer.alloc(50_000_000, 0x20)),
      413,
      "import.file_too_expanded",
    ],
    [
      "a zip bomb that forges its sizes",
      "x.xlsx",
      makeZip("xl/worksheets/sheet1.xml", Buffer.alloc(50_000_000, 0x20), 1000),
      413,
      "import.file_too_expanded",
    ],
    ["missing required columns", "x.csv", "Tên doanh nghiệp\nCông ty", 422, "import.columns_missing"],
    ["an empty file", "x.csv", "", 422, "import.file_empty"],
    [
      "a file over the size limit",
      "x.csv",
      Buffer.alloc(3 * 1024 * 1024, 0x41),
      413,
      "import.file_too_large",
    ],
  ])("refuses %s with a clear error", async (_name, fileName, content, status, code) => {
    const res = await upload("enterprises", fileName, content);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(10);
  });

  it("refuses a multipart request without a file", async () => {
    const boundary = "----hpEmpty";
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/imports/zones",
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("import.file_missing");
  });

  it("lists the history with search, filters, sorting and export", async () => {
    const rejected = await t.inject({ url: "/api/v1/imports?status=rejected&q=bad&sort=-created_at" });
    expect(rejected.json().items.length).toBeGreaterThan(0);
    expect(
      rejected
        .json()
        .items.every(
          (r: { status: string; file_name: string }) =>
            r.status === "rejected" && r.file_name.includes("bad"),
        ),
    ).toBe(true);
    const csv = await t.inject({ url: "/api/v1/imports/export?format=csv&kind=zones" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("zones.csv");
  });

  it("keeps the history of imports", async () => {
    const res = await t.inject({ url: "/api/v1/imports?kind=enterprises" });
    expect(res.json().total).toBeGreaterThanOrEqual(4);
  });
});
