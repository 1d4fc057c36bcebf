import { can } from "../../http/access.ts";
import { type Column, sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import * as s from "./audit.schemas.ts";
import * as service from "./audit.service.ts";

const tags = ["audit"];

const auditColumns: Column<s.AuditEntry>[] = [
  { key: "seq", vi: "Số thứ tự", en: "Sequence", value: (e) => e.seq },
  { key: "at", vi: "Thời điểm", en: "Time", value: (e) => e.at },
  { key: "actor_username", vi: "Người thực hiện", en: "Actor", value: (e) => e.actor_username },
  { key: "actor_role", vi: "Vai trò", en: "Role", value: (e) => e.actor_role },
  { key: "actor_via", vi: "Qua", en: "Via", value: (e) => e.actor_via },
  { key: "action", vi: "Thao tác", en: "Action", value: (e) => e.action },
  { key: "entity_type", vi: "Loại đối tượng", en: "Entity type", value: (e) => e.entity_type },
  { key: "entity_id", vi: "Mã đối tượng", en: "Entity id", value: (e) => e.entity_id },
  { key: "changes", vi: "Thay đổi", en: "Changes", value: (e) => JSON.stringify(e.changes) },
  { key: "request_id", vi: "Mã yêu cầu", en: "Request id", value: (e) => e.request_id },
  { key: "client_ip", vi: "Địa chỉ IP", en: "Client address", value: (e) => e.client_ip },
  { key: "hash", vi: "Mã băm", en: "Hash", value: (e) => e.hash },
];

export async function auditRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/audit",
    {
      config: { access: can("audit.read") },
      schema: {
        tags,
        summary: "Nhật ký kiểm toán / Audit log",
        querystring: s.auditListQuery,
        response: { 200: pageSchema(s.auditEntry) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listAudit(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/audit/export",
    {
      config: { access: can("audit.read") },
      schema: {
        tags,
        summary: "Xuất nhật ký kiểm toán / Export the audit log",
        querystring: s.auditExportQuery,
      },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allAudit(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "nhat-ky-kiem-toan",
        columns: auditColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/audit/verify",
    {
      config: { access: can("audit.verify") },
      schema: {
        tags,
        summary: "Kiểm tra chuỗi băm của nhật ký / Verify the audit hash chain",
        description: "Báo bản ghi đầu tiên bị sửa, xoá hoặc sai liên kết / reports the first broken link.",
        response: { 200: s.chainCheck },
      },
    },
    async () => service.verifyAuditChain(db),
  );
}
