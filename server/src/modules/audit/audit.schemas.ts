import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { isoDate, textSearch } from "../shared-schemas.ts";

export const auditFilter = z.object({
  q: textSearch,
  actor: z.string().max(64).optional().describe("Tên đăng nhập / username"),
  action: z
    .string()
    .max(40)
    .optional()
    .describe("create, update, import, login, login_failed, permission_change…"),
  entity_type: z
    .string()
    .max(40)
    .optional()
    .describe("zone, enterprise, project, user, token, session, import…"),
  entity_id: z.string().max(100).optional(),
  from: isoDate.optional().describe("Từ ngày (giờ Việt Nam) / from date, Vietnam time"),
  to: isoDate.optional().describe("Đến ngày, tính cả ngày đó / to date, inclusive"),
});
export type AuditFilter = z.infer<typeof auditFilter>;

const queries = listQueries(
  auditFilter,
  ["seq", "at", "actor_username", "action", "entity_type"],
  "-seq",
  exportFormat,
);
export const auditListQuery = queries.list;
export const auditExportQuery = queries.export;

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor_id: z.string().nullable(),
  actor_username: z.string(),
  actor_role: z.string().nullable(),
  actor_via: z.string().describe("session, token, cli, system"),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  changes: z
    .record(z.string(), z.unknown())
    .describe("{ trường: [trước, sau] } / { field: [before, after] }"),
  request_id: z.string().nullable(),
  client_ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const breakReason = z
  .enum(["missing_entry", "link_mismatch", "hash_mismatch"])
  .describe("missing_entry: thiếu bản ghi; link_mismatch: sai liên kết; hash_mismatch: nội dung bị sửa");
export type BreakReason = z.infer<typeof breakReason>;

export const chainCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe("Số bản ghi đã kiểm tra hợp lệ / entries verified"),
  total: z.number().int(),
  head: z
    .object({ seq: z.string(), hash: z.string() })
    .nullable()
    .describe("Đầu chuỗi: lưu lại ở nơi khác để phát hiện cắt đuôi"),
  first_broken: z.object({ seq: z.string(), at: z.string(), reason: breakReason }).nullable(),
});
export type ChainCheck = z.infer<typeof chainCheck>;
