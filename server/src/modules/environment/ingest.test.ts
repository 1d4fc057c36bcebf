import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { createIngester, type Ingester } from "./ingest.service.ts";
import { parseCsvReadings, parseDataloggerFile, parseJsonReadings } from "./readings.ts";
import { aqiMap } from "./station-data.service.ts";
import { createStation } from "./stations.service.ts";

let t: TestContext;
let ingester: Ingester;
// A fixed, closed past: 2026-11-20 00:00 Vietnam time.
const DAY0 = Date.parse("2026-11-19T17:00:00Z");
const at = (minutes: number) => new Date(DAY0 + minutes * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  ingester = createIngester(t.handle.db, t.handle.copyTransaction);
  await createStation(t.handle.db, SYSTEM_ACTOR, {
    code: "KK-TEST-01",
    name_vi: "Trạm không khí thử",
    kind: "ambient_air",
    limit_table: "QCVN05:2023",
    coefficients: {},
    interval_seconds: 300,
    location: { lon: 106.75, lat: 20.85 },
    parameters: [{ parameter: "PM2.5" }, { parameter: "PM10" }, { parameter: "CO" }, { parameter: "O3" }],
  });
  await createStation(t.handle.db, SYSTEM_ACTOR, {
    code: "NT-TEST-01",
    name_vi: "Trạm nước thải thử",
    kind: "wastewater",
    limit_table: "QCVN40:2011",
    limit_column: "B",
    coefficients: { Kq: 0.9, Kf: 1.0 },
    interval_seconds: 300,
    parameters: [
      { parameter: "COD" },
      { parameter: "pH" },
      { parameter: "TSS" },
      { parameter: "AOX", unit: "mg/L" },
    ],
  });
});
afterAll(() => t.close());

const json = (readings: object[], station: string | null = null) =>
  ingester.ingest({
    parsed: parseJsonReadings(JSON.stringify({ readings }), station, 100_000),
    channel: "http",
  });

async function scalar<T>(query: string): Promise<T> {
  const { rows } = await sql.raw<Record<string, T>>(query).execute(t.handle.db);
  return Object.values(rows[0] ?? {})[0] as T;
}

describe("ingestion", () => {
  it("stores each reading once, however often it is sent, and counts duplicates", async () => {
    const readings = Array.from({ length: 12 }, (_, i) => ({
      station: "NT-TEST-01",
      parameter: "TSS",
      value: 40 + i,
      unit: "mg/L",
      time: at(i * 5),
    }));
    const first = await json(readings);
    expect(first).toMatchObject({ received: 12, stored: 12, duplicates: 0, rejected: 0 });
    const again = await json([...readings.slice(6), ...readings.slice(6)]);
    expect(again).toMatchObject({ received: 12, stored: 0, duplicates: 12 });
    expect(await scalar<number>("select count(*)::int from env_observation")).toBe(12);
    const hourly = await scalar<number>("select n_valid from env_hourly");
    expect(hourly).toBe(12);
  });

  it("keeps hourly sums exact when late and out-of-order readings arrive in concurrent submissions", async () => {
    const values = Array.from({ length: 24 }, (_, i) => ({
      station: "NT-TEST-01",
      parameter: "pH",
      value: 7 + (i % 3) / 10,
      time: at(60 + i * 5),
    }));
    const shuffled = [...values].reverse();
    const results = await Promise.all([
      json(shuffled.slice(0, 10)),
      json(shuffled.slice(5, 20)),
      json(shuffled.slice(15)),
    ]);
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(24);
    const sums = await scalar<string>(
      "select string_agg(n_valid || ':' || round(sum_valid::numeric, 6), ',' order by hour) from env_hourly h join env_datastream d on d.id = h.datastream_id where d.parameter = 'pH'",
    );
    const expected = [values.slice(0, 12), values.slice(12)].map(
      (h) => `12:${h.reduce((a, r) => a + r.value, 0).toFixed(6)}`,
    );
    expect(sums).toBe(expected.join(","));
  });

  it("refuses unknown stations, parameters, units, impossible values and bad times, with reasons the owner can read", async () => {
    const result = await json([
      { station: "KHONG-CO", parameter: "PM2.5", value: 1, time: at(0) },
      { station: "NT-TEST-01", parameter: "Unobtainium", value: 1, time: at(0) },
      { station: "NT-TEST-01", parameter: "COD", value: 1, unit: "ug/m3", time: at(0) },
      { station: "NT-TEST-01", parameter: "pH", value: 15, time: at(300) },
      { station: "NT-TEST-01", parameter: "COD", value: "abc", time: at(0) },
      { station: "NT-TEST-01", parameter: "COD", value: 1, time: "2026-11-20 10:00" },
      { station: "NT-TEST-01", parameter: "COD", value: 1, time: "2099-01-01T00:00:00Z" },
      { station: "NT-TEST-01", parameter: "COD", value: 1, time: at(0), status: "07" },
    ]);
    expect(result.stored).toBe(0);
    expect(result.refusals.map((r) => r.reason)).toEqual([
      "value.invalid",
      "time.invalid",
      "time.future",
      "status.invalid",
      "station.unknown",
      "parameter.unknown",
      "unit.mismatch",
      "value.impossible",
    ]);
    const owned = await scalar<number>(
      "select count(*)::int from env_rejection r join env_station s on s.id = r.station_id where s.code = 'NT-TEST-01'",
    );
    expect(owned).toBe(7);
  });

  it("reads CSV and data logger files (decimal comma, PM2,5, Vietnam time)", async () => {
    const csv = parseCsvReadings(
      `station,parameter,time,value,unit,status\nKK-TEST-01,PM10,${at(0)},55.5,ug/m3,00\n`,
      10,
    );
    expect(csv.refusals).toEqual([]);
    const logger = parseDataloggerFile(
      "PM2,5\t35,2\tug/m3\t20261120000500\t00\r\nCO\t1,2\tmg/m3\t20261120000500\t01\r\n",
      "KK-TEST-01",
      10,
    );
    expect(
      logger.readings.map((r) => [r.parameter, r.value, new Date(r.time).toISOString(), r.status]),
    ).toEqual([
      ["PM2.5", 35.2, at(5), 0],
      ["CO", 1.2, at(5), 1],
    ]);
    const stored = await ingester.ingest({ parsed: logger, channel: "file" });
    expect(stored.stored).toBe(2);
    // mg/m³ is converted to the stream's µg/Nm³.
    expect(
      await scalar<number>(
        "select result from env_observation o join env_datastream d on d.id = o.datastream_id where d.parameter = 'CO'",
      ),
    ).toBe(1200);
  });

  it("judges closed hours against Cmax = C·Kq·Kf and opens one case per episode", async () => {
    // COD column B: 150 × 0,9 × 1,0 = 135 mg/L. Hours 3 and 4 above it, hour 5 below, hour 6 above again.
    const hourValue = [100, 100, 100, 140, 150, 90, 160, 100];
    const readings = hourValue.flatMap((v, h) =>
      Array.from({ length: 12 }, (_, i) => ({
        station: "NT-TEST-01",
        parameter: "COD",
        value: v,
        time: at(h * 60 + i * 5),
      })),
    );
    await json(readings);
    const exceedances = await scalar<string>(
      "select string_agg(to_char(period_end at time zone 'Asia/Ho_Chi_Minh', 'HH24') || '=' || value || '/' || limit_value, ',' order by period_end) from env_exceedance",
    );
    expect(exceedances).toBe("04=140/135,05=150/135,07=160/135");
    const cases = await scalar<string>(
      "select string_agg(code || ':' || status || ':' || exceedance_count || ':' || peak_value, ',') from env_case",
    );
    expect(cases).toMatch(/^VP-\d{4}-00001:open:3:160$/);
    const events = await scalar<string>("select string_agg(kind, ',' order by id) from env_case_event");
    expect(events).toBe("opened,extended");
  });

  it("computes the hourly VN_AQI with NowCast for ambient stations", async () => {
    const day = 24 * 60;
    const readings = [30, 60, 90].flatMap((v, h) =>
      Array.from({ length: 12 }, (_, i) => ({
        station: "KK-TEST-01",
        parameter: "PM2.5",
        value: v,
        time: at(day + h * 60 + i * 5),
      })),
    );
    await json([...readings, { station: "KK-TEST-01", parameter: "PM2.5", value: 80, time: at(day + 180) }]);
    const aqi = await scalar<string>(
      `select string_agg(to_char(hour at time zone 'Asia/Ho_Chi_Minh', 'HH24') || '=' || aqi, ',' order by hour)
       from env_aqi_hourly a join env_station s on s.id = a.station_id where s.code = 'KK-TEST-01' and hour >= '${at(day)}'`,
    );
    // 00h: one hour only, NowCast needs 2 of the latest 3: no index.
    // 01h: [60, 30], w* = 0,5 → (60 + 15) / 1,5 = 50 → 100.
    // 02h: [90, 60, 30], w* = 1/3 → w = 0,5 → 127,5 / 1,75 = 72,86 → 138.
    // 03h (one reading so far): [80, 90, 60, 30] → 143,75 / 1,875 = 76,67 → 144.
    expect(aqi).toBe("01=100,02=138,03=144");
    // The map shows the latest hour, with its category.
    const map = await aqiMap(t.handle.db);
    expect(map.find((m) => m.code === "KK-TEST-01")?.aqi).toMatchObject({
      aqi: 144,
      category_vi: "Kém",
      colour: "#FF7E00",
    });
  });

  it("judges an hour that closes when the next reading arrives, reading by reading as stations send them", async () => {
    // One reading per submission, as live MQTT messages come: TSS column B is 100 × 0,9 × 1,0 = 90 mg/L.
    const start = -24 * 60;
    for (let i = 0; i <= 12; i++) {
      await json([
        { station: "NT-TEST-01", parameter: "TSS", value: i < 12 ? 95 : 50, time: at(start + i * 5) },
      ]);
    }
    const judged = await scalar<string>(
      `select string_agg(value || '/' || limit_value, ',') from env_exceedance x join env_datastream d on d.id = x.datastream_id
       where d.parameter = 'TSS' and x.period_end = '${at(start + 60)}'`,
    );
    expect(judged).toBe("95/90");
  });

  it("refuses values no sensor reports, so one message cannot fail a whole flush", async () => {
    const result = await json([
      // A parameter outside our catalogue (no range of its own): still no value beyond ±10¹².
      { station: "NT-TEST-01", parameter: "AOX", value: 1.7e308, time: at(0) },
      { station: "NT-TEST-01", parameter: "AOX", value: 1.7e308, time: at(5) },
      { station: "NT-TEST-01", parameter: "AOX", value: 0.12, time: at(10) },
    ]);
    expect(result).toMatchObject({ stored: 1, rejected: 2 });
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const parsed = parseJsonReadings(deep, "NT-TEST-01", 10);
    expect(parsed.readings).toEqual([]);
  });

  it("judges each station in its own unit when stations in one batch share a limit", async () => {
    for (const [code, unit] of [
      ["KK-UG-01", "µg/m3"],
      ["KK-MG-01", "mg/m3"],
    ] as const) {
      await createStation(t.handle.db, SYSTEM_ACTOR, {
        code,
        name_vi: `Trạm SO2 ${unit}`,
        kind: "ambient_air",
        limit_table: "QCVN05:2023",
        coefficients: {},
        interval_seconds: 300,
        parameters: [{ parameter: "SO2", unit }],
      });
    }
    ingester.forgetStations();
    // 500 µg/m³ = 0,5 mg/m³, over the 350 µg/m³ 1-hour limit, for one hour; then a reading closes it.
    const start = 2 * 24 * 60;
    const both = (minutes: number) => [
      { station: "KK-UG-01", parameter: "SO2", value: 500, time: at(start + minutes) },
      { station: "KK-MG-01", parameter: "SO2", value: 0.5, time: at(start + minutes) },
    ];
    const sent = await json(Array.from({ length: 13 }, (_, i) => both(i * 5)).flat());
    expect(sent).toMatchObject({ stored: 26, rejected: 0 });
    const judged = await scalar<string>(
      `select string_agg(s.code || ':' || x.value || '/' || x.limit_value, ',' order by s.code)
       from env_exceedance x join env_datastream d on d.id = x.datastream_id join env_station s on s.id = d.station_id
       where s.code in ('KK-UG-01', 'KK-MG-01') and x.averaging = '1h'`,
    );
    expect(judged).toBe("KK-MG-01:0.5/0.35,KK-UG-01:500/350");
  });

  it("stores exactly what was sent (COPY on PostgreSQL), and only the new part of a batch that repeats one", async () => {
    // Three days back: instants with milliseconds, values signed, tiny and large, every status code.
    const start = DAY0 - 3 * 86_400_000 + 123;
    const sent = Array.from({ length: 36 }, (_, i) => ({
      station: "NT-TEST-01",
      parameter: "AOX",
      value: [0.1, -5.25, 1e-7, 123456.789, 0][i % 5] as number,
      status: String(i % 3).padStart(2, "0"),
      time: new Date(start + i * 300_000 + (i % 7)).toISOString(),
    }));
    const first = await json(sent.slice(0, 24));
    expect(first).toMatchObject({ stored: 24, duplicates: 0 });
    // Half already stored, half new, and one new reading twice: the batch falls back to "on conflict".
    const second = await json([...sent.slice(12), sent[30] as object]);
    expect(second).toMatchObject({ received: 25, stored: 12, duplicates: 13 });
    const { rows } = await sql<{ t: Date; result: number; status: number }>`
      select o.phenomenon_time as t, o.result, o.status from env_observation o
      join env_datastream d on d.id = o.datastream_id
      where d.parameter = 'AOX' and o.phenomenon_time < ${new Date(DAY0 - 86_400_000)}
      order by o.phenomenon_time`.execute(t.handle.db);
    expect(rows.map((r) => [new Date(r.t).toISOString(), r.result, r.status])).toEqual(
      sent.map((r) => [r.time, r.value, Number(r.status)]),
    );
    // Hourly sums count status 00 only, and every reading once.
    const hours = await scalar<string>(
      `select string_agg(n_received || '/' || n_valid || '/' || round(sum_valid::numeric, 7), ',' order by hour)
       from env_hourly h join env_datastream d on d.id = h.datastream_id
       where d.parameter = 'AOX' and h.hour < '${new Date(DAY0 - 86_400_000).toISOString()}'`,
    );
    const expected = [0, 1, 2].map((h) => {
      const inHour = sent.filter((r) => Math.floor((Date.parse(r.time) - DAY0) / 3600_000) === h - 72);
      const valid = inHour.filter((r) => r.status === "00");
      return `${inHour.length}/${valid.length}/${valid.reduce((a, r) => a + r.value, 0).toFixed(7)}`;
    });
    expect(hours).toBe(expected.join(","));
  });

  it("judges an hour by all its readings when late ones arrive after it was judged", async () => {
    // Four days back, COD (Cmax 135 mg/L): half an hour at 100 and a reading in the next hour close
    // the hour within its limit; the other half arrives late at 200 (one of them flagged 01, not
    // counted), and the hour's mean becomes (6 × 100 + 5 × 200) / 11 = 145,45…, over the limit.
    const start = -4 * 24 * 60;
    const cod = (minutes: number, value: number, status = "00") => ({
      station: "NT-TEST-01",
      parameter: "COD",
      value,
      status,
      time: at(start + minutes),
    });
    const hourEnd = at(start + 60);
    const exceedance = () =>
      scalar<string | null>(
        `select string_agg(round(x.value::numeric, 4) || '/' || x.limit_value, ',') from env_exceedance x
         join env_datastream d on d.id = x.datastream_id
         where d.parameter = 'COD' and x.averaging = '1h' and x.period_end = '${hourEnd}'`,
      );
    await json([...[0, 5, 10, 15, 20, 25].map((m) => cod(m, 100)), cod(60, 100)]);
    expect(await exceedance()).toBeNull();
    await json([30, 35, 40, 45, 50, 55].map((m, i) => cod(m, 200, i === 0 ? "01" : "00")));
    expect(await exceedance()).toBe(`${(1600 / 11).toFixed(4)}/135`);
  });
});
