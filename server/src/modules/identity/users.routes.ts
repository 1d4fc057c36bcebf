import { actorOf, can } from "../../http/access.ts";
import { type Column, sendExport } from "../../http/export.ts";
import { pageSchema } from "../../http/paging.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { pickLang } from "../../platform/lang.ts";
import * as s from "./identity.schemas.ts";
import * as service from "./users.service.ts";

const tags = ["users"];

const userColumns: Column<s.User>[] = [
  { key: "username", vi: "Tên đăng nhập", en: "Username", value: (u) => u.username },
  { key: "display_name", vi: "Họ tên", en: "Name", value: (u) => u.display_name },
  { key: "email", vi: "Email", en: "Email", value: (u) => u.email },
  { key: "role", vi: "Vai trò", en: "Role", value: (u) => u.role },
  { key: "zone_codes", vi: "Khu được giao", en: "Zones", value: (u) => u.zone_codes.join("; ") },
  { key: "tax_codes", vi: "Mã số thuế gắn", en: "Tax codes", value: (u) => u.tax_codes.join("; ") },
  { key: "status", vi: "Trạng thái", en: "Status", value: (u) => u.status },
  { key: "last_login_at", vi: "Đăng nhập gần nhất", en: "Last sign-in", value: (u) => u.last_login_at },
  { key: "created_at", vi: "Ngày tạo", en: "Created", value: (u) => u.created_at },
];

export async function usersRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const settings = deps.config;
  app.get(
    "/api/v1/users",
    {
      config: { access: can("user.read") },
      schema: {
        tags,
        summary: "Danh sách người dùng / List users",
        querystring: s.userListQuery,
        response: { 200: pageSchema(s.user) },
      },
    },
    async (req) => {
      const { page, page_size, sort, ...filter } = req.query;
      return service.listUsers(db, filter, sort, { page, page_size });
    },
  );
  app.get(
    "/api/v1/users/export",
    {
      config: { access: can("user.read") },
      schema: { tags, summary: "Xuất người dùng / Export users", querystring: s.userExportQuery },
    },
    async (req, reply) => {
      const { format, sort, ...filter } = req.query;
      const rows = await service.allUsers(db, filter, sort);
      return sendExport(reply, {
        format,
        fileName: "nguoi-dung",
        columns: userColumns,
        rows,
        lang: pickLang(req.headers["accept-language"]),
      });
    },
  );
  app.get(
    "/api/v1/users/:id",
    {
      config: { access: can("user.read") },
      schema: { tags, summary: "Một người dùng / One user", params: s.idParam, response: { 200: s.user } },
    },
    async (req) => service.getUser(db, req.params.id),
  );
  app.post(
    "/api/v1/users",
    {
      config: { access: can("user.manage") },
      schema: {
        tags,
        summary: "Tạo người dùng / Create a user",
        body: s.userInput,
        response: { 201: s.user },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createUser(db, settings, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/users/:id",
    {
      config: { access: can("user.manage") },
      schema: {
        tags,
        summary: "Sửa người dùng, vai trò, phạm vi, trạng thái / Update a user, role, scopes, status",
        params: s.idParam,
        body: s.userPatch,
        response: { 200: s.user },
      },
    },
    async (req) => service.updateUser(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/users/:id/reset-password",
    {
      config: { access: can("user.manage") },
      schema: {
        tags,
        summary: "Cấp mật khẩu tạm (mở khoá, đăng xuất mọi nơi) / Issue a temporary password",
        params: s.idParam,
        response: { 200: s.passwordReset },
      },
    },
    async (req) => ({
      temporary_password: await service.resetPassword(db, settings, actorOf(req), req.params.id),
    }),
  );
}
