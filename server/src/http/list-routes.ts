/**
 * A list and its export, registered together: `GET path` answers a page, `GET path/export` the
 * whole filtered list as CSV or XLSX (or GeoJSON where the export query allows it) with the same
 * filters and sort. `scope` narrows the filter to what the caller may see.
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { pickLang } from "../platform/lang.ts";
import type { RouteAccess } from "./access.ts";
import { type Column, type GeoJsonFeature, sendExport } from "./export.ts";
import { type Page, type Paging, pageSchema } from "./paging.ts";
import type { App } from "./types.ts";

type ListQuery = z.ZodType<{ page: number; page_size: number; sort: string } & Record<string, unknown>>;
type ExportQuery = z.ZodType<{ format: "csv" | "xlsx" | "geojson"; sort: string } & Record<string, unknown>>;

/** The filters of a list query: everything but paging and sort. */
type FilterOf<Q extends ListQuery> = Omit<z.infer<Q>, "page" | "page_size" | "sort">;

export interface ListRoutes<Q extends ListQuery, T, R> {
  path: string;
  access: RouteAccess;
  tags: string[];
  /** The list's and the export's summaries (Vietnamese / English). */
  summary: string;
  exportSummary: string;
  queries: { list: Q; export: ExportQuery };
  item: z.ZodType<T>;
  fileName: string;
  columns: readonly Column<R>[];
  feature?: (row: R) => GeoJsonFeature | null;
  scope?: (req: FastifyRequest, filter: FilterOf<Q>) => FilterOf<Q> | Promise<FilterOf<Q>>;
  list: (filter: FilterOf<Q>, sort: string, paging: Paging, req: FastifyRequest) => Promise<Page<T>>;
  all: (filter: FilterOf<Q>, sort: string, req: FastifyRequest) => Promise<readonly R[]>;
}

export function listRoutes<Q extends ListQuery, T, R>(app: App, r: ListRoutes<Q, T, R>): void {
  const scoped = (req: FastifyRequest, filter: FilterOf<Q>) => (r.scope ? r.scope(req, filter) : filter);
  app.get(
    r.path,
    {
      config: { access: r.access },
      schema: {
        tags: r.tags,
        summary: r.summary,
        querystring: r.queries.list,
        response: { 200: pageSchema(r.item) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query as z.infer<ListQuery>;
      return r.list(await scoped(req, filter as FilterOf<Q>), sort, { page, page_size }, req);
    },
  );
  app.get(
    `${r.path}/export`,
    {
      config: { access: r.access },
      schema: { tags: r.tags, summary: r.exportSummary, querystring: r.queries.export },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query as z.infer<ExportQuery>;
      return sendExport(reply, {
        format,
        fileName: r.fileName,
        columns: r.columns,
        rows: await r.all(await scoped(req, filter as FilterOf<Q>), sort, req),
        lang: pickLang(req.headers["accept-language"]),
        ...(r.feature ? { feature: r.feature } : {}),
      });
    },
  );
}
