import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, callerScope, can, listScope } from "../../http/access.ts";
import { listRoutes } from "../../http/list-routes.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { AppError } from "../../platform/errors.ts";
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
  listRoutes(app, {
    path: "/api/v1/investment/supervision/projects",
    access: can("supervision.read"),
    tags,
    summary: "Tiến độ các dự án (theo lần chạy gần nhất) / Project schedules",
    exportSummary: "Xuất tiến độ dự án / Export project schedules",
    queries: { list: s.scheduledListQuery, export: s.scheduledExportQuery },
    item: s.scheduledProject,
    fileName: "tien-do-du-an",
    columns: scheduledColumns,
    scope: (req, filter) => scopedFilter(req, "supervision.read", filter),
    list: (filter, sort, paging) => service.listScheduled(db, filter, sort, paging),
    all: (filter, sort) => service.allScheduled(db, filter, sort),
  });
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
  listRoutes(app, {
    path: "/api/v1/investment/supervision/cases",
    access: can("supervision.read"),
    tags,
    summary: "Vụ việc giám sát sau cấp phép / Supervision cases",
    exportSummary: "Xuất vụ việc giám sát / Export supervision cases",
    queries: { list: s.caseListQuery, export: s.caseExportQuery },
    item: s.supervisionCase,
    fileName: "vu-viec-giam-sat",
    columns: caseColumns,
    scope: (req, filter) => scopedFilter(req, "supervision.read", filter),
    list: (filter, sort, paging) => cases.listCases(db, filter, sort, paging),
    all: (filter, sort) => cases.allCases(db, filter, sort),
  });
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
