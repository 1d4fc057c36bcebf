import type { FastifyRequest } from "fastify";
import { actorOf, can, listScope } from "../../http/access.ts";
import { listRoutes } from "../../http/list-routes.ts";
import type { App, AppDeps } from "../../http/types.ts";
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
  listRoutes(app, {
    path: "/api/v1/statistics/products",
    access: can("statistics.read"),
    tags,
    summary: "Danh mục sản phẩm công nghiệp / Product list",
    exportSummary: "Xuất danh mục sản phẩm / Export the product list",
    queries: { list: s.productListQuery, export: s.productExportQuery },
    item: s.product,
    fileName: "san-pham",
    columns: productColumns,
    list: (filter, sort, paging) => service.listProducts(db, filter, sort, paging),
    all: (filter, sort) => service.allProducts(db, filter, sort),
  });
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
  listRoutes(app, {
    path: "/api/v1/statistics/production",
    access: can("production.read"),
    tags,
    summary: "Báo cáo sản lượng tháng / Monthly production reports",
    exportSummary: "Xuất báo cáo sản lượng / Export production reports",
    queries: { list: s.productionListQuery, export: s.productionExportQuery },
    item: s.production,
    fileName: "san-luong",
    columns: productionColumns,
    scope: scoped,
    list: (filter, sort, paging) => service.listProduction(db, filter, sort, paging),
    all: (filter, sort) => service.allProduction(db, filter, sort),
  });
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
