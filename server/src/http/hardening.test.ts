import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("hardening", () => {
  it("sends security headers on API answers", async () => {
    const res = await t.app.inject({ url: "/api/v1/zones" });
    expect(res.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "referrer-policy": "no-referrer",
      "strict-transport-security": expect.stringContaining("max-age="),
    });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("keeps CORS off unless origins are configured", async () => {
    const res = await t.app.inject({ url: "/api/v1/zones", headers: { origin: "https://evil.example" } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const cors = await createTestApp({ env: { CORS_ORIGINS: "https://portal.haiphong.gov.vn" } });
    try {
      const allowed = await cors.app.inject({
        method: "OPTIONS",
        url: "/api/v1/zones",
        headers: { origin: "https://portal.haiphong.gov.vn", "access-control-request-method": "GET" },
      });
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://portal.haiphong.gov.vn");
      const other = await cors.app.inject({
        url: "/api/v1/zones",
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await cors.close();
    }
  });

  it("refuses oversized bodies with a clear error", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/v1/zones",
      headers: { "content-type": "application/json" },
      payload: `{"name_vi":"${"x".repeat(3 * 1024 * 1024)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("common.payload_too_large");
  });

  it("does not leak SQL or stack traces when a request fails inside", async () => {
    const broken = await createTestApp();
    await broken.handle.close();
    try {
      const res = await broken.app.inject({ url: "/api/v1/zones" });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe("common.internal");
      expect(res.body).not.toMatch(/select|stack|at .*\.ts|closed/i);
    } finally {
      await broken.close().catch(() => {});
    }
  });
});
