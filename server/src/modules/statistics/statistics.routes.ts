import { z } from "zod";
import { actorOf, can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as iipSeries from "./iip-series.service.ts";
import { feedIndicators, highTechClasses } from "./indicator-feed.ts";
import { sendContributions, sendSeries, sendStructure } from "./statistics.exports.ts";
import * as s from "./statistics.schemas.ts";
import { calculateIip } from "./statistics.service.ts";
import * as structure from "./structure.service.ts";

const tags = ["statistics"];

export async function statisticsRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.post(
    "/api/v1/statistics/iip/calculate",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Tính IIP cho một rổ sản phẩm (không lưu) / Compute the IIP of a basket (nothing stored)",
        description:
          "Phương pháp quốc gia: chỉ số cá thể so với bình quân tháng năm gốc, quyền số giá trị sản xuất trong lớp VSIC, quyền số giá trị tăng thêm lên ngành cấp 2, ngành cấp 1 và toàn ngành; đóng góp (điểm %) khi có kỳ so sánh. / National method; contributions when a comparison period is given.",
        body: s.iipCalculation,
        response: { 200: s.iipResult },
      },
    },
    async (req) => calculateIip(req.body),
  );
  app.get(
    "/api/v1/statistics/iip/series",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Chuỗi IIP theo tháng (từ báo cáo sản lượng) / Monthly IIP series (from production reports)",
        querystring: s.seriesQuery,
        response: { 200: s.seriesResult },
      },
    },
    async (req) => iipSeries.series(db, req.query),
  );
  app.get(
    "/api/v1/statistics/iip/series/export",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Xuất chuỗi IIP (CSV, XLSX, SDMX-CSV) / Export the IIP series",
        querystring: s.seriesExportQuery,
      },
    },
    async (req, reply) => sendSeries(db, req, reply, req.query, await iipSeries.series(db, req.query)),
  );
  app.get(
    "/api/v1/statistics/iip/bases",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Các năm gốc, quyền số và các tháng tính theo mỗi gốc / IIP bases and the months each holds",
        response: { 200: s.basesResult },
      },
    },
    async () => iipSeries.bases(db),
  );
  app.get(
    "/api/v1/statistics/iip/contributions/export",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Xuất đóng góp vào tăng trưởng / Export the contributions to growth",
        querystring: s.contributionsExportQuery,
      },
    },
    async (req, reply) =>
      sendContributions(db, req, reply, req.query, await iipSeries.contributionsAt(db, req.query)),
  );
  app.get(
    "/api/v1/statistics/iip/contributions",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary:
          "Đóng góp vào tăng trưởng so với cùng tháng (điểm %) / Contributions to growth, percentage points",
        querystring: s.contributionsQuery,
        response: { 200: s.contributionsResult },
      },
    },
    async (req) => iipSeries.contributionsAt(db, req.query),
  );
  app.post(
    "/api/v1/statistics/iip/bases",
    {
      config: { access: can("statistics.manage") },
      schema: {
        tags,
        summary: "Xác lập năm gốc và quyền số / Establish a base year and its weights",
        body: s.baseInput,
        response: { 201: z.object({ products: z.number().int(), quantities: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await iipSeries.establishBase(db, actorOf(req), req.body)),
  );
  app.post(
    "/api/v1/statistics/iip/recompute",
    {
      config: { access: can("statistics.manage") },
      schema: {
        tags,
        summary: "Tính lại IIP các tháng có điều chỉnh (hoặc tất cả) / Recompute the IIP",
        body: s.recomputeInput,
        response: { 200: s.recomputeResult },
      },
    },
    async (req) => {
      const done = await iipSeries.recompute(db, { all: req.body.all });
      return { ...done, indicator_values: done.months ? await feedIndicators(db) : null };
    },
  );
  app.get(
    "/api/v1/statistics/structure",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary:
          "Cơ cấu giá trị sản xuất theo loại hình, ngành; tỷ trọng công nghệ cao / Structure of production value",
        querystring: s.structureQuery,
        response: { 200: s.structureResult },
      },
    },
    async (req) => structure.structure(db, { ...req.query, highTech: await highTechClasses() }),
  );
  app.get(
    "/api/v1/statistics/structure/export",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Xuất cơ cấu giá trị sản xuất / Export the structure of production value",
        querystring: s.structureExportQuery,
      },
    },
    async (req, reply) =>
      sendStructure(
        db,
        req,
        reply,
        req.query,
        await structure.structure(db, { ...req.query, highTech: await highTechClasses() }),
      ),
  );
}
