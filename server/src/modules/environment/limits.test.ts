import { describe, expect, it } from "vitest";
import { limitTables } from "./limit-tables.ts";
import { ambientLimit, ambientVerdict, columnVerdict } from "./limits.ts";

describe("limit checks", () => {
  it("steps the PM2.5 24-hour limit of QCVN 05:2023 from 50 to 45 µg/Nm³ on 2026-01-01", async () => {
    const { ambient } = await limitTables();
    expect(ambientLimit(ambient, "PM2.5", "24h", "2025-12-31")?.limit).toBe(50);
    expect(ambientLimit(ambient, "PM2.5", "24h", "2026-01-01")?.limit).toBe(45);
    const row = ambientLimit(ambient, "PM2.5", "24h", "2026-11-21");
    expect(ambientVerdict(row as NonNullable<typeof row>, 47)).toMatchObject({ exceeded: true, cmax: 45 });
  });

  it("scales wastewater C by Kq × Kf where the row says so (COD column B: 150 × 0,9 × 1,0 = 135)", async () => {
    const { wastewater } = await limitTables();
    const cod = wastewater.find((r) => r.parameter === "COD");
    expect(columnVerdict(cod as NonNullable<typeof cod>, "B", 140, 0.9 * 1.0)).toMatchObject({
      limit: 150,
      cmax: 135,
      exceeded: true,
      verified: true,
    });
  });

  it("checks ranges such as pH without scaling them, and flags rows written from recall", async () => {
    const { wastewater, emission } = await limitTables();
    const ph = wastewater.find((r) => r.parameter === "pH");
    expect(columnVerdict(ph as NonNullable<typeof ph>, "B", 9.4, 0.9)).toMatchObject({
      cmax: { min: 5.5, max: 9 },
      exceeded: true,
    });
    const dust = emission.find((r) => r.parameter === "Total dust");
    expect(columnVerdict(dust as NonNullable<typeof dust>, "B", 150, 1.0 * 1.0)).toMatchObject({
      cmax: 200,
      exceeded: false,
      verified: true,
    });
    expect(columnVerdict(dust as NonNullable<typeof dust>, "A", 150, 1)).toMatchObject({ verified: false });
  });
});
