import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, callerScope, can, listScope } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { AppError } from "../../platform/errors.ts";
import { pickLang } from "../../platform/lang.ts";
import type { Permission } from "../identity/policy.ts";
import { projectRef, projectScope } from "../projects/projects.service.ts";
import { addLegalRule, listLegalRules } from "./legal-rules.ts";
import { caseColumns, scheduledColumns } from "./supervision.presenters.ts";
import type { SupervisionFilter } from "./supervision.repository.ts";
import * as s from "./supervision.schemas.ts";
import * as service from "./supervision.service.ts";
import * as cases from "./supervision-cases.service.ts";

const tags = ["investment"];

/** Lists are cut to the caller's scope: an enterprise sees its own projects, a zone officer their zones'. */
export function scopedFilter<F extends object>(
  req: FastifyRequest,
  permission: Permission,
  filter: F,
): F & SupervisionFilter {
  return { ...filter, ...listScope(req, permission) };
}

export async function supervisionRoutes(app: App, { db }: AppDeps): Promise<void> {
  const caseTarget = async (req: FastifyRequest) =>
    cases.caseTarget(db, (req.params as { code: string }).code);
  const projectTarget = async (req: FastifyRequest) =>
    projectScope(db, (req.params as { irc_number: string }).irc_number);

  app.get(
    "/api/v1/investment/supervision/board",
    {
      config: { access: can("supervision.read") },
      schema: {
        tags,
        summary: "Bảng giám sát: dự án chậm theo khu, vụ việc theo bước / Supervision board",
        querystring: z.object({ zone: z.string().max(30).optional() }),
        response: { 200: s.board },
      },
    },
    async (req) => service.board(db, scopedFilter(req, "supervision.read", req.query)),
  );
  app.get(
    "/api/v1/investment/supervision/projects",
    {
      config: { access: can("supervision.read") },
      schema: {
        tags,
        summary: "Tiến độ các dự án (theo lần chạy gần nhất) / Project schedules",
        querystring: s.scheduledListQuery,
        response: { 200: pageSchema(s.scheduledProject) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listScheduled(db, scopedFilter(req, "supervision.read", filter), sort, {
        page,
        page_size,
      });
    },
  );
  app.get(
    "/api/v1/investment/supervision/projects/export",
    {
      config: { access: can("supervision.read") },
      schema: {
        tags,
        summary: "Xuất tiến độ dự án / Export project schedules",
        querystring: s.scheduledExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      return sendExport(reply, {
        format,
        fileName: "tien-do-du-an",
        columns: scheduledColumns,
        rows: await service.allScheduled(db, scopedFilter(req, "supervision.read", filter), sort),
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/investment/supervision/projects/:irc_number",
    {
      config: { access: can("supervision.read", projectTarget) },
      schema: {
        tags,
        summary: "Mốc tiến độ của dự án so với kế hoạch / A project's milestones against plan",
        params: s.ircParam,
        response: { 200: s.projectSchedule },
      },
    },
    async (req) => service.projectSchedule(db, (await projectRef(db, req.params.irc_number)).id),
  );
  app.post(
    "/api/v1/investment/supervision/projects/:irc_number/actuals",
    {
      config: { access: can("supervision.manage", projectTarget) },
      schema: {
        tags,
        summary: "Ghi ngày thực hiện mốc / Record the date a milestone was reached",
        params: s.ircParam,
        body: s.actualInput,
        response: { 200: s.projectSchedule },
      },
    },
    async (req) => {
      const project = await projectRef(db, req.params.irc_number);
      return service.recordActual(
        db,
        actorOf(req),
        project.id,
        project.irc_number,
        req.body.milestone,
        req.body.actual_on,
      );
    },
  );
  app.post(
    "/api/v1/investment/supervision/run",
    {
      config: { access: can("supervision.manage") },
      schema: {
        tags,
        summary: "Chạy việc giám sát hằng ngày ngay / Run the daily supervision job now",
        description:
          "Mỗi ngày chạy một lần; force chạy lại mà không mở trùng vụ việc. / Once a day; force re-runs without opening a case twice.",
        body: s.runInput,
        response: { 200: s.jobResult },
      },
    },
    async (req) => {
      // Today only, in Vietnam: the job judges every project, whoever asks; an officer with a
      // zone's scope may trigger today's run (it is idempotent) but not force one again.
      if (req.body.force && callerScope(req, "supervision.manage") !== "all")
        throw new AppError("auth.forbidden", 403, {
          vi: "Chỉ cán bộ có phạm vi toàn thành phố mới chạy lại được việc giám sát trong ngày.",
          en: "Only officials with city-wide scope may run the day's supervision again.",
        });
      return service.runSupervision(db, service.vietnamToday(), { force: req.body.force });
    },
  );
  app.get(
    "/api/v1/investment/supervision/cases",
    {
      config: { access: can("supervision.read") },
      schema: {
        tags,
        summary: "Vụ việc giám sát sau cấp phép / Supervision cases",
        querystring: s.caseListQuery,
        response: { 200: pageSchema(s.supervisionCase) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return cases.listCases(db, scopedFilter(req, "supervision.read", filter), sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/investment/supervision/cases/export",
    {
      config: { access: can("supervision.read") },
      schema: {
        tags,
        summary: "Xuất vụ việc giám sát / Export supervision cases",
        querystring: s.caseExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      return sendExport(reply, {
        format,
        fileName: "vu-viec-giam-sat",
        columns: caseColumns,
        rows: await cases.allCases(db, scopedFilter(req, "supervision.read", filter), sort),
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/investment/supervision/cases/:code",
    {
      config: { access: can("supervision.read", caseTarget) },
      schema: {
        tags,
        summary: "Một vụ việc và các bước / One case with its steps",
        params: s.caseCodeParam,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => cases.getCase(db, req.params.code),
  );
  app.post(
    "/api/v1/investment/supervision/cases/:code/steps",
    {
      config: { access: can("supervision.manage", caseTarget) },
      schema: {
        tags,
        summary: "Bước tiếp theo: cảnh báo, giãn tiến độ, khắc phục, chấm dứt / Next step",
        params: s.caseCodeParam,
        body: s.stepInput,
        response: { 200: s.caseDetail },
      },
    },
    async (req) => cases.takeStep(db, actorOf(req), req.params.code, req.body),
  );
  app.get(
    "/api/v1/investment/legal-rules",
    {
      config: { access: can("catalogue.read") },
      schema: {
        tags,
        summary: "Ngưỡng pháp lý theo thời gian / Legal thresholds by date",
        response: { 200: z.array(s.legalRuleOut) },
      },
    },
    async () => listLegalRules(db),
  );
  app.post(
    "/api/v1/investment/legal-rules",
    {
      config: { access: can("legal_rule.manage") },
      schema: {
        tags,
        summary: "Thêm ngưỡng pháp lý (văn bản mới) / Add a legal threshold (a new law)",
        body: s.legalRule,
        response: { 201: s.legalRuleOut },
      },
    },
    async (req, reply) => reply.status(201).send(await addLegalRule(db, actorOf(req), req.body)),
  );
}
