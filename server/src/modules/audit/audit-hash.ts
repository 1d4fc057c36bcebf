/**
 * The audit chain's hash (pure): SHA-256 over the previous hash and a canonical JSON of the entry.
 * Canonical: keys sorted, no undefined, dates as ISO strings — so the hash can be recomputed from
 * what the database gives back, whichever driver reads it.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: string;
  at: string;
  actor_id: string | null;
  actor_username: string;
  actor_role: string | null;
  actor_via: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: unknown;
  request_id: string | null;
  client_ip: string | null;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex");
}

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Makes a value storable in jsonb and stable across the round trip: dates become ISO strings,
 * non-finite numbers null, NUL characters (which jsonb refuses) are dropped.
 */
export function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.toWellFormed().replaceAll("\u0000", "");
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.replaceAll("\u0000", ""), plain(v)]),
    );
  }
  return String(value);
}

/** The fields that differ between two versions of a record, as { field: [before, after] }. */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  omit: readonly string[] = [],
): Record<string, [Plain, Plain]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, [Plain, Plain]> = {};
  for (const key of [...keys].sort()) {
    if (omit.includes(key)) continue;
    const a = plain(before?.[key]);
    const b = plain(after?.[key]);
    // Scalars compare directly; only objects and arrays need their canonical form.
    const same =
      typeof a !== "object" || typeof b !== "object" || a === null || b === null
        ? a === b
        : canonicalJson(a) === canonicalJson(b);
    if (!same) changes[key] = [a, b];
  }
  return changes;
}
