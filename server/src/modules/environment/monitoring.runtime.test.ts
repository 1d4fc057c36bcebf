import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { loadConfig } from "../../config.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { createIngester } from "./ingest.service.ts";
import { startMonitoring } from "./monitoring.runtime.ts";
import { createStation } from "./stations.service.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await createStation(t.handle.db, SYSTEM_ACTOR, {
    code: "KK-DEMO-01",
    name_vi: "Trạm không khí mô phỏng",
    kind: "ambient_air",
    limit_table: "QCVN05:2023",
    coefficients: {},
    interval_seconds: 300,
    parameters: [{ parameter: "PM2.5" }, { parameter: "PM10" }],
  });
  await sql`update env_station set is_synthetic = true where code = 'KK-DEMO-01'`.execute(t.handle.db);
});
afterAll(() => t.close());

async function scalar(query: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(query).execute(t.handle.db);
  return Number(rows[0]?.n);
}

describe("live simulator", () => {
  it("publishes with the synthetic stations' own credentials, issued once however often the server starts", async () => {
    const config = loadConfig({
      DATA_DIR: "memory://",
      LOG_LEVEL: "silent",
      DEMO: "false",
      SIMULATE: "true",
      MQTT_PORT: "0",
    });
    const ingester = createIngester(t.handle.db, t.handle.copyTransaction);
    for (let start = 0; start < 2; start++) {
      const runtime = await startMonitoring(t.handle.db, ingester, config, pino({ level: "silent" }));
      expect(runtime.simulator).not.toBeNull();
      await runtime.stop();
    }
    // The first tick went through the broker's authentication with the derived password.
    expect(
      await scalar(
        "select count(*) as n from env_observation o join env_datastream d on d.id = o.datastream_id join env_station s on s.id = d.station_id where s.code = 'KK-DEMO-01'",
      ),
    ).toBeGreaterThan(0);
    expect(
      await scalar(
        "select count(*) as n from audit_log where action = 'credentials_issue' and entity_id = 'KK-DEMO-01'",
      ),
    ).toBe(1);
  });
});
