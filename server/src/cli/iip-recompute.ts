/**
 * `npm run iip:recompute [-- --all]`: computes the IIP of the months revisions marked (or, with
 * `--all`, every month with reports) on every base that holds them, then the indicator values that
 * follow from the reports; the same work as `POST /api/v1/statistics/iip/recompute`, with progress.
 */
import { openConfiguredDatabase, prepareDatabase } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { recompute } from "../modules/statistics/iip-series.service.ts";
import { feedIndicators } from "../modules/statistics/indicator-feed.ts";
import { progressBar } from "./progress.ts";

const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? "false" });
const handle = await openConfiguredDatabase(config);
try {
  await prepareDatabase(handle, config, { info: () => {} });
  const bar = progressBar("IIP");
  const done = await recompute(handle.db, {
    all: process.argv.includes("--all"),
    onProgress: (n, total) => bar(n, total, "tháng/months"),
  });
  const values = done.months ? await feedIndicators(handle.db) : 0;
  console.log(
    `${done.months} tháng/months, ${done.rows} chỉ số/indices, ${values} giá trị chỉ tiêu/indicator values, ${(done.ms / 1000).toFixed(1)} s`,
  );
} finally {
  await handle.close();
}
