import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirBusyError, lockDataDir } from "./data-dir-lock.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hp-lock-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the embedded database's directory lock", () => {
  it("refuses a second server while the first one's process lives, and frees the directory on close", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      await writeFile(path.join(dir, "server.lock"), String(other.pid));
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirBusyError);
      await expect(lockDataDir(dir)).rejects.toThrow(/in use by process/);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock whose process is gone, and removes it when done", async () => {
    await writeFile(path.join(dir, "server.lock"), "999999999");
    const unlock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, "server.lock"), "utf8")).toBe(String(process.pid));
    await unlock();
    await expect(readFile(path.join(dir, "server.lock"), "utf8")).rejects.toThrow();
  });
});
