/**
 * The one place where access is decided. Every route declares `config.access` (a permission and,
 * when the action touches one record, how to find its scope); these hooks identify the caller
 * (session cookie or API token), check CSRF, the role's permission and the record's scope.
 *
 * 401: not signed in. 403: signed in without the permission, or outside one's scope on a record
 * whose existence is public (zones, enterprises, projects). 404: outside one's scope on a record
 * whose existence is not public (accounts, tokens, imports, sessions) — so refusals leak nothing.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../modules/audit/audit.service.ts";
import {
  allows,
  type Permission,
  POLICY,
  PUBLIC_RESOURCES,
  type Scope,
  type Subject,
  scopeCovers,
  scopeOf,
  type Target,
} from "../modules/identity/policy.ts";
import {
  authenticateSession,
  authenticateToken,
  type Principal,
} from "../modules/identity/sessions.service.ts";
import { AppError } from "../platform/errors.ts";
import type { App, AppDeps } from "./types.ts";

export interface RouteAccess {
  /** null: open to everyone, signed in or not (sign-in itself, health, documentation). */
  permission: Permission | null;
  /** The record the action touches; resolving to null means it does not exist (404). */
  target?: (req: FastifyRequest) => Promise<Target | null>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Count this route against the sign-in limit (LOGIN_RATE_LIMIT_PER_MINUTE) instead of the general one. */
    strictRateLimit?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    registeredRoutes: ReadonlyArray<{ method: string | string[]; url: string; config?: unknown }>;
  }
}

export const OPEN: RouteAccess = { permission: null };

export function can(
  permission: Permission,
  target?: (req: FastifyRequest) => Promise<Target | null>,
): RouteAccess {
  return target ? { permission, target } : { permission };
}

export const SESSION_COOKIE = "hpi_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refusal = {
  undeclared: () =>
    new AppError("auth.route_undeclared", 500, {
      vi: "Đường dẫn chưa khai báo quyền truy cập.",
      en: "This route declares no permission.",
    }),
  required: () =>
    new AppError("auth.required", 401, {
      vi: "Cần đăng nhập để thực hiện thao tác này.",
      en: "Sign in to do this.",
    }),
  tokenInvalid: () =>
    new AppError("auth.token_invalid", 401, {
      vi: "Khoá API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.",
      en: "The API token is invalid, expired or revoked.",
    }),
  forbidden: (permission: string) =>
    new AppError("auth.forbidden", 403, {
      vi: `Vai trò của bạn không có quyền "${permission}".`,
      en: `Your role lacks the permission "${permission}".`,
    }),
  outOfScope: () =>
    new AppError("auth.out_of_scope", 403, {
      vi: "Bản ghi này nằm ngoài phạm vi được giao cho bạn.",
      en: "This record is outside the scope assigned to you.",
    }),
  hidden: () => new AppError("common.not_found", 404, { vi: "Không tìm thấy.", en: "Not found." }),
  csrf: () =>
    new AppError("auth.csrf_failed", 403, {
      vi: `Thiếu hoặc sai mã chống giả mạo (tiêu đề ${CSRF_HEADER}); tải lại trang rồi thử lại.`,
      en: `Missing or wrong anti-forgery token (${CSRF_HEADER} header); reload the page and retry.`,
    }),
  mustChangePassword: () =>
    new AppError("auth.password_change_required", 403, {
      vi: "Cần đổi mật khẩu trước khi tiếp tục.",
      en: "Change your password before continuing.",
    }),
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

async function identify(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<Principal | null> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const principal = await authenticateToken(deps.db, header.slice(7).trim(), req.ip);
    if (!principal) {
      reply.header("www-authenticate", 'Bearer error="invalid_token"');
      throw refusal.tokenInvalid();
    }
    return principal;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const principal = await authenticateSession(deps.db, deps.config, cookie);
  // A stale cookie makes the caller anonymous rather than failing public pages.
  if (!principal) clearSessionCookie(reply);
  return principal;
}

function checkPermission(req: FastifyRequest, permission: Permission): void {
  const principal = req.principal;
  if (principal?.via === "session" && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
      throw refusal.csrf();
    }
  }
  if (scopeOf(principal?.subject ?? null, permission) === null) {
    throw principal ? refusal.forbidden(permission) : refusal.required();
  }
  if (principal?.user.mustChangePassword && permission !== "account.use" && !POLICY.public[permission]) {
    throw refusal.mustChangePassword();
  }
}

export function registerAccess(app: App, deps: AppDeps): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (req, reply) => {
    if (req.is404) return;
    const access = req.routeOptions.config.access;
    if (!access) throw refusal.undeclared();
    req.principal = await identify(req, reply, deps);
    if (access.permission) checkPermission(req, access.permission);
  });
  // Scope needs the parsed params and body, so it is checked once they are validated.
  app.addHook("preHandler", async (req) => {
    const access = req.routeOptions.config.access;
    if (!access?.permission || !access.target) return;
    const target = await access.target(req);
    if (!target) throw refusal.hidden();
    const subject = req.principal?.subject ?? null;
    const scope = scopeOf(subject, access.permission);
    if (scope === null || !scopeCovers(scope, subject, target)) {
      throw PUBLIC_RESOURCES.has(access.permission.split(".")[0] as string)
        ? refusal.outOfScope()
        : refusal.hidden();
    }
  });
}

/**
 * The new value a PATCH gives a scoping field (zone, parent, enterprise), as a list to add to the
 * target: empty when the field is not in the patch; [null] when the patch clears it, so that moving a
 * record out of every zone also needs a scope that covers "no zone".
 */
export function patchedValue(patch: object, field: string): Array<string | null> {
  return field in patch
    ? [((patch as Record<string, unknown>)[field] as string | null | undefined) ?? null]
    : [];
}

/** The signed-in principal, for routes that declared a permission only signed-in users hold. */
export function signedIn(req: FastifyRequest): Principal {
  if (!req.principal) throw refusal.required();
  return req.principal;
}

/** Who is acting, for the audit log. */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  return {
    userId: p?.user.id ?? null,
    username: p?.user.username ?? "anonymous",
    role: p?.user.role ?? null,
    via: p?.via ?? "session",
    requestId: req.id,
    clientIp: req.ip,
  };
}

/** The subject whose permissions count: none until a required password change is done. */
function effectiveSubject(req: FastifyRequest): Subject | null {
  const p = req.principal;
  return p && !p.user.mustChangePassword ? p.subject : null;
}

/**
 * The part of a list a caller may see under a permission: everything (no cut), the enterprises
 * bound to them ("own"), or their zones ("zones"; any other scope sees no zone).
 */
export function listScope(
  req: FastifyRequest,
  permission: Permission,
): { zones?: readonly string[]; enterprises?: readonly string[] } {
  const scope = callerScope(req, permission);
  const subject = req.principal?.subject;
  if (scope === "all") return {};
  // Fails closed: without a subject or a scope, nothing.
  if (!subject || scope === null) return { zones: [] };
  if (scope === "own") return { enterprises: subject.taxCodes };
  return { zones: scope === "zones" ? [...subject.zones] : [] };
}

/** Whether the caller may see restricted fields of a record with this target (used per row in lists). */
export function viewer(req: FastifyRequest, permission: Permission): (target: Target) => boolean {
  const subject = effectiveSubject(req);
  return (target) => allows(subject, permission, target);
}

/** Whether the caller holds a permission over a target: for rules a route checks itself (per row). */
export function permits(req: FastifyRequest, permission: Permission, target: Target): boolean {
  return allows(effectiveSubject(req), permission, target);
}

/** The scope the caller holds for a permission, or null (a pending password change holds none). */
export function callerScope(req: FastifyRequest, permission: Permission): Scope | null {
  return scopeOf(effectiveSubject(req), permission);
}
