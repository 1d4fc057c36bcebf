import type { FastifyRequest } from "fastify";
import { actorOf, callerScope, can, patchedValue, signedIn, viewer } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { AppError } from "../../platform/errors.ts";
import { pickLang } from "../../platform/lang.ts";
import { ENTERPRISE_EDITABLE_FIELDS, editableEnterpriseFields } from "../identity/policy.ts";
import { enterpriseFeature, redactEnterprise, visibleEnterpriseColumns } from "./enterprises.presenters.ts";
import * as s from "./enterprises.schemas.ts";
import * as service from "./enterprises.service.ts";

const tags = ["enterprises"];

/** Sorting by a withheld figure would reveal it through the order: only city-wide readers may. */
function refuseRestrictedSort(req: FastifyRequest, sort: string): void {
  const field = sort.replace(/^-/, "");
  if (!(s.RESTRICTED_ENTERPRISE_FIELDS as readonly string[]).includes(field)) return;
  if (callerScope(req, "enterprise.read_restricted") === "all") return;
  const text = {
    vi: `Không được sắp xếp theo "${field}": số liệu này không công khai.`,
    en: `Cannot sort by "${field}": the figure is not public.`,
  };
  throw new AppError("auth.sort_not_allowed", 403, text, [
    { code: "auth.sort_not_allowed", field: "sort", message: text },
  ]);
}

export async function enterprisesRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/enterprises",
    {
      config: { access: can("enterprise.read") },
      schema: {
        tags,
        summary: "Danh sách doanh nghiệp / List enterprises",
        querystring: s.enterpriseListQuery,
        response: { 200: pageSchema(s.enterprise) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      refuseRestrictedSort(req, sort);
      const page0 = await service.listEnterprises(db, filter, sort, { page, page_size });
      const canSee = viewer(req, "enterprise.read_restricted");
      return { ...page0, items: page0.items.map((e) => redactEnterprise(e, canSee)) };
    },
  );
  app.get(
    "/api/v1/enterprises/export",
    {
      config: { access: can("enterprise.read") },
      schema: {
        tags,
        summary: "Xuất doanh nghiệp (CSV, XLSX, GeoJSON) / Export enterprises",
        querystring: s.enterpriseExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      refuseRestrictedSort(req, sort);
      const canSee = viewer(req, "enterprise.read_restricted");
      const rows = (await service.allEnterprises(db, filter, sort)).map((e) => redactEnterprise(e, canSee));
      return sendExport(reply, {
        format,
        fileName: "doanh-nghiep",
        columns: visibleEnterpriseColumns(rows),
        rows,
        lang: pickLang(req.headers["accept-language"]),
        feature: enterpriseFeature,
      });
    },
  );
  app.get(
    "/api/v1/enterprises/:tax_code",
    {
      config: { access: can("enterprise.read") },
      schema: {
        tags,
        summary: "Một doanh nghiệp / One enterprise",
        params: s.taxCodeParam,
        response: { 200: s.enterprise },
      },
    },
    async (req) =>
      redactEnterprise(
        await service.getEnterprise(db, req.params.tax_code),
        viewer(req, "enterprise.read_restricted"),
      ),
  );
  app.post(
    "/api/v1/enterprises",
    {
      config: {
        access: can("enterprise.create", async (req) => {
          const body = req.body as s.EnterpriseInput;
          return { zones: [body.zone_code ?? null], taxCodes: [body.tax_code] };
        }),
      },
      schema: {
        tags,
        summary: "Đăng ký doanh nghiệp / Register an enterprise",
        body: s.enterpriseInput,
        response: { 201: s.enterprise },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEnterprise(db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/enterprises/:tax_code",
    {
      config: {
        access: can("enterprise.update", async (req) => {
          const current = await service.enterpriseScope(db, (req.params as { tax_code: string }).tax_code);
          const patch = req.body as s.EnterprisePatch;
          // Moving an enterprise to another zone needs scope over both zones.
          return (
            current && {
              ...current,
              zones: [...current.zones, ...patchedValue(patch, "zone_code")],
            }
          );
        }),
      },
      schema: {
        tags,
        summary: "Sửa doanh nghiệp / Update an enterprise",
        description: `Tài khoản doanh nghiệp chỉ sửa được: ${[...ENTERPRISE_EDITABLE_FIELDS].join(", ")}.`,
        params: s.taxCodeParam,
        body: s.enterprisePatch,
        response: { 200: s.enterprise },
      },
    },
    async (req) => {
      const editable = editableEnterpriseFields(signedIn(req).user.role);
      return service.updateEnterprise(db, actorOf(req), req.params.tax_code, req.body, editable);
    },
  );
}
