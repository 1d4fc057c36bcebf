import { describe, expect, it } from "vitest";
import { limitRowsCsv, parseLimitCsv, shippedLimitRows } from "./limit-tables.ts";
import { factorOf, findLimit, type LimitRow, verdict } from "./limits.ts";

const rowOf = (
  rows: LimitRow[] | undefined,
  parameter: string,
  column: string,
  averaging = "1h",
  on = "2026-11-21",
) => findLimit(rows ?? [], { parameter, averaging, column, on }) as LimitRow;

describe("limit checks", () => {
  it("steps the PM2.5 24-hour limit of QCVN 05:2023 from 50 to 45 µg/Nm³ on 2026-01-01", async () => {
    const ambient = (await shippedLimitRows())["QCVN05:2023"];
    expect(rowOf(ambient, "PM2.5", "-", "24h", "2025-12-31").max).toBe(50);
    expect(rowOf(ambient, "PM2.5", "-", "24h", "2026-01-01").max).toBe(45);
    expect(verdict(rowOf(ambient, "PM2.5", "-", "24h"), 47, 1)).toMatchObject({ exceeded: true, cmax: 45 });
  });

  it("scales wastewater C by Kq × Kf where the row says so (COD column B: 150 × 0,9 × 1,0 = 135)", async () => {
    const water = (await shippedLimitRows())["QCVN40:2011"];
    const factor = factorOf("wastewater", { Kq: 0.9, Kf: 1.0 });
    expect(verdict(rowOf(water, "COD", "B"), 140, factor)).toMatchObject({
      limit: 150,
      cmax: 135,
      exceeded: true,
      verified: true,
    });
    // Temperature is not scaled: Cmax = C.
    expect(verdict(rowOf(water, "Temp", "B"), 40, 1.2)).toMatchObject({ cmax: 40, exceeded: false });
  });

  it("checks ranges such as pH without scaling them, and flags rows written from recall", async () => {
    const tables = await shippedLimitRows();
    expect(verdict(rowOf(tables["QCVN40:2011"], "pH", "B"), 9.4, 0.9)).toMatchObject({
      cmax: { min: 5.5, max: 9 },
      exceeded: true,
    });
    const dust = rowOf(tables["QCVN19:2009"], "Total dust", "B");
    expect(dust.parameter).toBe("PM");
    expect(verdict(dust, 150, factorOf("emission", { Kp: 1, Kv: 1 }))).toMatchObject({
      cmax: 200,
      exceeded: false,
      verified: true,
    });
    expect(verdict(rowOf(tables["QCVN19:2009"], "PM", "A"), 150, 1)).toMatchObject({ verified: false });
  });

  it("reads back its own CSV export, and names the line and column of each problem", async () => {
    const water = (await shippedLimitRows())["QCVN40:2011"] ?? [];
    expect(parseLimitCsv(limitRowsCsv(water))).toEqual(water);
    const bad =
      "parameter,averaging,column,limit,unit,verified\nCOD,1h,B,abc,mg/l,true\nCOD,2h,B,150,mg/l,maybe\n";
    expect(() => parseLimitCsv(bad)).toThrowError(/Dòng 2, cột limit|2 lỗi|problems/);
    try {
      parseLimitCsv(bad);
    } catch (error) {
      const issues = (error as { issues: Array<{ row: number; column: string }> }).issues;
      expect(issues.map((i) => `${i.row}:${i.column}`)).toEqual(["2:limit", "3:averaging", "3:verified"]);
    }
  });
});
