import type { FastifyRequest } from "fastify";
import { actorOf, can, listScope } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { productColumns, productionColumns } from "./production.presenters.ts";
import * as s from "./production.schemas.ts";
import * as service from "./production.service.ts";

const tags = ["statistics"];

export async function productionRoutes(app: App, { db }: AppDeps): Promise<void> {
  // Enterprise staff see their own figures; statisticians and leaders all.
  const scoped = <F extends object>(req: FastifyRequest, filter: F) => {
    const { enterprises } = listScope(req, "production.read");
    return enterprises ? { ...filter, enterprises } : filter;
  };
  app.get(
    "/api/v1/statistics/products",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Danh mục sản phẩm công nghiệp / Product list",
        querystring: s.productListQuery,
        response: { 200: pageSchema(s.product) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listProducts(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/statistics/products/export",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Xuất danh mục sản phẩm / Export the product list",
        querystring: s.productExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      return sendExport(reply, {
        format,
        fileName: "san-pham",
        columns: productColumns,
        rows: await service.allProducts(db, filter, sort),
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.post(
    "/api/v1/statistics/production",
    {
      config: {
        access: can("production.submit", async (req) => ({
          taxCodes: [(req.body as s.ProductionInput).tax_code],
        })),
      },
      schema: {
        tags,
        summary: "Nộp sản lượng tháng (gửi lại là điều chỉnh, giữ lịch sử) / Submit a month's production",
        body: s.productionInput,
        response: { 200: s.production.array() },
      },
    },
    async (req) => service.submitProduction(db, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/statistics/production",
    {
      config: { access: can("production.read") },
      schema: {
        tags,
        summary: "Báo cáo sản lượng tháng / Monthly production reports",
        querystring: s.productionListQuery,
        response: { 200: pageSchema(s.production) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listProduction(db, scoped(req, filter), sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/statistics/production/export",
    {
      config: { access: can("production.read") },
      schema: {
        tags,
        summary: "Xuất báo cáo sản lượng / Export production reports",
        querystring: s.productionExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      return sendExport(reply, {
        format,
        fileName: "san-luong",
        columns: productionColumns,
        rows: await service.allProduction(db, scoped(req, filter), sort),
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/statistics/production/:id",
    {
      config: { access: can("production.read") },
      schema: {
        tags,
        summary: "Một số liệu và lịch sử điều chỉnh / One figure with its revisions",
        params: s.idParam,
        response: { 200: s.productionHistory },
      },
    },
    async (req) => service.productionHistory(db, req.params.id, scoped(req, {})),
  );
  app.post(
    "/api/v1/statistics/production/:id/confirm",
    {
      config: { access: can("production.review") },
      schema: {
        tags,
        summary: "Xác nhận số liệu bị gắn cờ / Confirm a flagged figure",
        params: s.idParam,
        body: s.confirmInput,
        response: { 200: s.productionHistory },
      },
    },
    async (req) => service.confirmProduction(db, actorOf(req), req.params.id, req.body.note),
  );
}
