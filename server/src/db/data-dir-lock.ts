/**
 * One process at a time on an embedded database: PGlite is a single-user PostgreSQL, and two
 * processes writing the same directory corrupt it. The lock is a file created exclusively with the
 * owner's pid; a lock whose process is gone (a crash, a kill) is taken over.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export class DataDirBusyError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, "server.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: "wx" });
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new DataDirBusyError(
          `Thư mục dữ liệu ${dir} đang được tiến trình ${owner} sử dụng; mỗi lúc chỉ một máy chủ dùng cơ sở dữ liệu nhúng. / The data directory ${dir} is in use by process ${owner}; only one server may use the embedded database at a time.`,
        );
      // The owner is gone: the lock is stale.
      await rm(file, { force: true });
    }
  }
  throw new DataDirBusyError(`Không khoá được ${file}. / Could not lock ${file}.`);
}
