import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("health", () => {
  it("answers liveness and readiness", async () => {
    expect((await t.inject({ url: "/api/health" })).json()).toEqual({ status: "ok" });
    expect((await t.inject({ url: "/api/ready" })).json()).toMatchObject({ status: "ready" });
  });
});

describe("errors", () => {
  it("answers unknown routes with the error shape, in Vietnamese by default", async () => {
    const res = await t.inject({ url: "/api/v1/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: "common.route_not_found",
        message: expect.stringContaining("Không có đường dẫn"),
        details: [],
        request_id: expect.any(String),
      },
    });
    expect(res.headers["x-request-id"]).toBe(res.json().error.request_id);
  });

  it("names the field of a validation error, in English when asked", async () => {
    const res = await t.inject({
      url: "/api/v1/enterprises?page_size=0",
      headers: { "accept-language": "en-GB" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "common.validation_failed",
      details: [expect.objectContaining({ field: "querystring.page_size", code: "validation.too_small" })],
    });
    expect(res.json().error.message).toContain("page_size");
  });

  it("refuses malformed JSON without leaking internals", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/zones",
      payload: "{bad",
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("common.bad_request");
    expect(res.body).not.toMatch(/at \w+ \(|node_modules/);
  });

  it("refuses sort fields that are not offered", async () => {
    const res = await t.inject({ url: "/api/v1/enterprises?sort=password" });
    expect(res.statusCode).toBe(400);
  });
});

describe("OpenAPI", () => {
  it("documents every API route and matches the committed snapshot", async () => {
    const res = await t.inject({ url: "/api/openapi.json" });
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/zones",
      "/api/v1/enterprises",
      "/api/v1/projects",
      "/api/v1/imports/{kind}",
      "/api/v1/reference/tax-codes/{code}",
    ]) {
      expect(spec.paths).toHaveProperty([path]);
    }
    const snapshot = JSON.parse(
      await readFile(new URL("../../../docs/openapi.json", import.meta.url), "utf8"),
    );
    expect(spec).toEqual(snapshot);
  });

  it("serves interactive docs", async () => {
    const res = await t.inject({ url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });
});
