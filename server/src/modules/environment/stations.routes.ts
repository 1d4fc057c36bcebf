import { z } from "zod";
import { actorOf, can, patchedValue, permits } from "../../http/access.ts";
import { sendExport } from "../../http/export.ts";
import { pageQuery, pageSchema } from "../../http/paging.ts";
import type { App, RouteDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import { bulkResult, MAX_BULK_READINGS } from "./ingest.schemas.ts";
import { parseCsvReadings, parseDataloggerFile, parseJsonReadings } from "./readings.ts";
import * as data from "./station-data.service.ts";
import { stationColumns } from "./stations.presenters.ts";
import * as s from "./stations.schemas.ts";
import * as service from "./stations.service.ts";

const tags = ["environment"];
const BULK_BYTES = 32 * 1024 * 1024;

export async function stationsRoutes(app: App, deps: RouteDeps): Promise<void> {
  const { db } = deps;
  const { ingester } = deps;
  const target = async (req: { params: unknown }) =>
    service.stationTarget(db, (req.params as { code: string }).code);
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: BULK_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    "/api/v1/environment/stations",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Trạm quan trắc / Monitoring stations",
        querystring: s.stationListQuery,
        response: { 200: pageSchema(s.station) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listStations(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/environment/stations/export",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Xuất danh sách trạm (CSV, XLSX) / Export stations",
        querystring: s.stationExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allStations(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "tram-quan-trac",
        columns: stationColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/environment/aqi/latest",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary:
          "Bản đồ VN_AQI giờ gần nhất của các trạm không khí / Latest hourly VN_AQI of every air station",
        response: { 200: s.aqiMapAnswer },
      },
    },
    async (req, reply) => {
      // Sent as kept: serialised, checked against the schema and compressed once per build.
      const { body, encoding } = await data.aqiMapBody(db, req.headers["accept-encoding"]);
      if (encoding) reply.header("content-encoding", encoding);
      // Added to, not replacing, what CORS may have set (Vary: Origin).
      const vary = reply.getHeader("vary");
      return reply
        .header("vary", vary ? `${vary}, accept-encoding` : "accept-encoding")
        .type("application/json; charset=utf-8")
        .send(body as unknown as z.infer<typeof s.aqiMapAnswer>);
    },
  );
  app.get(
    "/api/v1/environment/stations/:code",
    {
      config: { access: can("station.read") },
      schema: { tags, summary: "Một trạm / One station", params: s.codeParam, response: { 200: s.station } },
    },
    async (req) => service.getStation(db, req.params.code),
  );
  app.post(
    "/api/v1/environment/stations",
    {
      config: {
        access: can("station.manage", async (req) => {
          const body = req.body as s.StationInput;
          return { zones: [body.zone_code ?? null], taxCodes: [body.enterprise_tax_code ?? null] };
        }),
      },
      schema: {
        tags,
        summary: "Đăng ký trạm / Register a station",
        body: s.stationInput,
        response: { 201: s.station },
      },
    },
    async (req, reply) => {
      const created = await service.createStation(db, actorOf(req), req.body);
      ingester.forgetStations();
      data.mapChanged();
      return reply.code(201).send(created);
    },
  );
  app.patch(
    "/api/v1/environment/stations/:code",
    {
      config: {
        // Checked against where the station is and where the change would put it.
        access: can("station.manage", async (req) => {
          const current = await target(req);
          const patch = req.body as s.StationPatch;
          return {
            zones: [...(current.zones ?? []), ...patchedValue(patch, "zone_code")],
            taxCodes: [...(current.taxCodes ?? []), ...patchedValue(patch, "enterprise_tax_code")],
          };
        }),
      },
      schema: {
        tags,
        summary: "Sửa trạm, giấy phép, thông số / Update a station",
        params: s.codeParam,
        body: s.stationPatch,
        response: { 200: s.station },
      },
    },
    async (req) => {
      const updated = await service.updateStation(db, actorOf(req), req.params.code, req.body);
      ingester.forgetStations();
      data.mapChanged();
      return updated;
    },
  );
  app.post(
    "/api/v1/environment/stations/:code/credentials",
    {
      config: { access: can("station.manage", target) },
      schema: {
        tags,
        summary: "Cấp (lại) tài khoản MQTT cho trạm / Issue the station's MQTT credentials",
        description:
          "Mật khẩu chỉ hiện một lần; cấp lại làm mật khẩu cũ hết hiệu lực. / Shown once; a new one replaces the old.",
        params: s.codeParam,
        response: { 200: s.credentials },
      },
    },
    async (req) => service.issueCredentials(db, actorOf(req), req.params.code),
  );
  app.get(
    "/api/v1/environment/stations/:code/series",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary:
          "Chuỗi số liệu: thô, TB 1 giờ, 8 giờ, 24 giờ, kèm giới hạn / Series: raw, 1h, 8h, 24h means with the limit",
        params: s.codeParam,
        querystring: s.seriesQuery,
        response: { 200: s.series },
      },
    },
    async (req) => data.stationSeries(db, req.params.code, req.query),
  );
  app.get(
    "/api/v1/environment/stations/:code/health",
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Độ đầy đủ số liệu theo ngày / Data completeness per day",
        params: s.codeParam,
        querystring: s.healthQuery,
        response: { 200: s.health },
      },
    },
    async (req) => data.stationHealth(db, req.params.code, req.query.days),
  );
  app.get(
    "/api/v1/environment/stations/:code/rejections",
    {
      config: { access: can("station.read_restricted", target) },
      schema: {
        tags,
        summary: "Số liệu bị từ chối và lý do / Refused readings and why",
        params: s.codeParam,
        querystring: z.object(pageQuery),
        response: { 200: pageSchema(s.rejection) },
      },
    },
    async (req) => data.stationRejections(db, req.params.code, req.query),
  );
  app.post(
    "/api/v1/environment/observations",
    {
      bodyLimit: BULK_BYTES,
      config: { access: can("observation.ingest") },
      schema: {
        tags,
        summary: `Gửi số liệu hàng loạt (JSON hoặc CSV, tối đa ${MAX_BULK_READINGS.toLocaleString("vi-VN")}) / Bulk readings`,
        description:
          'JSON: [{"station","parameter","value","unit","time","status"}] hoặc {"readings":[…]}; CSV: station,parameter,time,value,unit,status. Số liệu lỗi bị từ chối từng dòng, phần còn lại được lưu. / Bad readings are refused one by one; the rest are stored.',
        response: { 200: bulkResult },
      },
    },
    async (req) => {
      const body = req.body;
      const parsed =
        typeof body === "string"
          ? parseCsvReadings(body, MAX_BULK_READINGS)
          : parseJsonReadings(body, null, MAX_BULK_READINGS);
      return ingester.ingest({
        parsed,
        channel: "http",
        permits: (st) => permits(req, "observation.ingest", { zones: [st.zoneCode], taxCodes: [st.taxCode] }),
      });
    },
  );
  app.post(
    "/api/v1/environment/stations/:code/datalogger",
    {
      bodyLimit: BULK_BYTES,
      config: { access: can("observation.ingest", target) },
      schema: {
        tags,
        summary: "Tải tệp dữ liệu của datalogger (TT 10/2021) / Upload a data logger file",
        description:
          "text/plain: mỗi dòng: thông số<TAB>giá trị<TAB>đơn vị<TAB>YYYYMMDDhhmmss<TAB>trạng thái (00/01/02).",
        params: s.codeParam,
        response: { 200: bulkResult },
      },
    },
    async (req) => {
      const text = typeof req.body === "string" ? req.body : "";
      return ingester.ingest({
        parsed: parseDataloggerFile(text, req.params.code, MAX_BULK_READINGS),
        channel: "file",
      });
    },
  );
}
