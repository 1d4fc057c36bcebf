/** Field schemas shared by the registry modules (dates, codes, locations). */
import { z } from "zod";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "không phải ngày có thật / not a real date",
  );

export const location = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
  })
  .describe("WGS84");

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).min(4);
export const area = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const communeCode = z.string().regex(/^\d{5}$/, "5 chữ số / 5 digits");
export const vsicCodeField = z.string().regex(/^\d{2,5}$/, "2–5 chữ số / 2–5 digits");
export const countryCode = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2");

/** Boolean filters arrive as text in query strings. */
export const queryBool = z.enum(["true", "false"]).transform((v) => v === "true");

export const textSearch = z
  .string()
  .max(200)
  .optional()
  .describe('Tìm không dấu, vd. "dinh vu" / accent-insensitive search');

type PatchShape<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]>;
};

/**
 * The PATCH form of a create schema: every field optional and no defaults, so that a field the
 * client did not send stays as it is (zod's own `.partial()` would still fill in defaults).
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<PatchShape<T>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  );
  return z.object(shape) as unknown as z.ZodObject<PatchShape<T>>;
}
