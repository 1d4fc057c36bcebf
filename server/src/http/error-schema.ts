import { z } from "zod";

/** The shape of every error answer, for routes that document one next to a success body. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        field: z.string().optional(),
        row: z.number().optional(),
        column: z.string().optional(),
        code: z.string(),
        message: z.string(),
      }),
    ),
    request_id: z.string().optional(),
  }),
});
