/**
 * File imports: every row is validated first; nothing is written unless the whole file is valid,
 * and then everything is written in one transaction. Re-imports update by natural key.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { analyzeTables } from "../../db/maintenance.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { type Issue, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, changeRecord, recordAudit } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import type { ImportKind } from "./columns.ts";
import { readTable } from "./file-reader.ts";
import * as repo from "./imports.repository.ts";
import type { ImportRun } from "./imports.schemas.ts";
import { HANDLERS, type KindHandler, type RowTarget } from "./kinds.ts";
import { buildRows, type HeaderMap, headerFor, mapHeaders, schemaIssues } from "./rows.ts";

export type Phase = "read" | "validate" | "write" | "done";
export type Progress = (phase: Phase, done: number, total: number) => void;

export interface ImportRequest {
  kind: ImportKind;
  buffer: Buffer;
  fileName?: string | undefined;
  dryRun?: boolean;
  onProgress?: Progress;
  /** Who imports: recorded with the run and in the audit log. */
  actor: Actor;
  /** Whether the importer may create or update a record touching this target; absent: any (operators). */
  allowed?: (action: "create" | "update", target: Target) => boolean;
}

export interface ImportReport {
  id: string;
  kind: ImportKind;
  file_name: string | null;
  format: string;
  status: "applied" | "rejected" | "valid";
  total_rows: number;
  inserted: number;
  updated: number;
  ignored_columns: string[];
  issues: Issue[];
}

const MAX_STORED_ISSUES = 5_000;

/** The report's fields of a stored run (its search text stays in the database). */
function report<T extends { search_text: string }>(run: T): Omit<T, "search_text"> {
  const { search_text: _s, ...rest } = run;
  return rest;
}

/** One issue per row that touches records outside the importer's scope; nothing is written then. */
async function scopeIssues(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: the handler of whichever kind is imported.
  handler: KindHandler<any, any>,
  valid: ReadonlyArray<{ line: number; input: unknown }>,
  ctx: unknown,
  map: HeaderMap,
  allowed: (action: "create" | "update", target: Target) => boolean,
): Promise<Issue[]> {
  const targets = await handler.targets(
    db,
    valid.map((v) => v.input),
    ctx,
  );
  const column = headerFor(map, handler.keyField) ?? handler.keyField;
  return valid.flatMap(({ line, input }, i) => {
    const { target, existing } = targets[i] as RowTarget;
    return allowed(existing ? "update" : "create", target)
      ? []
      : [
          {
            code: "auth.out_of_scope",
            row: line,
            column,
            value: handler.key(input),
            message: {
              vi: `"${handler.key(input)}" nằm ngoài phạm vi được giao cho bạn (khu/cụm hoặc doanh nghiệp).`,
              en: `"${handler.key(input)}" is outside the scope assigned to you (zone or enterprise).`,
            },
          },
        ];
  });
}

export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  const progress = request.onProgress ?? (() => {});
  const { kind, buffer, fileName } = request;
  const handler = HANDLERS[kind];
  progress("read", 0, 1);
  const { format, table } = await readTable(buffer, fileName);
  const map = mapHeaders(kind, table.headers);
  const { rows, issues } = buildRows(table, map);
  const total = rows.length;
  progress("validate", 0, total);

  const valid: Array<{ line: number; input: unknown }> = [];
  for (const row of rows) {
    const parsed = handler.schema.safeParse(row.value);
    if (parsed.success) valid.push({ line: row.line, input: parsed.data });
    else issues.push(...schemaIssues(map, row.line, parsed.error));
  }
  const ctx = await handler.prepare(
    db,
    valid.map((v) => v.input),
  );
  const seen = new Map<string, number>();
  valid.forEach(({ line, input }, i) => {
    for (const problem of handler.validate(input, ctx)) {
      const column = headerFor(map, problem.field);
      issues.push({ ...problem, row: line, ...(column ? { column } : {}) });
    }
    const key = handler.key(input);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        code: "import.duplicate_key",
        row: line,
        column: headerFor(map, handler.keyField) ?? handler.keyField,
        value: key,
        message: {
          vi: `"${key}" đã xuất hiện ở dòng ${first}.`,
          en: `"${key}" already appears on row ${first}.`,
        },
      });
    } else seen.set(key, line);
    if (i % 1000 === 0) progress("validate", i, total);
  });
  if (request.allowed) issues.push(...(await scopeIssues(db, handler, valid, ctx, map, request.allowed)));
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  const id = crypto.randomUUID();
  const base = {
    id,
    kind,
    file_name: fileName ?? null,
    format,
    total_rows: total,
    search_text: searchText(fileName, kind, id, request.actor.username),
    user_id: request.actor.userId,
    username: request.actor.username,
  };
  const stored = JSON.stringify(issues.slice(0, MAX_STORED_ISSUES));
  if (issues.length > 0 || request.dryRun) {
    const status = issues.length > 0 ? "rejected" : "valid";
    // Dry runs are kept too, so that their id answers GET /api/v1/imports/{id}.
    await repo.insertRun(db, { ...base, status, inserted: 0, updated: 0, issues: stored });
    progress("done", total, total);
    return { ...report(base), ignored_columns: map.ignored, status, inserted: 0, updated: 0, issues };
  }
  progress("write", 0, total);
  const applied = await db.transaction().execute(async (trx) => {
    const keys = valid.map((v) => handler.key(v.input));
    const before = await handler.snapshot(trx, keys);
    const result = await handler.apply(
      trx,
      valid.map((v) => v.input),
      ctx,
      (done) => progress("write", done, total),
      request.actor,
    );
    await repo.insertRun(trx, { ...base, status: "applied", ...result, issues: "[]" });
    // One entry for the import, then one per record it created or changed, each with its difference.
    const after = await handler.snapshot(trx, keys);
    const records = keys
      .map((key) => changeRecord(handler.entity, key, before.get(key) ?? null, after.get(key) ?? {}))
      // The request id ties these entries to the import's own entry.
      .filter((r) => Object.keys(r.changes ?? {}).length > 0);
    await recordAudit(trx, request.actor, [
      {
        action: "import",
        entityType: "import",
        entityId: id,
        changes: {
          kind,
          file_name: fileName ?? null,
          file_sha256: createHash("sha256").update(buffer).digest("hex"),
          rows: total,
          inserted: result.inserted,
          updated: result.updated,
        },
      },
      ...records,
    ]);
    return result;
  });
  await analyzeTables(db, handler.tables);
  progress("done", total, total);
  return { ...report(base), ignored_columns: map.ignored, status: "applied", ...applied, issues: [] };
}

/** A stored run with its issues, as reported (its search text stays in the database). */
export async function getRun(db: Db, id: string): Promise<ImportRun & { issues: Issue[] }> {
  const run = await repo.findRun(db, id);
  if (!run) throw notFound({ vi: "lượt nhập", en: "Import" }, id);
  const { search_text: _s, issues, ...rest } = run;
  return { ...rest, created_at: run.created_at.toISOString(), issues: issues as Issue[] };
}

/** The user who ran an import, for access control; null when the run does not exist. */
export async function runOwner(db: Db, id: string): Promise<{ ownerId: string | null } | null> {
  const run = await repo.findRun(db, id);
  return run ? { ownerId: run.user_id } : null;
}

function presentRun(r: Awaited<ReturnType<typeof repo.listRuns>>[number]): ImportRun {
  const { total: _total, ...run } = r;
  return { ...run, created_at: r.created_at.toISOString() };
}

export async function listRuns(
  db: Db,
  filter: repo.RunFilter,
  sort: string,
  paging: Paging,
): Promise<Page<ImportRun>> {
  const rows = await repo.listRuns(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countRuns(db, filter), presentRun);
}

export async function allRuns(db: Db, filter: repo.RunFilter, sort: string): Promise<ImportRun[]> {
  return (await exportRows((limit) => repo.listRuns(db, filter, parseSort(sort), limit, 0))).map(presentRun);
}
