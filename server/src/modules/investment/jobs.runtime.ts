/**
 * The daily supervision job in a running server: tried at start and then every hour; the first
 * try of a Vietnamese day runs it, the others find the day claimed (by this or another instance)
 * and skip. A failure is logged and tried again at the next hour.
 */
import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { runSupervision, vietnamToday } from "./supervision.service.ts";

const HOUR = 3600_000;

export interface JobsRuntime {
  stop(): Promise<void>;
}

export function startInvestmentJobs(
  db: Db,
  log: Pick<Logger, "info" | "error">,
  everyMs = HOUR,
): JobsRuntime {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runSupervision(db, vietnamToday())
      .then((result) => {
        if (!result.skipped) log.info(result, "supervision job ran");
      })
      .catch((error: unknown) => log.error({ err: error }, "supervision job failed; retried next hour"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
