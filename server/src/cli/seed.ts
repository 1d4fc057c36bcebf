/** `npm run seed`: loads reference data and the demo city into any database (once). */
import { openConfiguredDatabase, prepareDatabase, settleDemoUsers } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";

const config = loadConfig({ ...process.env, DEMO: "true" });
const handle = await openConfiguredDatabase(config);
try {
  const started = performance.now();
  const log = (...args: unknown[]) =>
    console.log(...args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))));
  await prepareDatabase(handle, config, { info: log });
  await settleDemoUsers(handle, config, { info: log, warn: log });
  console.log(`Xong / done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await handle.close();
}
