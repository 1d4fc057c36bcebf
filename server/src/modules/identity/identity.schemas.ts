import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { textSearch } from "../shared-schemas.ts";
import { PERMISSIONS, ROLES } from "./policy.ts";

export const role = z.enum(ROLES).describe(ROLES.join(", "));
export const permission = z.enum(PERMISSIONS);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, "3–64 ký tự a-z, 0-9, . _ - / 3–64 characters a-z, 0-9, . _ -");
const password = z.string().min(1).max(1024);

export const loginInput = z.object({ username: z.string().trim().min(1).max(64), password });
export const passwordChange = z.object({ current_password: password, new_password: password });

export const me = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role,
  zone_codes: z.array(z.string()),
  tax_codes: z.array(z.string()),
  must_change_password: z.boolean(),
  permissions: z.record(z.string(), z.string()).describe("quyền → phạm vi / permission → scope"),
});
export type Me = z.infer<typeof me>;

export const sessionState = z.object({
  authenticated: z.boolean(),
  via: z.enum(["session", "token"]).nullable(),
  user: me.nullable(),
  csrf_token: z
    .string()
    .nullable()
    .describe("Gửi trong tiêu đề x-csrf-token cho POST/PATCH/DELETE / send as x-csrf-token"),
  expires_at: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionState>;

export const sessionInfo = z.object({
  id: z.string().describe("Mã rút gọn của phiên / short session handle"),
  current: z.boolean(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  client_ip: z.string().nullable(),
  user_agent: z.string().nullable(),
});
export const sessionIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) });

export const tokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(permission).min(1).max(PERMISSIONS.length),
  expires_in_days: z.number().int().min(1).max(365).default(90),
});
export type TokenInput = z.infer<typeof tokenInput>;
export const tokenInfo = z.object({
  id: z.string(),
  user_id: z.string(),
  username: z.string(),
  name: z.string(),
  prefix: z.string().describe("Phần đầu của khoá để nhận diện / the key's first characters"),
  permissions: z.array(z.string()),
  expires_at: z.string(),
  last_used_at: z.string().nullable(),
  last_used_ip: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type TokenInfo = z.infer<typeof tokenInfo>;
export const createdToken = tokenInfo.extend({
  token: z.string().describe("Chỉ hiển thị một lần / shown once: Authorization: Bearer <token>"),
});
export const idParam = z.object({ id: z.uuid() });

const scopes = {
  zone_codes: z.array(z.string().trim().toUpperCase().max(30)).max(200).default([]),
  tax_codes: z.array(z.string().trim().max(20)).max(200).default([]),
};
export const userInput = z.object({
  username,
  display_name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullish(),
  role,
  ...scopes,
  password: password.describe("Theo chính sách mật khẩu / must satisfy the password policy"),
  must_change_password: z.boolean().default(true),
});
export type UserInput = z.infer<typeof userInput>;
export const userPatch = z.object({
  display_name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  role: role.optional(),
  zone_codes: scopes.zone_codes.unwrap().optional(),
  tax_codes: scopes.tax_codes.unwrap().optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type UserPatch = z.infer<typeof userPatch>;

export const user = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  email: z.string().nullable(),
  role,
  zone_codes: z.array(z.string()),
  tax_codes: z.array(z.string()),
  status: z.enum(["active", "disabled"]),
  must_change_password: z.boolean(),
  last_login_at: z.string().nullable(),
  is_demo: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type User = z.infer<typeof user>;
export const passwordReset = z.object({
  temporary_password: z.string().describe("Chỉ hiển thị một lần; phải đổi khi đăng nhập / shown once"),
});

export const userFilter = z.object({
  q: textSearch,
  role: role.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  zone: z.string().max(30).optional(),
  tax_code: z.string().max(20).optional(),
});
export type UserFilter = z.infer<typeof userFilter>;
const userQueries = listQueries(
  userFilter,
  ["username", "display_name", "role", "last_login_at", "created_at"],
  "username",
  exportFormat,
);
export const userListQuery = userQueries.list;
export const userExportQuery = userQueries.export;
