import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight.ts";

describe("singleFlight", () => {
  it("runs one computation for concurrent callers with the same key", async () => {
    let runs = 0;
    const get = singleFlight(async (key: string) => {
      const run = ++runs;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${key}:${run}`;
    });
    const results = await Promise.all([get("a"), get("a"), get("b"), get("a")]);
    expect(results).toEqual(["a:1", "a:1", "b:2", "a:1"]);
    expect(await get("a")).toBe("a:3");
  });

  it("lets the next caller retry after a failure", async () => {
    let fail = true;
    const get = singleFlight(async () => {
      if (fail) throw new Error("down");
      return "ok";
    });
    await expect(get("x")).rejects.toThrow("down");
    fail = false;
    expect(await get("x")).toBe("ok");
  });
});
