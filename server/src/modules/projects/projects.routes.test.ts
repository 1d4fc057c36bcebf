import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, INSIDE, type TestContext } from "../../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.inject({
    method: "POST",
    url: "/api/v1/zones",
    payload: {
      code: "KCN-P1",
      name_vi: "KCN Thử",
      kind: "kcn",
      location: INSIDE,
      total_area_ha: 100,
      status: "operating",
    },
  });
  await t.inject({
    method: "POST",
    url: "/api/v1/enterprises",
    payload: {
      tax_code: "0101248141",
      name_vi: "Công ty Thử",
      ownership: "foreign",
      investor_countries: [{ country: "JP", share: 100 }],
      vsic_main: "2640",
    },
  });
});
afterAll(() => t.close());

const project = (irc: string, extra: Record<string, unknown> = {}) => ({
  irc_number: irc,
  name_vi: "Dự án nhà máy linh kiện điện tử Hải Âu",
  enterprise_tax_code: "0101248141",
  investors: [{ name: "Haiau Electronics Corp.", country: "JP" }],
  zone_code: "KCN-P1",
  location: INSIDE,
  vsic_codes: ["2619"],
  currency: "USD",
  registered_capital: 10_000_000,
  vnd_per_usd: 25_000,
  rate_date: "2025-01-02",
  issued_on: "2025-02-01",
  milestones: [{ code: "operation_start", label: "Đi vào hoạt động", due: "2026-12-31" }],
  ...extra,
});
const post = (payload: unknown) =>
  t.inject({ method: "POST", url: "/api/v1/projects", payload: payload as object });
const event = (irc: string, payload: unknown) =>
  t.inject({ method: "POST", url: `/api/v1/projects/${irc}/events`, payload: payload as object });

describe("registering a project", () => {
  it("records the issue as the first event and derives origin and capital", async () => {
    const res = await post(project("2100000001"));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      origin: "foreign",
      status: "active",
      issued_on: "2025-02-01",
      commune_code: "10507",
    });
    expect(body.capital).toMatchObject({
      currency: "USD",
      registered: 10_000_000,
      registered_usd: 10_000_000,
      registered_vnd: 250_000_000_000,
    });
    expect(body.events).toEqual([expect.objectContaining({ seq: 1, kind: "issued", amount: 10_000_000 })]);
  });

  it("converts VND capital with the project's own rate", async () => {
    const res = await post(
      project("2100000002", {
        investors: [{ name: "Công ty Việt", country: "VN" }],
        currency: "VND",
        registered_capital: 500_000_000_000,
        vnd_per_usd: 25_000,
      }),
    );
    expect(res.json().origin).toBe("domestic");
    expect(res.json().capital.registered_usd).toBe(20_000_000);
  });

  it.each([
    ["a duplicate certificate number", project("2100000001"), 409, "registry.irc_number_duplicate"],
    [
      "an unregistered enterprise",
      project("2100000009", { enterprise_tax_code: "0300588569" }),
      422,
      "registry.enterprise_unknown",
    ],
    ["an unknown VSIC code", project("2100000009", { vsic_codes: ["2610"] }), 422, "registry.vsic_unknown"],
    [
      "an implausible exchange rate",
      project("2100000009", { vnd_per_usd: 25 }),
      422,
      "registry.exchange_rate_implausible",
    ],
    ["no investor", project("2100000009", { investors: [] }), 400, "common.validation_failed"],
  ])("refuses %s", async (_name, payload, status, code) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });
});

describe("the event history", () => {
  it("derives the current state from appended events", async () => {
    await event("2100000001", {
      kind: "capital_increase",
      occurred_on: "2025-06-01",
      amount: 5_000_000,
      decision_number: "12/QĐ-BQL",
    });
    await event("2100000001", { kind: "share_purchase", occurred_on: "2025-07-01", amount: 2_000_000 });
    const res = await event("2100000001", { kind: "extension", occurred_on: "2025-08-01", months: 12 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      extended_months: 12,
      capital: { registered: 15_000_000, share_purchase: 2_000_000 },
    });
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      "issued",
      "capital_increase",
      "share_purchase",
      "extension",
    ]);
  });

  it("refuses extensions beyond 24 months in total", async () => {
    const res = await event("2100000001", { kind: "extension", occurred_on: "2025-09-01", months: 13 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "projects.extension_limit_exceeded",
      details: [expect.objectContaining({ field: "months" })],
    });
  });

  it("terminates and then refuses further events", async () => {
    const ended = await event("2100000002", {
      kind: "termination",
      occurred_on: "2025-10-01",
      decision_number: "99/QĐ-UBND",
    });
    expect(ended.json().status).toBe("terminated");
    const after = await event("2100000002", { kind: "resumption", occurred_on: "2025-11-01" });
    expect(after.json().error.code).toBe("projects.terminated");
  });

  it("refuses to change the currency of a project with capital events", async () => {
    const res = await t.inject({
      method: "PATCH",
      url: "/api/v1/projects/2100000001",
      payload: { currency: "VND" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("projects.currency_locked");
  });

  it("keeps the history when attributes are edited", async () => {
    const res = await t.inject({
      method: "PATCH",
      url: "/api/v1/projects/2100000001",
      payload: { land_area_ha: 4.5, disbursed_capital: 3_000_000, disbursed_as_of: "2025-12-31" },
    });
    expect(res.json()).toMatchObject({
      land_area_ha: 4.5,
      capital: { registered: 15_000_000, disbursed: 3_000_000 },
    });
    expect(res.json().events).toHaveLength(4);
    // Fields the PATCH did not name keep their values.
    expect(res.json().milestones).toEqual([
      expect.objectContaining({ code: "operation_start", due: "2026-12-31" }),
    ]);
    expect(res.json().name_vi).toBe("Dự án nhà máy linh kiện điện tử Hải Âu");
  });
});

describe("listing projects", () => {
  it("filters, sorts by capital in USD and maps", async () => {
    const foreign = await t.inject({ url: "/api/v1/projects?origin=foreign&country=JP" });
    expect(foreign.json().items.map((p: { irc_number: string }) => p.irc_number)).toEqual(["2100000001"]);
    const sorted = await t.inject({ url: "/api/v1/projects?sort=-registered_capital_usd" });
    expect(sorted.json().items.map((p: { irc_number: string }) => p.irc_number)).toEqual([
      "2100000002",
      "2100000001",
    ]);
    const search = await t.inject({ url: "/api/v1/projects?q=linh%20kien%20hai%20au" });
    expect(search.json().total).toBe(2);
    const map = await t.inject({ url: "/api/v1/projects/geojson?status=active" });
    expect(map.json().features).toHaveLength(1);
  });

  it("counts terminated projects out of the city summary", async () => {
    const res = await t.inject({ url: "/api/v1/summary" });
    expect(res.json().projects.foreign).toMatchObject({
      projects: 1,
      registered_usd: 15_000_000,
      share_purchase_usd: 2_000_000,
      disbursed_usd: 3_000_000,
    });
    expect(res.json().projects.domestic.projects).toBe(0);
  });
});
