import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hp-cli-iip-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run iip:recompute", () => {
  it("recomputes the demo's IIP with progress and its indicator values", async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const { stdout, stderr } = await run(
      process.execPath,
      ["scripts/node.mjs", "server/src/cli/iip-recompute.ts", "--all"],
      // The demo city is seeded on first open, its production and IIP included.
      { cwd: ROOT, env: { ...env, DATA_DIR: path.join(dir, "data"), DEMO: "true", LOG_LEVEL: "silent" } },
    );
    const months = Number(/^(\d+) tháng\/months/m.exec(stdout)?.[1]);
    // From January 2018 to last month.
    const now = new Date();
    expect(months).toBe((now.getUTCFullYear() - 2018) * 12 + now.getUTCMonth());
    expect(stdout).toMatch(/[1-9]\d* giá trị chỉ tiêu\/indicator values/);
    expect(stderr).toContain("IIP 100%");
  }, 240_000);
});
