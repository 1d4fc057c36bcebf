import { z } from "zod";

export const MAX_BULK_READINGS = 100_000;

export const bulkResult = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int().describe("Đã có từ trước / already stored"),
  rejected: z.number().int(),
  refusals: z
    .array(
      z.object({
        where: z.string(),
        station: z.string().nullable(),
        reason: z.string(),
        message: z.object({ vi: z.string(), en: z.string() }),
      }),
    )
    .describe("100 lỗi đầu tiên / the first 100 refusals"),
});
