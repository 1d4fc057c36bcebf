import { z } from "zod";
import { can } from "../../http/access.ts";
import { type Column, sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { checkTaxCode } from "../enterprises/enterprises.service.ts";
import { publishedSeries } from "./published-series.ts";
import * as s from "./reference.schemas.ts";
import * as service from "./reference.service.ts";

const tags = ["reference"];

const unitColumns: Column<z.infer<typeof s.unit>>[] = [
  { key: "code", vi: "Mã", en: "Code", value: (u) => u.code },
  { key: "level", vi: "Cấp", en: "Level", value: (u) => u.level },
  { key: "full_name", vi: "Tên", en: "Name", value: (u) => u.full_name },
  { key: "full_name_en", vi: "Tên tiếng Anh", en: "English name", value: (u) => u.full_name_en },
  { key: "parent_code", vi: "Mã cấp trên", en: "Parent code", value: (u) => u.parent_code },
  { key: "valid_from", vi: "Hiệu lực từ", en: "Valid from", value: (u) => u.valid_from },
  { key: "valid_to", vi: "Hiệu lực đến", en: "Valid to", value: (u) => u.valid_to },
  { key: "area_km2", vi: "Diện tích (km²)", en: "Area (km²)", value: (u) => u.area_km2 },
];

const vsicColumns: Column<z.infer<typeof s.vsicCode>>[] = [
  { key: "version", vi: "Phiên bản", en: "Version", value: (v) => v.version },
  { key: "code", vi: "Mã", en: "Code", value: (v) => v.code },
  { key: "level", vi: "Cấp", en: "Level", value: (v) => v.level },
  { key: "parent_code", vi: "Mã cấp trên", en: "Parent code", value: (v) => v.parent_code },
  { key: "name_vi", vi: "Tên ngành", en: "Name (Vietnamese)", value: (v) => v.name_vi },
];

export async function referenceRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/reference/units",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Đơn vị hành chính / Administrative units",
        querystring: s.unitFilter.extend(s.pageQuery),
        response: { 200: pageSchema(s.unit) },
      },
    },
    async (req) => {
      const { page, page_size, ...filter } = req.query;
      return service.listUnits(db, filter, { page, page_size });
    },
  );
  app.get(
    "/api/v1/reference/units/export",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Xuất đơn vị hành chính / Export units",
        querystring: s.unitFilter.extend({ format: s.exportFormat }),
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const { items } = await service.listUnits(db, filter, { page: 1, page_size: 100_000 });
      return sendExport(reply, {
        format,
        fileName: "don-vi-hanh-chinh",
        columns: unitColumns,
        rows: items,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/reference/units/geojson",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Ranh giới xã/phường (GeoJSON) / Commune boundaries",
        querystring: z.object({
          province: z
            .enum(["31"])
            .default("31")
            .describe("Chỉ có ranh giới của Hải Phòng / only Hải Phòng has boundaries"),
        }),
      },
    },
    async (req, reply) =>
      reply
        .header("content-type", "application/geo+json; charset=utf-8")
        .send(JSON.stringify(await service.communeFeatures(db, req.query.province))),
  );
  app.get(
    "/api/v1/reference/units/:code",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Một đơn vị và bảng chuyển đổi cũ → mới / One unit with its crosswalk",
        params: z.object({ code: z.string().regex(/^\d{2,5}$/) }),
        querystring: z.object({ era: s.era }),
        response: { 200: s.unitDetail },
      },
    },
    async (req) => service.getUnit(db, req.query.era, req.params.code),
  );
  app.get(
    "/api/v1/reference/vsic",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Mã ngành VSIC / VSIC codes",
        querystring: s.vsicFilter.extend(s.pageQuery),
        response: { 200: pageSchema(s.vsicCode) },
      },
    },
    async (req) => {
      const { page, page_size, ...filter } = req.query;
      return service.listVsic(db, filter, { page, page_size });
    },
  );
  app.get(
    "/api/v1/reference/vsic/export",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Xuất mã ngành / Export VSIC codes",
        querystring: s.vsicFilter.extend({ format: s.exportFormat }),
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const { items } = await service.listVsic(db, filter, { page: 1, page_size: 100_000 });
      return sendExport(reply, {
        format,
        fileName: "vsic-2025",
        columns: vsicColumns,
        rows: items,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/reference/vsic/tree",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Cây mã ngành / VSIC tree",
        querystring: z.object({ version: z.enum(["2025"]).default("2025") }),
        response: { 200: z.array(s.vsicNode) },
      },
    },
    async (req) => service.vsicTree(db, req.query.version),
  );
  app.get(
    "/api/v1/reference/countries",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Quốc gia, vùng lãnh thổ / Countries",
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.array(s.country) },
      },
    },
    async (req) => service.listCountries(db, req.query.q),
  );
  app.get(
    "/api/v1/reference/sources",
    {
      config: { access: can("reference.read") },
      schema: { tags, summary: "Nguồn số liệu / Data sources", response: { 200: z.array(s.source) } },
    },
    async () => service.listSources(db),
  );
  app.get(
    "/api/v1/reference/series",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Chuỗi số liệu chính thức đã công bố, kèm nguồn / Official published series with sources",
        response: { 200: z.array(s.publishedSeries) },
      },
    },
    async () => publishedSeries(db),
  );
  app.get(
    "/api/v1/reference/tax-codes/:code",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Kiểm tra mã số thuế / Check a tax code",
        params: z.object({ code: z.string().max(20) }),
        response: { 200: s.taxCodeAnswer },
      },
    },
    async (req) => {
      const answer = await checkTaxCode(db, req.params.code);
      return { ...answer, message: answer.message[pickLang(req.headers["accept-language"])] };
    },
  );
}
