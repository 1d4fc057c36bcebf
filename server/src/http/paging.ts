/** Page paging and sorting shared by every list. */

import { z } from "zod";
import { AppError } from "../platform/errors.ts";

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe("Trang, bắt đầu từ 1 / page number from 1"),
  page_size: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .describe("Số dòng mỗi trang / rows per page"),
};

export interface Paging {
  page: number;
  page_size: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    page_size: z.number().int(),
    total: z.number().int(),
  });
}

/** A sort parameter "field" or "-field" limited to the given fields. */
function sortQuery<const F extends readonly [string, ...string[]]>(
  fields: F,
  fallback: F[number] | `-${F[number]}`,
) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z
    .enum(values)
    .default(fallback)
    .describe(`Sắp xếp theo trường; "-" phía trước để giảm dần / sort field, "-" prefix for descending`);
}

export function parseSort<F extends string>(sort: string): { field: F; direction: "asc" | "desc" } {
  return sort.startsWith("-")
    ? { field: sort.slice(1) as F, direction: "desc" }
    : { field: sort as F, direction: "asc" };
}

export function offsetOf(paging: Paging): number {
  return (paging.page - 1) * paging.page_size;
}

/** Exports and maps read at most this many rows; more asks the user to filter. */
export const MAX_EXPORT_ROWS = 200_000;

function exportTooLarge(): AppError {
  return new AppError("common.export_too_large", 413, {
    vi: `Kết quả vượt ${MAX_EXPORT_ROWS.toLocaleString("vi-VN")} dòng; hãy thêm bộ lọc.`,
    en: `More than ${MAX_EXPORT_ROWS.toLocaleString("en-US")} rows; add a filter.`,
  });
}

/** Rows for an export: fetches one more than allowed to tell "exactly the limit" from "too many". */
export async function exportRows<T>(fetch: (limit: number) => Promise<T[]>): Promise<T[]> {
  const rows = await fetch(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw exportTooLarge();
  return rows;
}

/**
 * A page from rows that carry their query's total as a window count (`count(*) over ()`), so a
 * page costs one scan. A page past the end has no row to carry it, so then the total is counted.
 */
export async function pageOf<R extends { total: number }, T>(
  rows: readonly R[],
  paging: Paging,
  count: () => Promise<number>,
  present: (row: R) => T,
): Promise<Page<T>> {
  const total = rows[0]?.total ?? (paging.page === 1 ? 0 : await count());
  return { items: rows.map(present), total, ...paging };
}

/** The query schemas of a list and of its export: the same filters and sort, paging or a file format. */
export function listQueries<
  T extends z.ZodRawShape,
  const F extends readonly [string, ...string[]],
  E extends z.ZodType,
>(filter: z.ZodObject<T>, fields: F, fallback: F[number] | `-${F[number]}`, format: E) {
  const sort = sortQuery(fields, fallback);
  return { list: filter.extend({ ...pageQuery, sort }), export: filter.extend({ sort, format }) };
}
