import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, can, patchedValue, viewer } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { projectColumns, projectFeature } from "./projects.presenters.ts";
import * as s from "./projects.schemas.ts";
import * as service from "./projects.service.ts";

const tags = ["projects"];

export async function projectsRoutes(app: App, { db }: AppDeps): Promise<void> {
  const current = (req: FastifyRequest) =>
    service.projectScope(db, (req.params as { irc_number: string }).irc_number);
  app.get(
    "/api/v1/projects",
    {
      config: { access: can("project.read") },
      schema: {
        tags,
        summary: "Danh sách dự án đầu tư / List investment projects",
        querystring: s.projectListQuery,
        response: { 200: pageSchema(s.project) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listProjects(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/projects/export",
    {
      config: { access: can("project.read") },
      schema: {
        tags,
        summary: "Xuất dự án (CSV, XLSX, GeoJSON) / Export projects",
        querystring: s.projectExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allProjects(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "du-an",
        columns: projectColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
        feature: projectFeature,
      });
    },
  );
  app.get(
    "/api/v1/projects/geojson",
    {
      config: { access: can("project.read") },
      schema: { tags, summary: "Bản đồ dự án (GeoJSON) / Project map", querystring: s.projectFilter },
    },
    async (req, reply) => {
      const rows = await service.allProjects(db, req.query, "irc_number");
      const features = rows.map(projectFeature).filter((f) => f !== null);
      return reply
        .header("content-type", "application/geo+json; charset=utf-8")
        .send(JSON.stringify({ type: "FeatureCollection", features }));
    },
  );
  app.get(
    "/api/v1/projects/:irc_number",
    {
      config: { access: can("project.read") },
      schema: {
        tags,
        summary: "Một dự án và lịch sử sự kiện / One project with its history",
        params: s.ircParam,
        response: { 200: s.projectDetail },
      },
    },
    async (req) => {
      const project = await service.getProject(db, req.params.irc_number);
      const canSee = viewer(req, "project.read_restricted");
      if (canSee({ zones: [project.zone_code], taxCodes: [project.enterprise_tax_code] })) return project;
      const { events: _events, ...open } = project;
      return open;
    },
  );
  app.post(
    "/api/v1/projects",
    {
      config: {
        access: can("project.create", async (req) => {
          const body = req.body as s.ProjectInput;
          return { zones: [body.zone_code ?? null], taxCodes: [body.enterprise_tax_code ?? null] };
        }),
      },
      schema: {
        tags,
        summary: "Đăng ký dự án (cấp GCNĐKĐT) / Register a project",
        body: s.projectInput,
        response: { 201: s.projectDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProject(db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/projects/:irc_number",
    {
      config: {
        access: can("project.update", async (req) => {
          const scope = await current(req);
          const patch = req.body as s.ProjectPatch;
          // Moving a project to another zone or enterprise needs scope over both.
          return (
            scope && {
              zones: [...scope.zones, ...patchedValue(patch, "zone_code")],
              taxCodes: [...scope.taxCodes, ...patchedValue(patch, "enterprise_tax_code")],
            }
          );
        }),
      },
      schema: {
        tags,
        summary: "Sửa thông tin dự án / Update project attributes",
        params: s.ircParam,
        body: s.projectPatch,
        response: { 200: s.projectDetail },
      },
    },
    async (req) => service.updateProject(db, actorOf(req), req.params.irc_number, req.body),
  );
  app.get(
    "/api/v1/projects/:irc_number/events",
    {
      config: { access: can("project.read_restricted", current) },
      schema: {
        tags,
        summary: "Lịch sử sự kiện / Event history",
        params: s.ircParam,
        response: { 200: z.array(s.projectEvent) },
      },
    },
    async (req) => (await service.getProject(db, req.params.irc_number)).events,
  );
  app.post(
    "/api/v1/projects/:irc_number/events",
    {
      config: { access: can("project.update", current) },
      schema: {
        tags,
        summary: "Thêm sự kiện (tăng vốn, giãn tiến độ, chấm dứt…) / Append an event",
        params: s.ircParam,
        body: s.eventInput,
        response: { 201: s.projectDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.appendEvent(db, actorOf(req), req.params.irc_number, req.body)),
  );
}
