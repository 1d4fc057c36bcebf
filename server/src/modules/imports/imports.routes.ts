import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, callerScope, can, permits, signedIn } from "../../http/access.ts";
import { errorBody } from "../../http/error-schema.ts";
import { type Column, sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { AppError, type Issue } from "../../platform/errors.ts";
import { type Lang, pickLang } from "../../platform/lang.ts";
import { type Permission, scopeOf } from "../identity/policy.ts";
import type { ImportKind } from "./columns.ts";
import * as s from "./imports.schemas.ts";
import * as service from "./imports.service.ts";
import { HANDLERS } from "./kinds.ts";
import { templateCsv, templateXlsx } from "./templates.ts";

const tags = ["imports"];
/** The registry resource each kind writes: rows are checked against that resource's permissions. */
const RESOURCE = { zones: "zone", enterprises: "enterprise", projects: "project" } as const;

/** What a row of a kind needs: its resource's create/update, or the kind's own permission. */
function permissionFor(kind: ImportKind, action: "create" | "update"): Permission {
  const own = HANDLERS[kind].permission;
  return own ?? (`${RESOURCE[kind as keyof typeof RESOURCE]}.${action}` as Permission);
}

const localise = (issues: Issue[], lang: Lang) =>
  issues.map(({ message, value: _v, ...rest }) => ({ ...rest, message: message[lang] }));

const runColumns: Column<{
  id: string;
  kind: string;
  file_name: string | null;
  status: string;
  total_rows: number;
  inserted: number;
  updated: number;
  created_at: string;
}>[] = [
  { key: "created_at", vi: "Thời điểm", en: "Time", value: (r) => r.created_at },
  { key: "kind", vi: "Loại dữ liệu", en: "Kind", value: (r) => r.kind },
  { key: "file_name", vi: "Tệp", en: "File", value: (r) => r.file_name },
  { key: "status", vi: "Kết quả", en: "Status", value: (r) => r.status },
  { key: "total_rows", vi: "Số dòng", en: "Rows", value: (r) => r.total_rows },
  { key: "inserted", vi: "Thêm mới", en: "Inserted", value: (r) => r.inserted },
  { key: "updated", vi: "Cập nhật", en: "Updated", value: (r) => r.updated },
  { key: "id", vi: "Mã lượt nhập", en: "Import id", value: (r) => r.id },
];

const issueColumns: Column<{ row?: number; column?: string; code: string; message: string }>[] = [
  { key: "row", vi: "Dòng", en: "Row", value: (i) => i.row },
  { key: "column", vi: "Cột", en: "Column", value: (i) => i.column },
  { key: "code", vi: "Mã lỗi", en: "Code", value: (i) => i.code },
  { key: "message", vi: "Mô tả", en: "Message", value: (i) => i.message },
];

/** Importers see their own runs; those who may read every run see all. */
function ownRunsOnly(req: FastifyRequest): string | undefined {
  const p = signedIn(req);
  return scopeOf(p.subject, "import.read") === "all" ? undefined : p.user.id;
}

async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  const file = await req.file();
  if (!file) {
    throw new AppError("import.file_missing", 400, {
      vi: 'Cần gửi tệp trong trường "file" (multipart/form-data).',
      en: 'Send the file in the "file" field (multipart/form-data).',
    });
  }
  try {
    return { name: file.filename, buffer: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      const mb = Math.round(maxBytes / 1024 / 1024);
      throw new AppError("import.file_too_large", 413, {
        vi: `Tệp vượt quá ${mb} MB.`,
        en: `The file exceeds ${mb} MB.`,
      });
    }
    throw error;
  }
}

export async function importsRoutes(app: App, { db, config }: AppDeps): Promise<void> {
  app.post(
    "/api/v1/imports/:kind",
    {
      config: { access: can("import.create") },
      schema: {
        tags,
        summary: "Nhập tệp CSV/XLSX (tất cả hoặc không) / Import a CSV or XLSX file (all or nothing)",
        description:
          'multipart/form-data, trường "file". Trả về báo cáo từng dòng lỗi; không ghi gì nếu có lỗi.',
        consumes: ["multipart/form-data"],
        params: s.kindParam,
        querystring: s.importQuery,
        response: { 200: s.importReport, 422: z.union([s.importReport, errorBody]) },
      },
    },
    async (req, reply) => {
      const kind = req.params.kind as ImportKind;
      // Enterprise staff ("own" scope) import only what they report themselves (kinds with their own
      // permission: investor reports), never registry records, whose fields they may not all change.
      if (callerScope(req, "import.create") === "own" && !HANDLERS[kind].permission)
        throw new AppError("auth.forbidden", 403, {
          vi: `Tài khoản doanh nghiệp không nhập được "${kind}"; chỉ nhập báo cáo của mình.`,
          en: `Enterprise accounts cannot import "${kind}"; only their own reports.`,
        });
      const file = await uploadedFile(req, config.importMaxBytes);
      const report = await service.runImport(db, {
        kind: req.params.kind as ImportKind,
        buffer: file.buffer,
        fileName: file.name,
        dryRun: req.query.dry_run === "true",
        actor: actorOf(req),
        allowed: (action, target) =>
          permits(req, permissionFor(req.params.kind as ImportKind, action), target),
      });
      const lang = pickLang(req.headers["accept-language"]);
      return reply
        .status(report.status === "rejected" ? 422 : 200)
        .send({ ...report, issues: localise(report.issues, lang) });
    },
  );
  app.get(
    "/api/v1/imports",
    {
      config: { access: can("import.read") },
      schema: {
        tags,
        summary: "Lịch sử nhập tệp / Import history",
        querystring: s.runsQuery,
        response: { 200: pageSchema(s.importRun) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listRuns(db, { ...filter, user_id: ownRunsOnly(req) }, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/imports/export",
    {
      config: { access: can("import.read") },
      schema: {
        tags,
        summary: "Xuất lịch sử nhập tệp / Export import history",
        querystring: s.runsExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allRuns(db, { ...filter, user_id: ownRunsOnly(req) }, sort);
      return sendExport(reply, {
        format,
        fileName: "lich-su-nhap",
        columns: runColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/imports/templates/:kind",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Tải mẫu nhập / Download a template",
        params: s.kindParam,
        querystring: s.templateQuery,
      },
    },
    async (req, reply) => {
      const { format, lang } = req.query;
      const name = `mau-nhap-${req.params.kind}-${lang}.${format}`;
      reply.header("content-disposition", `attachment; filename="${name}"`);
      if (format === "csv")
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .send(templateCsv(req.params.kind, lang));
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(await templateXlsx(req.params.kind, lang));
    },
  );
  app.get(
    "/api/v1/imports/:id",
    {
      config: {
        access: can("import.read", (req) => service.runOwner(db, (req.params as { id: string }).id)),
      },
      schema: {
        tags,
        summary: "Báo cáo một lượt nhập / One import report",
        params: z.object({ id: z.uuid() }),
        querystring: s.reportQuery,
      },
    },
    async (req, reply) => {
      const run = await service.getRun(db, req.params.id);
      const lang = pickLang(req.headers["accept-language"]);
      const issues = localise(run.issues, lang);
      if (req.query.format === "json") return reply.send({ ...run, issues });
      return sendExport(reply, {
        format: req.query.format,
        fileName: `bao-cao-nhap-${run.kind}`,
        columns: issueColumns,
        rows: issues,
        lang,
      });
    },
  );
}
