import { z } from "zod";

const capitalTotals = z.object({
  projects: z.number().int(),
  registered_usd: z.number(),
  share_purchase_usd: z.number(),
  disbursed_usd: z.number(),
  by_currency: z.array(
    z.object({
      currency: z.enum(["VND", "USD"]),
      registered: z.number(),
      share_purchase: z.number(),
      disbursed: z.number(),
    }),
  ),
});

export const summary = z.object({
  zones: z.object({
    kkt: z.number().int(),
    kcn: z.number().int(),
    ccn: z.number().int(),
    total_area_ha: z.number(),
    industrial_land_ha: z.number(),
    leased_land_ha: z.number(),
    occupancy: z.number().nullable(),
  }),
  enterprises: z.object({
    total: z.number().int(),
    foreign: z.number().int(),
    high_tech: z.number().int(),
    workers: z
      .number()
      .int()
      .nullable()
      .describe(
        "null khi dưới 3 doanh nghiệp và người xem không có quyền xem số liệu từng doanh nghiệp / withheld below 3 enterprises",
      ),
  }),
  projects: z.object({ foreign: capitalTotals, domestic: capitalTotals }),
});

export const citySummary = summary.extend({ territory: z.string() });
export const zoneSummary = summary.extend({ code: z.string() });
