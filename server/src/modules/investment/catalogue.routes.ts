import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, callerScope, can } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { listRoutes } from "../../http/list-routes.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { entryColumns, screeningColumns, versionColumns } from "./catalogue.presenters.ts";
import * as s from "./catalogue.schemas.ts";
import * as service from "./catalogue.service.ts";
import * as screening from "./screening.service.ts";

const tags = ["investment"];

export async function catalogueRoutes(app: App, { db }: AppDeps): Promise<void> {
  // Drafts are work in progress: only those who manage the catalogue see them.
  const reader = (req: FastifyRequest): service.Reader => ({
    drafts: callerScope(req, "catalogue.manage") !== null,
  });
  listRoutes(app, {
    path: "/api/v1/investment/catalogue/versions",
    access: can("catalogue.read"),
    tags,
    summary: "Các phiên bản danh mục dự án / Catalogue versions",
    exportSummary: "Xuất các phiên bản danh mục / Export catalogue versions",
    queries: { list: s.versionListQuery, export: s.versionExportQuery },
    item: s.version,
    fileName: "danh-muc-phien-ban",
    columns: versionColumns,
    list: (filter, sort, paging, req) => service.listVersions(db, reader(req), filter, sort, paging),
    all: (filter, sort, req) => service.allVersions(db, reader(req), filter, sort),
  });
  app.post(
    "/api/v1/investment/catalogue/versions",
    {
      config: { access: can("catalogue.manage") },
      schema: {
        tags,
        summary: "Tạo phiên bản danh mục (bản nháp) / Create a draft catalogue version",
        body: s.versionInput,
        response: { 201: s.version },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createVersion(db, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/investment/catalogue/versions/:code",
    {
      config: { access: can("catalogue.read") },
      schema: {
        tags,
        summary: "Một phiên bản / One version",
        params: s.versionParam,
        response: { 200: s.version },
      },
    },
    async (req) => service.getVersion(db, req.params.code, reader(req)),
  );
  app.patch(
    "/api/v1/investment/catalogue/versions/:code",
    {
      config: { access: can("catalogue.manage") },
      schema: {
        tags,
        summary: "Sửa thông tin phiên bản / Change a version's header",
        params: s.versionParam,
        body: s.versionPatch,
        response: { 200: s.version },
      },
    },
    async (req) => service.updateVersion(db, actorOf(req), req.params.code, req.body),
  );
  app.post(
    "/api/v1/investment/catalogue/versions/:code/publish",
    {
      config: { access: can("catalogue.manage") },
      schema: {
        tags,
        summary:
          "Công bố phiên bản (không sửa mục được nữa) / Publish a version (its entries are then fixed)",
        params: s.versionParam,
        response: { 200: s.version },
      },
    },
    async (req) => service.publishVersion(db, actorOf(req), req.params.code),
  );
  app.get(
    "/api/v1/investment/catalogue/versions/:code/entries",
    {
      config: { access: can("catalogue.read") },
      schema: {
        tags,
        summary: "Các mục của phiên bản / A version's entries",
        params: s.versionParam,
        querystring: s.entryListQuery,
        response: { 200: pageSchema(s.entry) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listEntries(db, reader(req), req.params.code, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/investment/catalogue/versions/:code/entries/export",
    {
      config: { access: can("catalogue.read") },
      schema: {
        tags,
        summary: "Xuất các mục (CSV, XLSX) / Export entries",
        params: s.versionParam,
        querystring: s.entryExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      return sendExport(reply, {
        format,
        fileName: `danh-muc-${req.params.code.toLowerCase()}`,
        columns: entryColumns,
        rows: await service.allEntries(db, reader(req), req.params.code, filter, sort),
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.post(
    "/api/v1/investment/catalogue/versions/:code/entries",
    {
      config: { access: can("catalogue.manage") },
      schema: {
        tags,
        summary: "Thêm mục vào bản nháp / Add an entry to a draft",
        params: s.versionParam,
        body: s.entryInput,
        response: { 201: s.entry },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addEntry(db, actorOf(req), req.params.code, req.body)),
  );
  app.patch(
    "/api/v1/investment/catalogue/versions/:code/entries/:entry",
    {
      config: { access: can("catalogue.manage") },
      schema: {
        tags,
        summary: "Sửa mục của bản nháp / Change an entry of a draft",
        params: s.entryParam,
        body: s.entryPatch,
        response: { 200: s.entry },
      },
    },
    async (req) => service.updateEntry(db, actorOf(req), req.params.code, req.params.entry, req.body),
  );
  app.delete(
    "/api/v1/investment/catalogue/versions/:code/entries/:entry",
    {
      config: { access: can("catalogue.manage") },
      schema: { tags, summary: "Xoá mục của bản nháp / Delete an entry of a draft", params: s.entryParam },
    },
    async (req, reply) => {
      await service.deleteEntry(db, actorOf(req), req.params.code, req.params.entry);
      return reply.status(204).send();
    },
  );

  // Screening.
  const ownOnly = (req: Parameters<typeof actorOf>[0]) =>
    callerScope(req, "screening.read") === "all"
      ? undefined
      : (req.principal?.user.id ?? "00000000-0000-0000-0000-000000000000");
  app.post(
    "/api/v1/investment/screenings",
    {
      config: { access: can("screening.run") },
      schema: {
        tags,
        summary:
          "Sàng lọc dự án đề xuất theo danh mục hiệu lực / Screen a proposal against the catalogue in force",
        body: s.proposal,
        response: { 201: s.screening },
      },
    },
    async (req, reply) => reply.status(201).send(await screening.screenProposal(db, actorOf(req), req.body)),
  );
  listRoutes(app, {
    path: "/api/v1/investment/screenings",
    access: can("screening.read"),
    tags,
    summary: "Các lần sàng lọc đã lưu / Stored screenings",
    exportSummary: "Xuất các lần sàng lọc / Export screenings",
    queries: { list: s.screeningListQuery, export: s.screeningExportQuery },
    item: s.screeningSummary,
    fileName: "sang-loc",
    columns: screeningColumns,
    scope: (req, filter) => ({ ...filter, user_id: ownOnly(req) }),
    list: (filter, sort, paging) => screening.listScreenings(db, filter, sort, paging),
    all: (filter, sort) => screening.allScreenings(db, filter, sort),
  });
  app.get(
    "/api/v1/investment/screenings/:code",
    {
      config: { access: can("screening.read") },
      schema: {
        tags,
        summary: "Một kết quả sàng lọc, có giải thích / One screening with its explanation",
        params: s.screeningParam,
        response: { 200: s.screening },
      },
    },
    async (req) => screening.getScreening(db, req.params.code, ownOnly(req)),
  );
  app.get(
    "/api/v1/investment/catalogue/fields",
    {
      config: { access: can("catalogue.read") },
      schema: {
        tags,
        summary: "Các trường tiêu chí và đơn vị / Criterion fields and their units",
        response: {
          200: z.array(
            z.object({
              field: z.string(),
              vi: z.string(),
              en: z.string(),
              unit: z.string(),
              unit_en: z.string(),
              kind: z.string(),
              values: z.array(z.string()).nullable(),
              value_names: z
                .array(z.object({ value: z.string(), vi: z.string(), en: z.string() }))
                .nullable(),
            }),
          ),
        },
      },
    },
    async () => service.criterionFields(),
  );
}
