/** Investment projects: attributes, event history and the state derived from it. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { AppError, conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, changeRecord, recordAudit } from "../audit/audit.service.ts";
import { existingTaxCodes, taxCodeIssues } from "../enterprises/enterprises.service.ts";
import { listLegalRules } from "../investment/legal-rules.ts";
import { communeAt, type ReferenceIndex, referenceIndex } from "../reference/reference.service.ts";
import { parseTaxCode } from "../reference/tax-code.ts";
import { checkCommune, checkCountries, checkPoint, checkVsic, checkZone, issue } from "../registry-issues.ts";
import { zoneKinds } from "../zones/zones.service.ts";
import {
  applyEvent,
  DEFAULT_EXTENSION_LIMIT,
  type ExtensionLimit,
  eventIssues,
  foldEvents,
  type ProjectEvent,
  type ProjectState,
} from "./project-events.ts";
import * as repo from "./projects.repository.ts";
import type {
  EventInput,
  Project,
  ProjectDetail,
  ProjectFilter,
  ProjectInput,
  ProjectPatch,
} from "./projects.schemas.ts";
import type { ProjectTable } from "./projects.table.ts";

const ENTITY = { vi: "dự án", en: "Project" };
type Row = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

const toUsd = (amount: number, r: Row) => (r.currency === "USD" ? amount : amount / r.vnd_per_usd);
const round2 = (n: number) => Math.round(n * 100) / 100;

function presentProject(r: Row): Project {
  return {
    irc_number: r.irc_number,
    name_vi: r.name_vi,
    name_en: r.name_en,
    enterprise_tax_code: r.enterprise_tax_code,
    investors: r.investors,
    origin: r.origin,
    zone_code: r.zone_code,
    commune_code: r.commune_code,
    location: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
    land_area_ha: r.land_area_ha,
    vsic_version: r.vsic_version,
    vsic_codes: r.vsic_codes,
    capital: {
      currency: r.currency,
      registered: r.registered_capital,
      share_purchase: r.share_purchase_capital,
      disbursed: r.disbursed_capital,
      disbursed_as_of: r.disbursed_as_of,
      vnd_per_usd: r.vnd_per_usd,
      rate_date: r.rate_date,
      registered_usd: round2(toUsd(r.registered_capital, r)),
      registered_vnd: Math.round(
        r.currency === "VND" ? r.registered_capital : r.registered_capital * r.vnd_per_usd,
      ),
      share_purchase_usd: round2(toUsd(r.share_purchase_capital, r)),
      disbursed_usd: round2(toUsd(r.disbursed_capital, r)),
    },
    milestones: r.milestones,
    status: r.status,
    issued_on: r.issued_on,
    extended_months: r.extended_months,
    source_code: r.source_code,
    is_synthetic: r.is_synthetic,
  };
}

export interface ProjectContext {
  index: ReferenceIndex;
  zones: ReadonlySet<string>;
  enterprises: ReadonlySet<string>;
}

type Attributes = Omit<ProjectInput, "irc_number" | "registered_capital" | "issued_on" | "decision_number">;

export function validateAttributes(input: Attributes, ctx: ProjectContext): Issue[] {
  const issues = [
    ...checkVsic(ctx.index, "vsic_codes", input.vsic_codes),
    ...checkCommune(ctx.index, "commune_code", input.commune_code),
    ...checkZone(ctx.zones, "zone_code", input.zone_code),
    ...checkPoint(ctx.index, "location", input.location),
    ...checkCountries(
      ctx.index,
      "investors",
      input.investors.map((i) => i.country),
    ),
    ...input.investors.flatMap((inv) =>
      inv.tax_code ? taxCodeIssues("investors.tax_code", inv.tax_code) : [],
    ),
  ];
  if (input.enterprise_tax_code) {
    const check = parseTaxCode(input.enterprise_tax_code);
    if (!check.valid) issues.push(...taxCodeIssues("enterprise_tax_code", input.enterprise_tax_code));
    else if (!ctx.enterprises.has(check.normalized)) {
      issues.push(
        issue(
          "registry.enterprise_unknown",
          "enterprise_tax_code",
          `Doanh nghiệp ${check.normalized} chưa được đăng ký.`,
          `Enterprise ${check.normalized} is not registered.`,
          input.enterprise_tax_code,
        ),
      );
    }
  }
  if (input.vnd_per_usd < 10_000 || input.vnd_per_usd > 60_000) {
    issues.push(
      issue(
        "registry.exchange_rate_implausible",
        "vnd_per_usd",
        `Tỷ giá ${input.vnd_per_usd} VND/USD không hợp lý.`,
        `Rate ${input.vnd_per_usd} VND/USD is implausible.`,
        input.vnd_per_usd,
      ),
    );
  }
  return issues;
}

export function projectRow(irc: string, input: Attributes, index: ReferenceIndex): Insertable<ProjectTable> {
  const enterprise = input.enterprise_tax_code ? parseTaxCode(input.enterprise_tax_code) : null;
  const commune = input.commune_code ?? (input.location ? communeAt(index, input.location) : null);
  const countries = [...new Set(input.investors.map((i) => i.country))];
  return {
    irc_number: irc,
    name_vi: input.name_vi,
    name_en: input.name_en ?? null,
    enterprise_tax_code: enterprise?.valid ? enterprise.normalized : null,
    investors: JSON.stringify(input.investors),
    investor_countries: countries,
    origin: input.origin ?? (countries.some((c) => c !== "VN") ? "foreign" : "domestic"),
    zone_code: input.zone_code ?? null,
    commune_code: commune,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    land_area_ha: input.land_area_ha ?? null,
    vsic_version: "2025",
    vsic_codes: input.vsic_codes,
    currency: input.currency,
    vnd_per_usd: input.vnd_per_usd,
    rate_date: input.rate_date,
    milestones: JSON.stringify(input.milestones),
    disbursed_capital: input.disbursed_capital,
    disbursed_as_of: input.disbursed_as_of ?? null,
    is_synthetic: false,
    search_text: searchText(input.name_vi, input.name_en, irc, ...input.investors.map((i) => i.name)),
  };
}

export async function projectContext(db: Db, taxCodes: readonly string[]): Promise<ProjectContext> {
  const normalized = taxCodes.map((t) => parseTaxCode(t)).flatMap((c) => (c.valid ? [c.normalized] : []));
  const [index, kinds, enterprises] = await Promise.all([
    referenceIndex(db),
    zoneKinds(db),
    existingTaxCodes(db, normalized),
  ]);
  return { index, zones: new Set(kinds.keys()), enterprises };
}

async function detail(db: Db, row: Row) {
  return { ...presentProject(row), events: await repo.listEvents(db, row.id) };
}

export async function getProject(db: Db, irc: string): Promise<ProjectDetail> {
  const row = await repo.findProject(db, irc);
  if (!row) throw notFound(ENTITY, irc);
  return detail(db, row);
}

export async function listProjects(
  db: Db,
  filter: ProjectFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Project>> {
  const rows = await repo.listProjects(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countProjects(db, filter), presentProject);
}

export async function allProjects(db: Db, filter: ProjectFilter, sort: string): Promise<Project[]> {
  return (await exportRows((limit) => repo.listProjects(db, filter, parseSort(sort), limit, 0))).map(
    presentProject,
  );
}

function stateColumns(state: ProjectState) {
  const { last_event_on: _l, ...columns } = state;
  return columns;
}

/** A project as the audit log records it: attributes and projections, not its (separately audited) events. */
function audited(p: ProjectDetail) {
  const { events: _e, ...rest } = p;
  return rest;
}

export async function createProject(db: Db, actor: Actor, input: ProjectInput): Promise<ProjectDetail> {
  const ctx = await projectContext(db, input.enterprise_tax_code ? [input.enterprise_tax_code] : []);
  const issues = validateAttributes(input, ctx);
  if (issues.length) throw invalid(issues);
  const issued: ProjectEvent = {
    kind: "issued",
    occurred_on: input.issued_on,
    amount: input.registered_capital,
    decision_number: input.decision_number ?? null,
  };
  const duplicate = () => {
    const text = {
      vi: `Số GCNĐKĐT ${input.irc_number} đã tồn tại.`,
      en: `IRC number ${input.irc_number} already exists.`,
    };
    return conflict("registry.irc_number_duplicate", text, [
      { code: "registry.irc_number_duplicate", field: "irc_number", message: text },
    ]);
  };
  if (await repo.findProject(db, input.irc_number)) throw duplicate();
  try {
    await db.transaction().execute(async (trx) => {
      const { id } = await repo.insertProject(trx, projectRow(input.irc_number, input, ctx.index));
      await appendEventsInBulk(trx, [{ projectId: id, event: issued }]);
      const after = await getProject(trx, input.irc_number);
      await recordAudit(trx, actor, changeRecord("project", input.irc_number, null, audited(after)));
    });
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw duplicate();
    throw error;
  }
  return getProject(db, input.irc_number);
}

/** Event amounts are in the project's currency; changing it would silently change every amount. */
export function currencyLocked(irc: string): AppError {
  const text = {
    vi: `Không thể đổi đơn vị tiền tệ của dự án ${irc} khi đã có sự kiện vốn; hãy ghi nhận bằng sự kiện điều chỉnh.`,
    en: `The currency of project ${irc} cannot change once it has capital events; record an adjustment instead.`,
  };
  return new AppError("projects.currency_locked", 409, text, [
    { code: "projects.currency_locked", field: "currency", message: text },
  ]);
}

export async function updateProject(
  db: Db,
  actor: Actor,
  irc: string,
  patch: ProjectPatch,
): Promise<ProjectDetail> {
  // Read, merge, validate and write under the row's lock, so concurrent edits cannot undo each other.
  await db.transaction().execute(async (trx) => {
    const row = await repo.findProject(trx, irc);
    if (!row) throw notFound(ENTITY, irc);
    await repo.lockProjects(trx, [row.id]);
    const current = await getProject(trx, irc);
    const merged: Attributes = {
      ...current,
      disbursed_capital: current.capital.disbursed,
      disbursed_as_of: current.capital.disbursed_as_of,
      currency: current.capital.currency,
      vnd_per_usd: current.capital.vnd_per_usd,
      rate_date: current.capital.rate_date,
      ...patch,
    };
    if (patch.location && patch.commune_code === undefined) merged.commune_code = null;
    if (patch.currency && patch.currency !== current.capital.currency) throw currencyLocked(irc);
    const ctx = await projectContext(trx, merged.enterprise_tax_code ? [merged.enterprise_tax_code] : []);
    const issues = validateAttributes(merged, ctx);
    if (issues.length) throw invalid(issues);
    const { irc_number: _i, ...columns } = projectRow(irc, merged, ctx.index);
    await repo.updateProject(trx, row.id, {
      ...columns,
      is_synthetic: row.is_synthetic,
      source_code: row.source_code,
    });
    const after = await getProject(trx, irc);
    await recordAudit(trx, actor, changeRecord("project", irc, audited(current), audited(after)));
  });
  return getProject(db, irc);
}

/** Appends one event: checked against the replayed history, under a row lock (appendEventsInBulk). */
export async function appendEvent(
  db: Db,
  actor: Actor,
  irc: string,
  event: EventInput,
): Promise<ProjectDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findProject(trx, irc);
    if (!row) throw notFound(ENTITY, irc);
    await appendEventsInBulk(trx, [{ projectId: row.id, event }]);
    await recordAudit(trx, actor, {
      action: "append_event",
      entityType: "project",
      entityId: irc,
      changes: { event: [null, event] },
    });
  });
  return getProject(db, irc);
}

/**
 * Appends events to many projects in one transaction: locks the projects, replays their histories,
 * checks every event against the state before it, numbers it and refreshes the projections.
 * Used by imports and the demo loader; a refused event aborts the whole transaction.
 */
export async function appendEventsInBulk(
  trx: Db,
  entries: ReadonlyArray<{ projectId: number; event: ProjectEvent }>,
): Promise<void> {
  const ids = [...new Set(entries.map((e) => e.projectId))];
  const limit = await extensionLimit(trx);
  await repo.lockProjects(trx, ids);
  const histories = Map.groupBy(await repo.eventsOf(trx, ids), (e) => e.project_id);
  const states = new Map(
    ids.map((id) => [
      id,
      { state: foldEvents(histories.get(id) ?? [], limit), seq: histories.get(id)?.length ?? 0 },
    ]),
  );
  const rows = entries.map(({ projectId, event }) => {
    const current = states.get(projectId) as { state: ProjectState; seq: number };
    const issues = eventIssues(current.state, event, limit);
    if (issues.length) throw invalid(issues);
    current.state = applyEvent(current.state, event);
    current.seq += 1;
    return {
      project_id: projectId,
      seq: current.seq,
      kind: event.kind,
      occurred_on: event.occurred_on,
      decision_number: event.decision_number ?? null,
      amount: event.amount ?? null,
      months: event.months ?? null,
      note: event.note ?? null,
    };
  });
  await repo.insertEvents(trx, rows);
  await repo.setProjections(
    trx,
    [...states].map(([id, { state }]) => ({ id, ...stateColumns(state) })),
  );
}

/**
 * The extension limit in force on each day, from the dated legal rules (a change of law is a new
 * rule row, not new code); before the first rule, the 2020 law's 24 months.
 */
async function extensionLimit(db: Db): Promise<ExtensionLimit> {
  const rules = (await listLegalRules(db))
    .filter((r) => r.code === "extension_max_months")
    .sort((a, b) => b.in_force_from.localeCompare(a.in_force_from));
  return (day) => {
    const rule = rules.find(
      (r) => r.in_force_from <= day && (r.in_force_to === null || r.in_force_to >= day),
    );
    return rule
      ? { months: rule.value, source: `${rule.instrument}, ${rule.article}` }
      : DEFAULT_EXTENSION_LIMIT(day);
  };
}

/** Zone and implementing enterprise of a project for access control; null when it does not exist. */
export async function projectScope(
  db: Db,
  irc: string,
): Promise<{ zones: Array<string | null>; taxCodes: Array<string | null> } | null> {
  const found = await repo.findProject(db, irc);
  return found ? { zones: [found.zone_code], taxCodes: [found.enterprise_tax_code] } : null;
}

type Found = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

/** A project's id, scope and milestones for the modules that follow it (supervision, reports). */
export async function projectRef(db: Db, irc: string) {
  const found = await repo.findProject(db, irc);
  if (!found) throw notFound(ENTITY, irc);
  return refOf(found);
}

/** The same for many projects at once (imports), keyed by certificate number; unknown ones are absent. */
export async function projectRefs(
  db: Db,
  ircs: readonly string[],
): Promise<Map<string, ReturnType<typeof refOf>>> {
  const rows = await repo.findProjects(db, [...new Set(ircs)]);
  return new Map(rows.map((r) => [r.irc_number, refOf(r)]));
}

function refOf(found: Found) {
  return {
    id: found.id,
    irc_number: found.irc_number,
    name_vi: found.name_vi,
    zone_code: found.zone_code,
    enterprise_tax_code: found.enterprise_tax_code,
    status: found.status,
    issued_on: found.issued_on,
    currency: found.currency,
    vnd_per_usd: found.vnd_per_usd,
    registered_capital: found.registered_capital,
    milestones: found.milestones,
  };
}

export const upsertProjects = repo.upsertProjects;

/** Projects as the audit log records them (without events), by certificate number: to diff a bulk write. */
export async function auditedProjects(db: Db, ircs: readonly string[]): Promise<Map<string, object>> {
  const rows = await repo.findProjects(db, ircs);
  return new Map(rows.map((r) => [r.irc_number, presentProject(r)]));
}
export const existingIrcNumbers = repo.existingIrcNumbers;
export type { KnownProject, ProjectAggregate } from "./projects.repository.ts";
export const aggregateProjectsByZone = repo.aggregateByZone;
