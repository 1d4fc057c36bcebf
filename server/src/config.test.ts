import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("has safe embedded defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      demo: true,
      logLevel: "info",
    });
    expect(config.dataDir.endsWith(".data")).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("turns the demo off by default against PostgreSQL", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", DEMO: "true" }).demo).toBe(true);
  });

  it("lists every bad variable at once", () => {
    try {
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", DEMO: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "DEMO"]) expect(problems).toContain(name);
    }
  });
});
