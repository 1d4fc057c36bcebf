import { actorOf, can, patchedValue } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { zoneColumns, zoneFeature } from "./zones.presenters.ts";
import * as s from "./zones.schemas.ts";
import * as service from "./zones.service.ts";

const tags = ["zones"];

export async function zonesRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/zones",
    {
      config: { access: can("zone.read") },
      schema: {
        tags,
        summary: "Danh sách khu, cụm công nghiệp / List zones",
        querystring: s.zoneListQuery,
        response: { 200: pageSchema(s.zone) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listZones(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/zones/export",
    {
      config: { access: can("zone.read") },
      schema: {
        tags,
        summary: "Xuất danh sách khu (CSV, XLSX, GeoJSON) / Export zones",
        querystring: s.zoneExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allZones(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "khu-cong-nghiep",
        columns: zoneColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
        feature: zoneFeature,
      });
    },
  );
  app.get(
    "/api/v1/zones/geojson",
    {
      config: { access: can("zone.read") },
      schema: { tags, summary: "Bản đồ khu (GeoJSON) / Zone map", querystring: s.zoneFilter },
    },
    async (req, reply) => {
      const rows = await service.allZones(db, req.query, "code");
      const features = rows.map(zoneFeature).filter((f) => f !== null);
      return reply
        .header("content-type", "application/geo+json; charset=utf-8")
        .send(JSON.stringify({ type: "FeatureCollection", features }));
    },
  );
  app.get(
    "/api/v1/zones/:code",
    {
      config: { access: can("zone.read") },
      schema: { tags, summary: "Một khu / One zone", params: s.codeParam, response: { 200: s.zoneDetail } },
    },
    async (req) => service.getZone(db, req.params.code),
  );
  app.post(
    "/api/v1/zones",
    {
      config: {
        access: can("zone.create", async (req) => {
          const body = req.body as s.ZoneInput;
          return {
            zones: [body.code, ...(body.parent_code ? [body.parent_code] : [])],
            zoneKinds: [body.kind],
          };
        }),
      },
      schema: {
        tags,
        summary: "Tạo khu / Create a zone",
        body: s.zoneInput,
        response: { 201: s.zoneDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createZone(db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/zones/:code",
    {
      config: {
        access: can("zone.update", async (req) => {
          const current = await service.zoneTarget(db, (req.params as { code: string }).code);
          const patch = req.body as s.ZonePatch;
          // Moving a zone or changing its kind must stay within scope too.
          return (
            current && {
              zones: [...current.zones, ...patchedValue(patch, "parent_code")],
              zoneKinds: [...current.zoneKinds, ...(patch.kind ? [patch.kind] : [])],
            }
          );
        }),
      },
      schema: {
        tags,
        summary: "Sửa khu / Update a zone",
        params: s.codeParam,
        body: s.zonePatch,
        response: { 200: s.zoneDetail },
      },
    },
    async (req) => service.updateZone(db, actorOf(req), req.params.code, req.body),
  );
}
