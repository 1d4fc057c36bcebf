/**
 * Screening a proposal against the catalogue version in force on a date. Every screening is stored
 * with the proposal, the version and the full explained result, and audited.
 */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { vietnamDay } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { checkCommune, checkVsic, checkZone, issue } from "../registry-issues.ts";
import { zoneKinds } from "../zones/zones.service.ts";
import * as repo from "./catalogue.repository.ts";
import type { Proposal, ScreeningFilter, ScreeningOut } from "./catalogue.schemas.ts";
import { presentVersion } from "./catalogue.service.ts";
import { type Criterion, type Entry, screen } from "./criteria.ts";
import { proposalFacts } from "./proposal.ts";

const SCREENING = { vi: "kết quả sàng lọc", en: "Screening" };

/** Checks the proposal's references, screens it against the version in force, stores and audits the result. */
export async function screenProposal(db: Db, actor: Actor, proposal: Proposal): Promise<ScreeningOut> {
  const screenedOn = proposal.screened_on ?? vietnamDay();
  // A form's empty field means "not given", not a zone called "".
  const zone = proposal.zone_code || undefined;
  const commune = proposal.commune_code || undefined;
  const [index, zones] = await Promise.all([referenceIndex(db), zoneKinds(db)]);
  const issues = [
    ...checkVsic(index, "vsic_codes", proposal.vsic_codes),
    ...checkZone(new Set(zones.keys()), "zone_code", zone),
    ...checkCommune(index, "commune_code", commune),
  ];
  if (issues.length) throw invalid(issues);
  const version = await repo.versionInForce(db, screenedOn);
  if (!version)
    throw invalid([
      issue(
        "investment.no_version_in_force",
        "screened_on",
        `Không có danh mục nào đã công bố có hiệu lực ngày ${screenedOn}.`,
        `No published catalogue is in force on ${screenedOn}.`,
        screenedOn,
      ),
    ]);
  const entries: Entry[] = (await repo.allEntries(db, version.id)).map((e) => ({
    ...e,
    criteria: e.criteria as Criterion[],
  }));
  const facts = proposalFacts(proposal, screenedOn, zone !== undefined);
  const result = screen(entries, facts);
  const stored = { ...result, facts: facts.facts };
  const saved = await db.transaction().execute(async (trx) => {
    const row = await repo.insertScreening(trx, {
      version_id: version.id,
      screened_on: screenedOn,
      category: result.category,
      title: proposal.title,
      proposal: JSON.stringify(proposal),
      result: JSON.stringify(stored),
      user_id: actor.userId,
      username: actor.username,
      search_text: searchText(proposal.title, ...proposal.vsic_codes, ...proposal.products, actor.username),
    });
    await recordAudit(trx, actor, {
      action: "screen",
      entityType: "screening",
      entityId: row.code,
      changes: {
        category: [null, result.category],
        version: [null, version.code],
        title: [null, proposal.title],
      },
    });
    return row;
  });
  return getScreening(db, saved.code);
}

export async function getScreening(db: Db, code: string, userId?: string): Promise<ScreeningOut> {
  const [row] = await repo.listScreenings(
    db,
    { code, user_id: userId },
    { field: "created_at", direction: "desc" },
    1,
    0,
  );
  if (!row) throw notFound(SCREENING, code);
  const [version] = await repo.listVersions(
    db,
    { code: row.version_code },
    { field: "code", direction: "asc" },
    1,
    0,
  );
  const result = row.result as unknown as Omit<
    ScreeningOut,
    "code" | "screened_on" | "version" | "proposal" | "username" | "created_at"
  >;
  const v = presentVersion(version as repo.VersionRow);
  return {
    code: row.code,
    screened_on: String(row.screened_on).slice(0, 10),
    category: row.category,
    explanation: result.explanation,
    version: {
      code: v.code,
      title_vi: v.title_vi,
      decision_number: v.decision_number,
      in_force_from: v.in_force_from,
      in_force_to: v.in_force_to,
      is_sample: v.is_sample,
    },
    facts: result.facts,
    entries: result.entries,
    proposal: row.proposal,
    username: row.username,
    created_at: new Date(row.created_at).toISOString(),
  };
}

function presentSummary(r: repo.ScreeningRow) {
  return {
    code: r.code,
    title: r.title,
    version_code: r.version_code,
    screened_on: String(r.screened_on).slice(0, 10),
    category: r.category,
    username: r.username,
    created_at: new Date(r.created_at).toISOString(),
  };
}

/** `user_id` limits the list to one account's own screenings (an investor or enterprise sees only theirs). */
export async function listScreenings(
  db: Db,
  filter: ScreeningFilter & { user_id?: string | undefined },
  sort: string,
  paging: Paging,
): Promise<Page<ReturnType<typeof presentSummary>>> {
  const rows = await repo.listScreenings(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countScreenings(db, filter), presentSummary);
}

export async function allScreenings(
  db: Db,
  filter: ScreeningFilter & { user_id?: string | undefined },
  sort: string,
) {
  return (await exportRows((limit) => repo.listScreenings(db, filter, parseSort(sort), limit, 0))).map(
    presentSummary,
  );
}
