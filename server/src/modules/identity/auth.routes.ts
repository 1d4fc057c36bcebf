import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  actorOf,
  CSRF_HEADER,
  can,
  clearSessionCookie,
  OPEN,
  SESSION_COOKIE,
  signedIn,
} from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./identity.schemas.ts";
import * as sessions from "./sessions.service.ts";
import { changePassword, describeMe } from "./users.service.ts";

const tags = ["auth"];

function sessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  id: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, id, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.cookieSecure ?? req.protocol === "https",
    expires,
  });
}

function stateOf(req: FastifyRequest): s.SessionState {
  const p = req.principal;
  if (!p) return { authenticated: false, via: null, user: null, csrf_token: null, expires_at: null };
  return {
    authenticated: true,
    via: p.via,
    user: describeMe(p.user, p.subject.tokenPermissions),
    csrf_token: p.csrfToken ?? null,
    expires_at: p.expiresAt?.toISOString() ?? null,
  };
}

export async function authRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const settings = deps.config;
  app.post(
    "/api/v1/auth/login",
    {
      config: { access: OPEN, strictRateLimit: true },
      schema: {
        tags,
        summary: "Đăng nhập (cookie phiên) / Sign in (session cookie)",
        description: `Sai ${sessions.LOCKOUT_THRESHOLD} lần liên tiếp thì tạm khoá, thời gian khoá tăng gấp đôi mỗi lần sai tiếp. Gửi ${CSRF_HEADER} với mọi POST/PATCH/DELETE sau đó.`,
        body: s.loginInput,
        response: { 200: s.sessionState },
      },
    },
    async (req, reply) => {
      const result = await sessions.login(db, settings, {
        ...req.body,
        clientIp: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        requestId: req.id,
        previousSession: req.cookies[SESSION_COOKIE],
      });
      sessionCookie(req, reply, deps, result.sessionId, result.expiresAt);
      req.principal = await sessions.authenticateSession(db, settings, result.sessionId);
      return stateOf(req);
    },
  );
  app.get(
    "/api/v1/auth/session",
    {
      config: { access: OPEN },
      schema: { tags, summary: "Phiên hiện tại / Current session", response: { 200: s.sessionState } },
    },
    async (req) => stateOf(req),
  );
  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: can("account.use") },
      schema: { tags, summary: "Đăng xuất / Sign out", response: { 204: z.null() } },
    },
    async (req, reply) => {
      const p = signedIn(req);
      if (p.sessionHash) await sessions.logout(db, actorOf(req), p.sessionHash);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/v1/auth/logout-all",
    {
      config: { access: can("account.use") },
      schema: {
        tags,
        summary: "Đăng xuất mọi nơi / Sign out everywhere",
        response: { 200: z.object({ sessions_revoked: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const revoked = await sessions.logoutEverywhere(db, actorOf(req), signedIn(req).user.id);
      clearSessionCookie(reply);
      return { sessions_revoked: revoked };
    },
  );
  app.get(
    "/api/v1/auth/sessions",
    {
      config: { access: can("account.use") },
      schema: {
        tags,
        summary: "Các phiên đang mở / Open sessions",
        response: { 200: z.array(s.sessionInfo) },
      },
    },
    async (req) => {
      const p = signedIn(req);
      return sessions.listSessions(db, p.user.id, p.sessionHash);
    },
  );
  app.delete(
    "/api/v1/auth/sessions/:id",
    {
      config: { access: can("account.use") },
      schema: {
        tags,
        summary: "Kết thúc một phiên / End one session",
        params: s.sessionIdParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await sessions.revokeSessionByHandle(db, actorOf(req), signedIn(req).user.id, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/v1/auth/password",
    {
      config: { access: can("account.use") },
      schema: {
        tags,
        summary: "Đổi mật khẩu (các phiên khác bị đăng xuất) / Change password (other sessions end)",
        body: s.passwordChange,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const p = signedIn(req);
      await changePassword(db, settings, actorOf(req), {
        userId: p.user.id,
        current: req.body.current_password,
        next: req.body.new_password,
        sessionHash: p.sessionHash,
      });
      return reply.status(204).send(null);
    },
  );
}
