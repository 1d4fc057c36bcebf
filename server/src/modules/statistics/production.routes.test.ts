import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext, type TestUser } from "../../../test/test-app.ts";

let t: TestContext;
let owner: TestUser;
let stranger: TestUser;
let statistician: TestUser;
let mine: string;

function multipart(content: string) {
  const boundary = "----hpsanluong";
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="san-luong.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const list = (await t.inject({ url: "/api/v1/enterprises?page_size=2&sort=tax_code" })).json();
  const [a, b] = list.items as Array<{ tax_code: string }>;
  mine = a?.tax_code as string;
  owner = await t.user("enterprise", { taxCodes: [mine] });
  stranger = await t.user("enterprise", { taxCodes: [b?.tax_code as string] });
  statistician = await t.user("industry_official");
});
afterAll(() => t.close());

const submit = (month: string, lines: object[], who = owner, taxCode = mine) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/statistics/production",
    headers: who.headers,
    payload: { tax_code: taxCode, month, lines },
  });

describe("monthly production reports", () => {
  it("lists products by VSIC class with the units they may be sent in", async () => {
    const res = (await t.app.inject({ url: "/api/v1/statistics/products?q=dien thoai" })).json();
    expect(res.items).toEqual([
      expect.objectContaining({
        code: "2630.01",
        vsic_class: "2630",
        unit: "nghìn chiếc",
        units: ["nghìn chiếc", "chiếc", "triệu chiếc"],
      }),
    ]);
  });

  it("takes a month's figures in the product's unit or one convertible to it", async () => {
    for (const [month, q] of [
      ["2026-01", 100],
      ["2026-02", 110],
      ["2026-03", 90],
      ["2026-04", 105],
    ] as const) {
      const res = await submit(month, [{ product: "2630.01", quantity: q, unit: "nghìn chiếc" }]);
      expect(res.statusCode).toBe(200);
    }
    const converted = await submit("2026-05", [{ product: "2630.01", quantity: 95_000, unit: "chiếc" }]);
    expect(converted.json()).toEqual([
      expect.objectContaining({ month: "2026-05", quantity: 95, status: "submitted", channel: "api" }),
    ]);
  });

  it("refuses, naming each line, an unknown product, a unit that does not fit and an open month", async () => {
    const bad = await submit("2026-06", [
      { product: "9999.01", quantity: 1, unit: "tấn" },
      { product: "2630.01", quantity: 1, unit: "tấn" },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ["lines.0.product", "statistics.product_unknown"],
      ["lines.1.unit", "statistics.unit_mismatch"],
    ]);
    const open = await submit("2099-01", [{ product: "2630.01", quantity: 1, unit: "nghìn chiếc" }]);
    expect(open.json().error.details[0]).toMatchObject({ field: "month", code: "statistics.month_open" });
    expect(
      (await submit("2026-06", [{ product: "2630.01", quantity: 1, unit: "nghìn chiếc" }], stranger))
        .statusCode,
    ).toBe(404);
  });

  it("flags a jump against the enterprise's own history for a statistician, who confirms it", async () => {
    const [jump] = (
      await submit("2026-06", [{ product: "2630.01", quantity: 400, unit: "nghìn chiếc" }])
    ).json();
    expect(jump).toMatchObject({
      status: "flagged",
      flags: [expect.objectContaining({ field: "quantity" })],
    });
    const queue = (
      await t.app.inject({
        url: "/api/v1/statistics/production?status=flagged",
        headers: statistician.headers,
      })
    ).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toContain(jump.id);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/statistics/production/${jump.id}/confirm`,
          headers: owner.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const confirmed = await t.app.inject({
      method: "POST",
      url: `/api/v1/statistics/production/${jump.id}/confirm`,
      headers: statistician.headers,
      payload: { note: "Đơn hàng xuất khẩu mới, đã xác minh" },
    });
    expect(confirmed.json()).toMatchObject({ status: "confirmed", reviewed_by: statistician.username });
  });

  it("keeps the earlier figure when a month is sent again, and marks the month for recomputation", async () => {
    const [revised] = (
      await submit("2026-02", [{ product: "2630.01", quantity: 112, unit: "nghìn chiếc" }])
    ).json();
    expect(revised).toMatchObject({ quantity: 112, revision: 2 });
    const history = (
      await t.app.inject({ url: `/api/v1/statistics/production/${revised.id}`, headers: owner.headers })
    ).json();
    expect(history.revisions).toEqual([expect.objectContaining({ revision: 1, quantity: 110 })]);
    const { rows } = await t.handle.db
      .selectFrom("stat_recompute")
      .select("month")
      .execute()
      .then((r) => ({ rows: r }));
    expect(rows.map((r) => String(r.month).slice(0, 7))).toContain("2026-02");
    expect(
      (await t.app.inject({ url: `/api/v1/statistics/production/${revised.id}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: "/api/v1/statistics/production", headers: stranger.headers })).json().total,
    ).toBe(0);
  });

  it("imports a spreadsheet of figures all or nothing, naming each bad row", async () => {
    const header = "Mã số thuế,Tháng,Mã sản phẩm,Sản lượng,Đơn vị tính";
    const bad = multipart(
      `${header}\n${mine},07/2026,2630.01,"100",nghìn chiếc\n${mine},07/2026,2630.01,5,lít\n`,
    );
    const rejected = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/production_reports",
      headers: { ...owner.headers, ...bad.headers },
      payload: bad.payload,
    });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual(
      expect.arrayContaining([[3, "statistics.unit_mismatch"]]),
    );
    const good = multipart(
      `${header}\n${mine},07/2026,2630.01,"100",nghìn chiếc\n${mine},07/2026,3511.01,"2.500",MWh\n`,
    );
    const applied = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/production_reports",
      headers: { ...owner.headers, ...good.headers },
      payload: good.payload,
    });
    expect(applied.json()).toMatchObject({ status: "applied", inserted: 2 });
    const july = (
      await t.app.inject({
        url: "/api/v1/statistics/production?from=2026-07&to=2026-07&sort=quantity",
        headers: owner.headers,
      })
    ).json();
    expect(
      july.items.map((r: { product_code: string; quantity: number; channel: string }) => [
        r.product_code,
        r.quantity,
        r.channel,
      ]),
    ).toEqual([
      ["3511.01", 2.5, "import"],
      ["2630.01", 100, "import"],
    ]);
  });
});
