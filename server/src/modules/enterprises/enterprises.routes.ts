import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { enterpriseColumns, enterpriseFeature } from "./enterprises.presenters.ts";
import * as s from "./enterprises.schemas.ts";
import * as service from "./enterprises.service.ts";

const tags = ["enterprises"];

export async function enterprisesRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/enterprises",
    {
      schema: {
        tags,
        summary: "Danh sách doanh nghiệp / List enterprises",
        querystring: s.enterpriseListQuery,
        response: { 200: pageSchema(s.enterprise) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listEnterprises(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/enterprises/export",
    {
      schema: {
        tags,
        summary: "Xuất doanh nghiệp (CSV, XLSX, GeoJSON) / Export enterprises",
        querystring: s.enterpriseExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allEnterprises(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "doanh-nghiep",
        columns: enterpriseColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
        feature: enterpriseFeature,
      });
    },
  );
  app.get(
    "/api/v1/enterprises/:tax_code",
    {
      schema: {
        tags,
        summary: "Một doanh nghiệp / One enterprise",
        params: s.taxCodeParam,
        response: { 200: s.enterprise },
      },
    },
    async (req) => service.getEnterprise(db, req.params.tax_code),
  );
  app.post(
    "/api/v1/enterprises",
    {
      schema: {
        tags,
        summary: "Đăng ký doanh nghiệp / Register an enterprise",
        body: s.enterpriseInput,
        response: { 201: s.enterprise },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEnterprise(db, req.body)),
  );
  app.patch(
    "/api/v1/enterprises/:tax_code",
    {
      schema: {
        tags,
        summary: "Sửa doanh nghiệp / Update an enterprise",
        params: s.taxCodeParam,
        body: s.enterprisePatch,
        response: { 200: s.enterprise },
      },
    },
    async (req) => service.updateEnterprise(db, req.params.tax_code, req.body),
  );
}
