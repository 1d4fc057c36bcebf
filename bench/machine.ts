/** What the numbers were measured on. */
import { readFile } from "node:fs/promises";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
}

async function cpuModel(): Promise<string> {
  try {
    const cpuinfo = await readFile("/proc/cpuinfo", "utf8");
    const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
    if (model) return model.trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return os.cpus()[0]?.model ?? "unknown";
}

/** 1-minute load average: other work on the machine skews every number, so the report shows it. */
export const loadAverage = (): number => os.loadavg()[0] ?? 0;

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: await cpuModel(),
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}
