/** API tokens for integrations: a subset of the creator's permissions, shown once, stored hashed. */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import type { TokenInfo, TokenInput } from "./identity.schemas.ts";
import { grantablePermissions, type Role } from "./policy.ts";
import * as repo from "./sessions.repository.ts";
import { sha256 } from "./sessions.service.ts";

/** Tokens start with "hpi_" so secret scanners and log filters can recognise them. */
export const TOKEN_PREFIX = "hpi_";
const ENTITY = { vi: "khoá API", en: "API token" };

type Row = NonNullable<Awaited<ReturnType<typeof repo.findToken>>>;

function present(r: Row, now = new Date()): TokenInfo {
  return {
    id: r.id,
    user_id: r.user_id,
    username: r.username,
    name: r.name,
    prefix: r.prefix,
    permissions: r.permissions,
    expires_at: r.expires_at.toISOString(),
    last_used_at: r.last_used_at?.toISOString() ?? null,
    last_used_ip: r.last_used_ip,
    created_at: r.created_at.toISOString(),
    revoked_at: r.revoked_at?.toISOString() ?? null,
    status: r.revoked_at ? "revoked" : r.expires_at <= now ? "expired" : "active",
  };
}

export async function createToken(
  db: Db,
  actor: Actor,
  owner: { id: string; role: Role },
  input: TokenInput,
): Promise<TokenInfo & { token: string }> {
  const grantable = new Set<string>(grantablePermissions(owner.role));
  const refused = input.permissions.filter((p) => !grantable.has(p));
  if (refused.length) {
    throw invalid(
      refused.map((p) => ({
        code: "auth.permission_not_grantable",
        field: "permissions",
        value: p,
        message: {
          vi: `Không thể trao quyền "${p}": vai trò của bạn không có quyền này hoặc khoá API không được mang nó.`,
          en: `Cannot grant "${p}": your role lacks it or API tokens may not carry it.`,
        },
      })),
    );
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + input.expires_in_days * 86_400_000);
  const permissions = [...new Set(input.permissions)];
  await db.transaction().execute(async (trx) => {
    await repo.insertToken(trx, {
      id,
      user_id: owner.id,
      name: input.name,
      prefix: token.slice(0, 12),
      secret_hash: sha256(token),
      permissions,
      expires_at: expiresAt,
    });
    await recordAudit(trx, actor, {
      action: "create",
      entityType: "token",
      entityId: id,
      changes: { name: [null, input.name], permissions: [null, permissions], expires_at: [null, expiresAt] },
    });
  });
  return { ...present((await repo.findToken(db, id)) as Row), token };
}

/** A user's tokens, or everyone's when userId is null (administrators). */
export async function listTokens(db: Db, userId: string | null): Promise<TokenInfo[]> {
  const now = new Date();
  return (await repo.listTokens(db, userId)).map((r) => present(r, now));
}

export async function tokenOwner(db: Db, id: string): Promise<string | null> {
  return (await repo.findToken(db, id))?.user_id ?? null;
}

export async function revokeToken(db: Db, actor: Actor, id: string): Promise<TokenInfo> {
  const found = await repo.findToken(db, id);
  if (!found) throw notFound(ENTITY, id);
  if (!found.revoked_at) {
    await db.transaction().execute(async (trx) => {
      await repo.revokeToken(trx, id, new Date());
      await recordAudit(trx, actor, {
        action: "revoke",
        entityType: "token",
        entityId: id,
        changes: { name: [found.name, found.name] },
      });
    });
  }
  return present((await repo.findToken(db, id)) as Row);
}
