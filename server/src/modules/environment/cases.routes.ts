import type { FastifyRequest } from "fastify";
import { actorOf, can, listScope, permits } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { caseColumns, exceedanceColumns } from "./cases.presenters.ts";
import * as s from "./cases.schemas.ts";
import * as service from "./cases.service.ts";
import * as exceedances from "./exceedances.service.ts";

const tags = ["environment"];

export async function casesRoutes(app: App, { db }: AppDeps): Promise<void> {
  const target = async (req: { params: unknown }) =>
    service.caseTarget(db, (req.params as { code: string }).code);
  // Lists are cut to the caller's scope: an enterprise sees its own cases, a zone officer its zones'.
  const scoped = (req: FastifyRequest, filter: s.CaseFilter): s.CaseFilter => ({
    ...filter,
    ...listScope(req, "case.read"),
  });

  const caseVisible =
    (req: FastifyRequest): exceedances.CaseVisibility =>
    (zone, taxCode) =>
      permits(req, "case.read", { zones: [zone], taxCodes: [taxCode] });

  app.get(
    "/api/v1/environment/cases",
    {
      config: { access: can("case.read") },
      schema: {
        tags,
        summary: "Vụ việc vi phạm / Violation cases",
        querystring: s.caseListQuery,
        response: { 200: pageSchema(s.violationCase) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listCases(db, scoped(req, filter), sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/environment/cases/export",
    {
      config: { access: can("case.read") },
      schema: { tags, summary: "Xuất vụ việc (CSV, XLSX) / Export cases", querystring: s.caseExportQuery },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allCases(db, scoped(req, filter), sort);
      return sendExport(reply, {
        format,
        fileName: "vu-viec-vi-pham",
        columns: caseColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/environment/cases/:code",
    {
      config: { access: can("case.read", target) },
      schema: {
        tags,
        summary: "Một vụ việc và lịch sử / One case and its history",
        params: s.caseCodeParam,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => service.getCase(db, req.params.code),
  );
  app.post(
    "/api/v1/environment/cases/:code/transition",
    {
      config: { access: can("case.manage", target) },
      schema: {
        tags,
        summary: "Chuyển bước xử lý / Move a case along its workflow",
        description:
          "open → under_review → notice_issued (số, ngày thông báo, hạn khắc phục) → resolved | escalated.",
        params: s.caseCodeParam,
        body: s.transitionInput,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => service.transitionCase(db, actorOf(req), req.params.code, req.body),
  );
  app.post(
    "/api/v1/environment/cases/:code/assign",
    {
      config: { access: can("case.manage", target) },
      schema: {
        tags,
        summary: "Giao thanh tra / Assign an inspector",
        params: s.caseCodeParam,
        body: s.assignInput,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => service.assignCase(db, actorOf(req), req.params.code, req.body.inspector),
  );
  app.post(
    "/api/v1/environment/cases/:code/comments",
    {
      config: { access: can("case.manage", target) },
      schema: {
        tags,
        summary: "Ghi chú của thanh tra / Inspector's note",
        params: s.caseCodeParam,
        body: s.noteInput,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => service.addCaseNote(db, actorOf(req), req.params.code, "comment", req.body.note),
  );
  app.post(
    "/api/v1/environment/cases/:code/answers",
    {
      config: { access: can("case.answer", target) },
      schema: {
        tags,
        summary: "Giải trình của doanh nghiệp / The enterprise's answer",
        params: s.caseCodeParam,
        body: s.noteInput,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => service.addCaseNote(db, actorOf(req), req.params.code, "answer", req.body.note),
  );
  app.get(
    "/api/v1/environment/exceedances",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Các lần vượt giới hạn / Exceedances",
        querystring: s.exceedanceListQuery,
        response: { 200: pageSchema(s.exceedance) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return exceedances.listExceedances(db, filter, sort, { page, page_size }, caseVisible(req));
    },
  );
  app.get(
    "/api/v1/environment/exceedances/export",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Xuất các lần vượt (CSV, XLSX) / Export exceedances",
        querystring: s.exceedanceExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await exceedances.allExceedances(db, filter, sort, caseVisible(req));
      return sendExport(reply, {
        format,
        fileName: "vuot-gioi-han",
        columns: exceedanceColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
}
