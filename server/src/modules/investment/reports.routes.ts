import type { FastifyRequest } from "fastify";
import { actorOf, can } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { listRoutes } from "../../http/list-routes.ts";
import { MAX_EXPORT_ROWS, pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { projectScope } from "../projects/projects.service.ts";
import { overdueColumns, reportColumns } from "./reports.presenters.ts";
import * as s from "./reports.schemas.ts";
import * as service from "./reports.service.ts";
import { scopedFilter } from "./supervision.routes.ts";

const tags = ["investment"];

export async function reportsRoutes(app: App, { db }: AppDeps): Promise<void> {
  const reportTarget = async (req: FastifyRequest) =>
    service.reportTarget(db, Number((req.params as { id: string }).id));
  const bodyProject = async (req: FastifyRequest) => projectScope(db, (req.body as s.ReportInput).irc_number);

  listRoutes(app, {
    path: "/api/v1/investment/reports",
    access: can("report.read"),
    tags,
    summary: "Báo cáo của nhà đầu tư (quý, năm) / Investor reports",
    exportSummary: "Xuất báo cáo nhà đầu tư / Export investor reports",
    queries: { list: s.reportListQuery, export: s.reportExportQuery },
    item: s.report,
    fileName: "bao-cao-nha-dau-tu",
    columns: reportColumns,
    scope: (req, filter) => scopedFilter(req, "report.read", filter),
    list: (filter, sort, paging) => service.listReports(db, filter, sort, paging),
    all: (filter, sort) => service.allReports(db, filter, sort),
  });
  app.post(
    "/api/v1/investment/reports",
    {
      config: { access: can("report.submit", bodyProject) },
      schema: {
        tags,
        summary:
          "Nộp báo cáo quý/năm (nộp lại được đến khi được tiếp nhận) / Submit a quarterly or annual report",
        body: s.reportInput,
        response: { 200: s.report },
      },
    },
    async (req) => service.submitReport(db, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/investment/reports/overdue",
    {
      config: { access: can("report.read") },
      schema: {
        tags,
        summary: "Dự án chưa nộp báo cáo quá hạn / Reports overdue",
        querystring: s.overdueQuery,
        response: { 200: pageSchema(s.overdueItem) },
      },
    },
    async (req) => {
      const { year, period, page, page_size, sort, ...rest } = req.query;
      return service.overdueReports(db, year, period, scopedFilter(req, "report.read", rest), sort, {
        page,
        page_size,
      });
    },
  );
  app.get(
    "/api/v1/investment/reports/overdue/export",
    {
      config: { access: can("report.read") },
      schema: {
        tags,
        summary: "Xuất danh sách quá hạn / Export overdue reports",
        querystring: s.overdueExportQuery,
      },
    },
    async (req, reply) => {
      const { year, period, format, sort, ...rest } = req.query;
      const page = await service.overdueReports(
        db,
        year,
        period,
        scopedFilter(req, "report.read", rest),
        sort,
        {
          page: 1,
          page_size: MAX_EXPORT_ROWS,
        },
      );
      return sendExport(reply, {
        format,
        fileName: `bao-cao-qua-han-${year}-${period.toLowerCase()}`,
        columns: overdueColumns,
        rows: page.items,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/investment/reports/completeness",
    {
      config: { access: can("report.read") },
      schema: {
        tags,
        summary: "Tỷ lệ nộp báo cáo theo khu / Report completeness by zone",
        querystring: s.periodQuery,
        response: { 200: s.completeness },
      },
    },
    async (req) => {
      const { year, period, ...rest } = req.query;
      return service.completeness(db, year, period, scopedFilter(req, "report.read", rest));
    },
  );
  app.get(
    "/api/v1/investment/reports/:id",
    {
      config: { access: can("report.read", reportTarget) },
      schema: {
        tags,
        summary: "Một báo cáo / One report",
        params: s.reportParam,
        response: { 200: s.report },
      },
    },
    async (req) => service.getReport(db, req.params.id),
  );
  app.post(
    "/api/v1/investment/reports/:id/review",
    {
      config: { access: can("report.review", reportTarget) },
      schema: {
        tags,
        summary: "Tiếp nhận hoặc trả lại báo cáo / Accept or return a report",
        params: s.reportParam,
        body: s.reviewInput,
        response: { 200: s.report },
      },
    },
    async (req) => service.reviewReport(db, actorOf(req), req.params.id, req.body.decision, req.body.note),
  );
}
