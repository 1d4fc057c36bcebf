import { z } from "zod";
import { actorOf, can, signedIn } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./identity.schemas.ts";
import { grantablePermissions, scopeOf } from "./policy.ts";
import * as service from "./tokens.service.ts";

const tags = ["auth"];

export async function tokensRoutes(app: App, { db }: AppDeps): Promise<void> {
  app.get(
    "/api/v1/tokens",
    {
      config: { access: can("token.manage") },
      schema: {
        tags,
        summary: "Khoá API (của tôi; quản trị: tất cả) / API tokens (mine; admins: all)",
        response: { 200: z.array(s.tokenInfo) },
      },
    },
    async (req) => {
      const p = signedIn(req);
      return service.listTokens(db, scopeOf(p.subject, "token.manage") === "all" ? null : p.user.id);
    },
  );
  app.get(
    "/api/v1/tokens/permissions",
    {
      config: { access: can("token.manage") },
      schema: {
        tags,
        summary: "Các quyền có thể trao cho khoá API / Permissions a token may carry",
        response: { 200: z.array(z.string()) },
      },
    },
    async (req) => grantablePermissions(signedIn(req).user.role),
  );
  app.post(
    "/api/v1/tokens",
    {
      config: { access: can("token.manage") },
      schema: {
        tags,
        summary: "Tạo khoá API (hiển thị một lần) / Create an API token (shown once)",
        body: s.tokenInput,
        response: { 201: s.createdToken },
      },
    },
    async (req, reply) => {
      const p = signedIn(req);
      return reply
        .status(201)
        .send(await service.createToken(db, actorOf(req), { id: p.user.id, role: p.user.role }, req.body));
    },
  );
  app.delete(
    "/api/v1/tokens/:id",
    {
      config: {
        access: can("token.manage", async (req) => {
          const owner = await service.tokenOwner(db, (req.params as { id: string }).id);
          return owner ? { ownerId: owner } : null;
        }),
      },
      schema: {
        tags,
        summary: "Thu hồi khoá API / Revoke an API token",
        params: s.idParam,
        response: { 200: s.tokenInfo },
      },
    },
    async (req) => service.revokeToken(db, actorOf(req), req.params.id),
  );
}
