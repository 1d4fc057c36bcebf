/**
 * The screening catalogue: versions (draft → published, with dates in force and the version each
 * supersedes) and their entries. Entries change only while a version is a draft, so a screening
 * always refers to a fixed text. Two published versions are never in force on the same day.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { isoDay } from "../../platform/time.ts";
import { type Actor, diffRecords, recordAudit } from "../audit/audit.service.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { checkVsic, issue } from "../registry-issues.ts";
import * as repo from "./catalogue.repository.ts";
import type {
  Entry,
  EntryFilter,
  EntryInput,
  EntryPatch,
  Version,
  VersionFilter,
  VersionInput,
  VersionPatch,
} from "./catalogue.schemas.ts";
import { type Criterion, criterionProblem, FIELDS, VALUE_NAMES } from "./criteria.ts";
import type { InvCatalogueEntryTable } from "./investment.table.ts";

const VERSION = { vi: "phiên bản danh mục", en: "Catalogue version" };
const ENTRY = { vi: "mục danh mục", en: "Catalogue entry" };
const day = isoDay;

export function presentVersion(r: repo.VersionRow): Version {
  return {
    code: r.code,
    title_vi: r.title_vi,
    title_en: r.title_en,
    decision_number: r.decision_number,
    decided_on: day(r.decided_on),
    in_force_from: day(r.in_force_from) as string,
    in_force_to: day(r.in_force_to),
    supersedes: r.supersedes,
    superseded_by: r.superseded_by,
    status: r.status,
    is_sample: r.is_sample,
    note: r.note,
    entry_count: Number(r.entry_count),
    published_at: r.published_at ? new Date(r.published_at).toISOString() : null,
    updated_at: new Date(r.updated_at).toISOString(),
  };
}

export function presentEntry(
  r: Pick<repo.EntryRow, Exclude<keyof repo.EntryRow, "total" | "id" | "version_id" | "search_text">>,
  versionCode: string,
): Entry {
  return {
    version_code: versionCode,
    code: r.code,
    category: r.category,
    title_vi: r.title_vi,
    title_en: r.title_en,
    vsic_codes: r.vsic_codes,
    products: r.products,
    criteria: r.criteria,
    legal_basis: r.legal_basis,
  };
}

export async function listVersions(
  db: Db,
  reader: Reader,
  filter: VersionFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Version>> {
  const seen = reader.drafts ? filter : { ...filter, publishedOnly: true };
  const rows = await repo.listVersions(db, seen, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countVersions(db, seen), presentVersion);
}

export async function allVersions(
  db: Db,
  reader: Reader,
  filter: VersionFilter,
  sort: string,
): Promise<Version[]> {
  const seen = reader.drafts ? filter : { ...filter, publishedOnly: true };
  return (await exportRows((limit) => repo.listVersions(db, seen, parseSort(sort), limit, 0))).map(
    presentVersion,
  );
}

/** Who reads: drafts are visible only to those who manage the catalogue. */
export interface Reader {
  drafts: boolean;
}
const MANAGER: Reader = { drafts: true };

async function versionRow(db: Db, code: string, reader: Reader): Promise<repo.VersionRow> {
  const [row] = await repo.listVersions(db, { code }, { field: "code", direction: "asc" }, 1, 0);
  if (!row || (row.status === "draft" && !reader.drafts)) throw notFound(VERSION, code);
  return row;
}

export async function getVersion(db: Db, code: string, reader: Reader = MANAGER): Promise<Version> {
  return presentVersion(await versionRow(db, code, reader));
}

async function versionId(db: Db, code: string, reader: Reader = MANAGER): Promise<number> {
  return (await versionRow(db, code, reader)).id;
}

export async function listEntries(
  db: Db,
  reader: Reader,
  code: string,
  filter: EntryFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Entry>> {
  const id = await versionId(db, code, reader);
  const rows = await repo.listEntries(db, id, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(
    rows,
    paging,
    () => repo.countEntries(db, id, filter),
    (r) => presentEntry(r, code),
  );
}

export async function allEntries(
  db: Db,
  reader: Reader,
  code: string,
  filter: EntryFilter,
  sort: string,
): Promise<Entry[]> {
  const id = await versionId(db, code, reader);
  const rows = await exportRows((limit) => repo.listEntries(db, id, filter, parseSort(sort), limit, 0));
  return rows.map((r) => presentEntry(r, code));
}

/** Field-by-field problems of entries: duplicate codes, unknown VSIC codes, malformed criteria. */
/**
 * Field-by-field problems of entries: duplicate codes, unknown VSIC codes, malformed criteria. Paths
 * use zod's dot form ("entries.0.criteria.1"); `prefix` null names the fields of a single entry.
 */
export function entryIssues(
  entries: readonly EntryInput[],
  vsic: ReadonlySet<string>,
  prefix: string | null = "entries",
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const at = (field: string) => (prefix === null ? field : `${prefix}.${i}.${field}`);
    if (seen.has(e.code))
      issues.push(
        issue(
          "investment.entry_duplicate",
          at("code"),
          `Mã mục ${e.code} bị lặp.`,
          `Entry code ${e.code} appears twice.`,
          e.code,
        ),
      );
    seen.add(e.code);
    issues.push(...checkVsic({ vsic } as Parameters<typeof checkVsic>[0], at("vsic_codes"), e.vsic_codes));
    e.criteria.forEach((c, j) => {
      const problem = criterionProblem(c as Criterion);
      if (problem)
        issues.push(issue("investment.criterion_invalid", at(`criteria.${j}`), problem.vi, problem.en));
    });
  });
  return issues;
}

export function entryRow(versionId: number, e: EntryInput): Insertable<InvCatalogueEntryTable> {
  return {
    version_id: versionId,
    code: e.code,
    category: e.category,
    title_vi: e.title_vi,
    title_en: e.title_en ?? null,
    vsic_codes: e.vsic_codes,
    products: e.products,
    criteria: JSON.stringify(e.criteria),
    legal_basis: e.legal_basis ?? null,
    search_text: searchText(e.code, e.title_vi, e.title_en, ...e.vsic_codes, ...e.products),
  };
}

function datesIssues(from: string, to: string | null | undefined): Issue[] {
  return to && to < from
    ? [
        issue(
          "investment.dates_reversed",
          "in_force_to",
          "Ngày hết hiệu lực trước ngày có hiệu lực.",
          "The end date is before the start date.",
        ),
      ]
    : [];
}

const versionSearch = (v: {
  code: string;
  title_vi: string;
  title_en?: string | null | undefined;
  decision_number?: string | null | undefined;
}) => searchText(v.code, v.title_vi, v.title_en, v.decision_number);

/** `audit: false` only for reference data loaded at installation (the shipped sample), like limit tables. */
export async function createVersion(db: Db, actor: Actor, input: VersionInput): Promise<Version> {
  const index = await referenceIndex(db);
  await db.transaction().execute((trx) => createVersionIn(trx, actor, input, index.vsic));
  return getVersion(db, input.code);
}

/** Inside the caller's transaction; `audit: false` only for the sample loaded at installation. */
export async function createVersionIn(
  trx: Db,
  actor: Actor,
  input: VersionInput,
  vsic: ReadonlySet<string>,
  options: { audit?: boolean } = {},
): Promise<void> {
  const issues = [
    ...datesIssues(input.in_force_from, input.in_force_to),
    ...entryIssues(input.entries, vsic),
  ];
  if (await repo.versionIdByCode(trx, input.code))
    throw conflict("investment.version_exists", {
      vi: `Đã có phiên bản ${input.code}.`,
      en: `Version ${input.code} already exists.`,
    });
  const supersedes = input.supersedes ? await repo.versionIdByCode(trx, input.supersedes) : null;
  if (input.supersedes && supersedes === null)
    issues.push(
      issue(
        "investment.version_unknown",
        "supersedes",
        `Không có phiên bản ${input.supersedes}.`,
        `No version ${input.supersedes}.`,
        input.supersedes,
      ),
    );
  if (issues.length) throw invalid(issues);
  const id = await repo.insertVersion(trx, {
    code: input.code,
    title_vi: input.title_vi,
    title_en: input.title_en ?? null,
    decision_number: input.decision_number ?? null,
    decided_on: input.decided_on ?? null,
    in_force_from: input.in_force_from,
    in_force_to: input.in_force_to ?? null,
    supersedes_id: supersedes,
    is_sample: input.is_sample,
    note: input.note ?? null,
    search_text: versionSearch(input),
    published_at: null,
  });
  await repo.insertEntries(
    trx,
    input.entries.map((e) => entryRow(id, e)),
  );
  const { entries, ...header } = input;
  if (options.audit !== false)
    await recordAudit(trx, actor, {
      action: "create",
      entityType: "catalogue_version",
      entityId: input.code,
      changes: { ...diffRecords(null, header), entries: [null, entries.length] },
    });
}

async function lockDraft(trx: Db, code: string) {
  const current = await repo.lockVersion(trx, code);
  if (!current) throw notFound(VERSION, code);
  if (current.status !== "draft")
    throw conflict("investment.version_published", {
      vi: `Phiên bản ${code} đã công bố; không sửa được các mục. Hãy tạo phiên bản mới thay thế.`,
      en: `Version ${code} is published; its entries cannot change. Create a new version that supersedes it.`,
    });
  return current;
}

export async function updateVersion(
  db: Db,
  actor: Actor,
  code: string,
  patch: VersionPatch,
): Promise<Version> {
  await db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx);
    const current = await repo.lockVersion(trx, code);
    if (!current) throw notFound(VERSION, code);
    // A published text is fixed: screenings refer to it. Only its end date and its descriptive
    // fields (titles, decision, note) may still change.
    const fixed = (["in_force_from", "supersedes", "is_sample"] as const).filter(
      (f) => patch[f] !== undefined,
    );
    if (current.status === "published" && fixed.length)
      throw conflict("investment.version_published", {
        vi: `Phiên bản ${code} đã công bố; không đổi được ${fixed.join(", ")}.`,
        en: `Version ${code} is published; ${fixed.join(", ")} cannot change.`,
      });
    const from = patch.in_force_from ?? (day(current.in_force_from) as string);
    const to = patch.in_force_to === undefined ? day(current.in_force_to) : patch.in_force_to;
    const issues = datesIssues(from, to);
    let supersedes = current.supersedes_id;
    if (patch.supersedes !== undefined) {
      supersedes = patch.supersedes ? await repo.versionIdByCode(trx, patch.supersedes) : null;
      if (patch.supersedes && supersedes === null)
        issues.push(
          issue(
            "investment.version_unknown",
            "supersedes",
            `Không có phiên bản ${patch.supersedes}.`,
            `No version ${patch.supersedes}.`,
          ),
        );
      else if (supersedes !== null && (await repo.supersededChain(trx, supersedes)).includes(current.id))
        issues.push(
          issue(
            "investment.supersedes_cycle",
            "supersedes",
            `${patch.supersedes} đã (gián tiếp) thay thế ${code}; không thể thay thế ngược lại.`,
            `${patch.supersedes} already (indirectly) supersedes ${code}; it cannot be the other way round.`,
          ),
        );
    }
    if (issues.length) throw invalid(issues);
    if (current.status === "published") await refuseOverlap(trx, current.id, from, to ?? null);
    const { supersedes: _s, ...rest } = patch;
    const next = { ...rest, supersedes_id: supersedes };
    await repo.updateVersion(trx, current.id, {
      ...next,
      search_text: versionSearch({ ...current, ...rest, code }),
    });
    await recordAudit(trx, actor, {
      action: "update",
      entityType: "catalogue_version",
      entityId: code,
      changes: diffRecords(
        {
          ...current,
          in_force_from: day(current.in_force_from),
          in_force_to: day(current.in_force_to),
          decided_on: day(current.decided_on),
        },
        next,
      ),
    });
  });
  return getVersion(db, code);
}

async function refuseOverlap(trx: Db, id: number, from: string, to: string | null): Promise<void> {
  const clash = await repo.overlappingPublished(trx, id, from, to);
  if (clash.length)
    throw invalid(
      clash.map((c) =>
        issue(
          "investment.version_overlap",
          "in_force_from",
          `Trùng thời gian hiệu lực với phiên bản ${c.code} (${day(c.in_force_from)} – ${day(c.in_force_to) ?? "nay"}).`,
          `Overlaps version ${c.code} in force ${day(c.in_force_from)} – ${day(c.in_force_to) ?? "open"}.`,
          c.code,
        ),
      ),
    );
}

const dayBefore = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Publishing fixes a draft's text. The version it supersedes, if still open-ended, ends the day
 * before this one comes into force; any other overlap with a published version is refused.
 */
export async function publishVersion(db: Db, actor: Actor, code: string): Promise<Version> {
  await db.transaction().execute((trx) => publishVersionIn(trx, actor, code));
  return getVersion(db, code);
}

/** Inside the caller's transaction, under the catalogue's lock (two publications never race past the overlap check). */
export async function publishVersionIn(
  trx: Db,
  actor: Actor,
  code: string,
  options: { audit?: boolean } = {},
): Promise<void> {
  await repo.lockCatalogue(trx);
  const current = await lockDraft(trx, code);
  const entries = await repo.allEntries(trx, current.id);
  if (entries.length === 0)
    throw invalid([
      issue(
        "investment.version_empty",
        "entries",
        "Phiên bản chưa có mục nào.",
        "The version has no entries.",
      ),
    ]);
  const from = day(current.in_force_from) as string;
  const changes: Record<string, unknown> = { status: ["draft", "published"] };
  if (current.supersedes_id !== null) {
    const previous = await repo.lockVersionById(trx, current.supersedes_id);
    if (previous && previous.in_force_to === null && (day(previous.in_force_from) as string) < from) {
      await repo.updateVersion(trx, previous.id, { in_force_to: dayBefore(from) });
      changes.superseded = [previous.code, `${previous.code} → ${dayBefore(from)}`];
    }
  }
  await refuseOverlap(trx, current.id, from, day(current.in_force_to));
  await repo.updateVersion(trx, current.id, { status: "published", published_at: new Date() });
  if (options.audit !== false)
    await recordAudit(trx, actor, {
      action: "publish",
      entityType: "catalogue_version",
      entityId: code,
      changes,
    });
}

export async function addEntry(db: Db, actor: Actor, code: string, input: EntryInput): Promise<Entry> {
  const index = await referenceIndex(db);
  await db.transaction().execute(async (trx) => {
    const version = await lockDraft(trx, code);
    const issues = entryIssues([input], index.vsic, null);
    const [existing] = await repo.listEntries(
      trx,
      version.id,
      { code: input.code },
      { field: "code", direction: "asc" },
      1,
      0,
    );
    if (existing)
      throw conflict("investment.entry_exists", {
        vi: `Phiên bản ${code} đã có mục ${input.code}.`,
        en: `Version ${code} already has entry ${input.code}.`,
      });
    if (issues.length) throw invalid(issues);
    await repo.insertEntries(trx, [entryRow(version.id, input)]);
    await recordAudit(trx, actor, {
      action: "create",
      entityType: "catalogue_entry",
      entityId: `${code}/${input.code}`,
      changes: diffRecords(null, input),
    });
  });
  return getEntry(db, code, input.code);
}

export async function getEntry(db: Db, code: string, entryCode: string): Promise<Entry> {
  const id = await versionId(db, code);
  const [row] = await repo.listEntries(
    db,
    id,
    { code: entryCode },
    { field: "code", direction: "asc" },
    1,
    0,
  );
  if (!row) throw notFound(ENTRY, `${code}/${entryCode}`);
  return presentEntry(row, code);
}

export async function updateEntry(
  db: Db,
  actor: Actor,
  code: string,
  entryCode: string,
  patch: EntryPatch,
): Promise<Entry> {
  const index = await referenceIndex(db);
  await db.transaction().execute(async (trx) => {
    const version = await lockDraft(trx, code);
    const before = await getEntry(trx, code, entryCode);
    const merged: EntryInput = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      code: entryCode,
    } as EntryInput;
    const issues = entryIssues([merged], index.vsic, null);
    if (issues.length) throw invalid(issues);
    const row = entryRow(version.id, merged);
    await repo.updateEntry(trx, version.id, entryCode, row);
    await recordAudit(trx, actor, {
      action: "update",
      entityType: "catalogue_entry",
      entityId: `${code}/${entryCode}`,
      changes: diffRecords(before, merged),
    });
  });
  return getEntry(db, code, entryCode);
}

export async function deleteEntry(db: Db, actor: Actor, code: string, entryCode: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const version = await lockDraft(trx, code);
    const before = await getEntry(trx, code, entryCode);
    await repo.deleteEntries(trx, version.id, [entryCode]);
    await recordAudit(trx, actor, {
      action: "delete",
      entityType: "catalogue_entry",
      entityId: `${code}/${entryCode}`,
      changes: diffRecords(before as unknown as Record<string, unknown>, {}),
    });
  });
}

/** For imports: the draft versions among `codes` (keyed by code → id); published or unknown ones are absent. */
export async function draftVersionIds(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { id: number; status: string }>> {
  const rows = await repo.versionsByCode(db, codes);
  return new Map(rows.map((r) => [r.code, { id: r.id, status: r.status }]));
}

/** Import: writes entries into draft versions, replacing entries with the same code. */
export async function upsertEntries(
  trx: Db,
  rows: ReadonlyArray<{ versionId: number; entry: EntryInput }>,
): Promise<{ inserted: number; updated: number }> {
  let updated = 0;
  const byVersion = Map.groupBy(rows, (r) => r.versionId);
  for (const [versionId, list] of byVersion) {
    updated += await repo.deleteEntries(
      trx,
      versionId,
      list.map((r) => r.entry.code),
    );
    await repo.insertEntries(
      trx,
      list.map((r) => entryRow(versionId, r.entry)),
    );
  }
  return { inserted: rows.length - updated, updated };
}

/** The criterion fields with their names, units and (ordinal) values, for forms and documentation. */
export function criterionFields() {
  return Object.entries(FIELDS).map(([field, info]) => ({
    field,
    vi: info.vi,
    en: info.en,
    unit: info.unit,
    unit_en: "unit_en" in info ? info.unit_en : info.unit,
    kind: info.kind,
    values: "ranks" in info ? [...info.ranks] : null,
    value_names:
      "ranks" in info ? info.ranks.map((r) => ({ value: r, ...(VALUE_NAMES[r] ?? { vi: r, en: r }) })) : null,
  }));
}
