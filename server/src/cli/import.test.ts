import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;
let dir: string;

/** Runs `npm run import -- …` as an operator would, on its own embedded database. */
async function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["scripts/node.mjs", "server/src/cli/import.ts", ...args],
      {
        cwd: ROOT,
        env: { ...env, DATA_DIR: path.join(dir, "data"), DEMO: "false", LOG_LEVEL: "silent" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hp-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run import", () => {
  it("imports a valid file and reports counts, then refuses a bad one naming the row", async () => {
    const good = path.join(dir, "good.csv");
    await writeFile(
      good,
      "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Ngành chính (VSIC 2025)\n0100109106,Công ty Một,non_state,2640\n0300588569,Công ty Hai,state,1010\n",
    );
    const ok = await importCli("enterprises", good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("applied: 2");
    expect(ok.stderr).toContain("100%");

    const bad = path.join(dir, "bad.csv");
    await writeFile(
      bad,
      "Mã số thuế,Tên doanh nghiệp,Loại hình sở hữu,Ngành chính (VSIC 2025)\n0100109107,Công ty Ba,non_state,2640\n",
    );
    const refused = await importCli("enterprises", bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/rejected[\s\S]*dòng\/row 2 · Mã số thuế · registry\.tax_code_invalid/);
  });

  it("explains its usage when the kind is unknown", async () => {
    const res = await importCli("factories", "x.csv");
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("usage");
  });
});
