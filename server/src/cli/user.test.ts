import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;
let dir: string;

/** Runs a CLI script as an operator would, on its own embedded database, with `input` piped in. */
function cli(
  script: string,
  args: string[],
  input = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/node.mjs", `server/src/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...env, DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent", PASSWORD_HASH_COST: "10" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hp-user-"));
  const migrated = await cli("migrate", []);
  expect(migrated.code).toBe(0);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run user and npm run audit:verify", () => {
  it("creates, lists and disables an account from the console, each step audited", async () => {
    const created = await cli(
      "user",
      ["create", "--username", "ops.admin", "--role", "admin", "--name", "Quản trị vận hành"],
      "mat-khau-van-hanh-2026\n",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/created ops\.admin \(admin\)/);

    const weak = await cli(
      "user",
      ["create", "--username", "yeu", "--role", "leader", "--name", "Yếu"],
      "ngan\n",
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("password: Mật khẩu cần ít nhất 12 ký tự.");

    const unknownRole = await cli("user", ["create", "--username", "x1x", "--role", "boss", "--name", "X"]);
    expect(unknownRole.code).toBe(2);
    expect(unknownRole.stderr).toContain('unknown role "boss"');

    expect((await cli("user", ["disable", "--username", "ops.admin"])).stdout).toContain(
      "disabled ops.admin",
    );
    const listed = await cli("user", ["list"]);
    expect(listed.stdout).toMatch(/ops\.admin\s+admin\s+disabled/);

    const verified = await cli("audit-verify", []);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("audit chain intact: 2");
  }, 120_000);
});
