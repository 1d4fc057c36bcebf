import { actorOf, can } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { listRoutes } from "../../http/list-routes.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { indicatorColumns, valueColumns } from "./indicators.presenters.ts";
import * as s from "./indicators.schemas.ts";
import * as service from "./indicators.service.ts";

const tags = ["statistics"];

export async function indicatorsRoutes(app: App, { db }: AppDeps): Promise<void> {
  listRoutes(app, {
    path: "/api/v1/statistics/indicators",
    access: can("statistics.read"),
    tags,
    summary: "Danh mục chỉ tiêu thống kê / Indicator registry",
    exportSummary: "Xuất danh mục chỉ tiêu / Export the registry",
    queries: { list: s.indicatorListQuery, export: s.indicatorExportQuery },
    item: s.indicator,
    fileName: "chi-tieu-thong-ke",
    columns: indicatorColumns,
    list: (filter, sort, paging) => service.listIndicators(db, filter, sort, paging),
    all: (filter, sort) => service.allIndicators(db, filter, sort),
  });
  app.get(
    "/api/v1/statistics/indicators/:code",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Một chỉ tiêu / One indicator",
        params: s.indicatorCode,
        response: { 200: s.indicator },
      },
    },
    async (req) => service.getIndicator(db, req.params.code),
  );
  app.get(
    "/api/v1/statistics/indicators/:code/values",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Số liệu của chỉ tiêu theo kỳ, địa bàn, phân tổ / An indicator's values",
        params: s.indicatorCode,
        querystring: s.valueListQuery,
        response: { 200: pageSchema(s.value) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listValues(db, req.params.code, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/statistics/indicators/:code/values/export",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Xuất số liệu (CSV, XLSX, SDMX-CSV) / Export values (CSV, XLSX, SDMX-CSV)",
        params: s.indicatorCode,
        querystring: s.valueExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allValues(db, req.params.code, filter, sort);
      if (format === "sdmx") {
        const indicator = await service.getIndicator(db, req.params.code);
        return reply
          .header("content-type", "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8")
          .header("content-disposition", `attachment; filename="${req.params.code}.sdmx.csv"`)
          .send(service.sdmxCsv(indicator, rows));
      }
      return sendExport(reply, {
        format,
        fileName: `so-lieu-${req.params.code}`,
        columns: valueColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.post(
    "/api/v1/statistics/indicators/:code/values",
    {
      config: { access: can("statistics.manage") },
      schema: {
        tags,
        summary: "Ghi số liệu chính thức hoặc ước tính / Record an official or estimated value",
        params: s.indicatorCode,
        body: s.valueInput,
        response: { 200: s.value },
      },
    },
    async (req) => service.recordValue(db, actorOf(req), req.params.code, req.body),
  );
  app.put(
    "/api/v1/statistics/indicators/:code/targets",
    {
      config: { access: can("statistics.manage") },
      schema: {
        tags,
        summary: "Đặt mục tiêu của năm / Set a year's target",
        params: s.indicatorCode,
        body: s.targetInput,
        response: { 200: s.dashboardItem.array() },
      },
    },
    async (req) => service.setTarget(db, actorOf(req), req.params.code, req.body),
  );
  app.get(
    "/api/v1/statistics/dashboard",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Mục tiêu và tiến độ (bảng điều hành lãnh đạo) / Targets and progress (leaders' dashboard)",
        querystring: s.dashboardQuery,
        response: { 200: s.dashboardItem.array() },
      },
    },
    async (req) => service.dashboard(db, req.query.year),
  );
}
