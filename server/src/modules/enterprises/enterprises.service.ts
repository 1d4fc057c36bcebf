/** Enterprises: validation (tax code, codes, location), reads and writes. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { AppError, conflict, type Issue, invalid, type Localized, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, changeRecord, recordAudit } from "../audit/audit.service.ts";
import { communeAt, type ReferenceIndex, referenceIndex } from "../reference/reference.service.ts";
import { parseTaxCode, type TaxCodeProblem } from "../reference/tax-code.ts";
import { checkCommune, checkCountries, checkPoint, checkVsic, checkZone, issue } from "../registry-issues.ts";
import { zoneKinds } from "../zones/zones.service.ts";
import * as repo from "./enterprises.repository.ts";
import type {
  Enterprise,
  EnterpriseFilter,
  EnterpriseInput,
  EnterprisePatch,
} from "./enterprises.schemas.ts";
import type { EnterpriseTable } from "./enterprises.table.ts";

const ENTITY = { vi: "doanh nghiệp", en: "Enterprise" };

type Row = NonNullable<Awaited<ReturnType<typeof repo.findEnterprise>>>;

function presentEnterprise(r: Row): Enterprise {
  return {
    tax_code: r.tax_code,
    name_vi: r.name_vi,
    name_en: r.name_en,
    ownership: r.ownership,
    investor_countries: r.investor_countries,
    vsic_version: r.vsic_version,
    vsic_main: r.vsic_main,
    vsic_other: r.vsic_other,
    address: r.address,
    commune_code: r.commune_code,
    zone_code: r.zone_code,
    location: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
    workers: r.workers,
    workers_as_of: r.workers_as_of,
    contact_name: r.contact_name,
    contact_phone: r.contact_phone,
    contact_email: r.contact_email,
    high_tech: r.high_tech,
    high_tech_certificate: r.high_tech_certificate,
    status: r.status,
    established_on: r.established_on,
    source_code: r.source_code,
    is_synthetic: r.is_synthetic,
  };
}

const TAX_PROBLEMS = {
  format: {
    vi: "Mã số thuế phải gồm 10 chữ số, có thể kèm hậu tố -001…-999.",
    en: "A tax code has 10 digits, optionally followed by -001…-999.",
  },
  check_digit: {
    vi: "Chữ số kiểm tra (số thứ 10) không đúng.",
    en: "The check digit (10th digit) is wrong.",
  },
  branch_suffix: {
    vi: "Hậu tố đơn vị phụ thuộc phải từ 001 đến 999.",
    en: "The branch suffix must be 001 to 999.",
  },
} as const;

export interface TaxCodeAnswer {
  input: string;
  well_formed: boolean;
  normalized: string | null;
  problem: TaxCodeProblem | null;
  message: Localized;
  registered: boolean;
  enterprise: { tax_code: string; name_vi: string; status: string } | null;
}

/** Whether a tax code is well-formed and, if so, whether an enterprise is registered under it. */
export async function checkTaxCode(db: Db, input: string): Promise<TaxCodeAnswer> {
  const check = parseTaxCode(input);
  if (!check.valid) {
    return {
      input,
      well_formed: false,
      normalized: null,
      problem: check.problem,
      message: TAX_PROBLEMS[check.problem],
      registered: false,
      enterprise: null,
    };
  }
  const found = await repo.findEnterprise(db, check.normalized);
  return {
    input,
    well_formed: true,
    normalized: check.normalized,
    problem: null,
    message: found
      ? { vi: "Mã hợp lệ, đã có trong hệ thống.", en: "Well-formed and registered." }
      : { vi: "Mã hợp lệ, chưa có trong hệ thống.", en: "Well-formed, not registered here." },
    registered: Boolean(found),
    enterprise: found ? { tax_code: found.tax_code, name_vi: found.name_vi, status: found.status } : null,
  };
}

export function taxCodeIssues(field: string, value: string): Issue[] {
  const check = parseTaxCode(value);
  if (check.valid) return [];
  const why = {
    format: [
      "phải gồm 10 chữ số, có thể kèm -001…-999",
      "must be 10 digits, optionally followed by -001…-999",
    ],
    check_digit: ["sai chữ số kiểm tra", "has a wrong check digit"],
    branch_suffix: ["hậu tố đơn vị phụ thuộc phải từ 001 đến 999", "branch suffix must be 001–999"],
  }[check.problem];
  return [
    issue(
      "registry.tax_code_invalid",
      field,
      `Mã số thuế "${value}" ${why[0]}.`,
      `Tax code "${value}" ${why[1]}.`,
      value,
    ),
  ];
}

export function validateEnterprise(
  input: EnterpriseInput,
  index: ReferenceIndex,
  zones: ReadonlySet<string>,
): Issue[] {
  const issues = [
    ...taxCodeIssues("tax_code", input.tax_code),
    ...checkVsic(index, "vsic_main", [input.vsic_main]),
    ...checkVsic(index, "vsic_other", input.vsic_other),
    ...checkCommune(index, "commune_code", input.commune_code),
    ...checkZone(zones, "zone_code", input.zone_code),
    ...checkPoint(index, "location", input.location),
    ...checkCountries(
      index,
      "investor_countries",
      input.investor_countries.map((c) => c.country),
    ),
  ];
  const shares = input.investor_countries.reduce((sum, c) => sum + c.share, 0);
  if (shares > 100.0001) {
    issues.push(
      issue(
        "registry.investor_shares_invalid",
        "investor_countries",
        `Tổng tỷ lệ vốn ${shares}% vượt 100%.`,
        `Investor shares add up to ${shares}%, above 100%.`,
      ),
    );
  }
  if (input.ownership === "foreign" && input.investor_countries.every((c) => c.country === "VN")) {
    issues.push(
      issue(
        "registry.foreign_investor_missing",
        "investor_countries",
        "Doanh nghiệp FDI cần ít nhất một quốc gia nhà đầu tư nước ngoài.",
        "A foreign-invested enterprise needs at least one foreign investor country.",
      ),
    );
  }
  return issues;
}

export function enterpriseRow(input: EnterpriseInput, index: ReferenceIndex): Insertable<EnterpriseTable> {
  const check = parseTaxCode(input.tax_code);
  const taxCode = check.valid ? check.normalized : input.tax_code;
  const commune = input.commune_code ?? (input.location ? communeAt(index, input.location) : null);
  return {
    tax_code: taxCode,
    name_vi: input.name_vi,
    name_en: input.name_en ?? null,
    ownership: input.ownership,
    investor_countries: JSON.stringify(input.investor_countries),
    country_codes: [...new Set(input.investor_countries.map((c) => c.country))],
    vsic_version: "2025",
    vsic_main: input.vsic_main,
    vsic_other: input.vsic_other,
    address: input.address ?? null,
    commune_code: commune,
    zone_code: input.zone_code ?? null,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    workers: input.workers ?? null,
    workers_as_of: input.workers_as_of ?? null,
    contact_name: input.contact_name ?? null,
    contact_phone: input.contact_phone ?? null,
    contact_email: input.contact_email ?? null,
    high_tech: input.high_tech,
    high_tech_certificate: input.high_tech_certificate ?? null,
    status: input.status,
    established_on: input.established_on ?? null,
    is_synthetic: false,
    search_text: searchText(input.name_vi, input.name_en, taxCode, input.address),
  };
}

export async function findEnterpriseByTaxCode(db: Db, taxCode: string): Promise<Enterprise | null> {
  const row = await repo.findEnterprise(db, taxCode);
  return row ? presentEnterprise(row) : null;
}

export async function getEnterprise(db: Db, taxCode: string): Promise<Enterprise> {
  const found = await findEnterpriseByTaxCode(db, taxCode);
  if (!found) throw notFound(ENTITY, taxCode);
  return found;
}

export async function listEnterprises(
  db: Db,
  filter: EnterpriseFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Enterprise>> {
  const rows = await repo.listEnterprises(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countEnterprises(db, filter), presentEnterprise);
}

export async function allEnterprises(db: Db, filter: EnterpriseFilter, sort: string): Promise<Enterprise[]> {
  return (await exportRows((limit) => repo.listEnterprises(db, filter, parseSort(sort), limit, 0))).map(
    presentEnterprise,
  );
}

function duplicate(taxCode: string) {
  const text = {
    vi: `Mã số thuế ${taxCode} đã được đăng ký.`,
    en: `Tax code ${taxCode} is already registered.`,
  };
  return conflict("registry.tax_code_duplicate", text, [
    { code: "registry.tax_code_duplicate", field: "tax_code", message: text },
  ]);
}

async function validated(db: Db, input: EnterpriseInput) {
  const [index, kinds] = await Promise.all([referenceIndex(db), zoneKinds(db)]);
  const issues = validateEnterprise(input, index, new Set(kinds.keys()));
  if (issues.length) throw invalid(issues);
  return enterpriseRow(input, index);
}

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput): Promise<Enterprise> {
  const row = await validated(db, input);
  if (await repo.findEnterprise(db, row.tax_code)) throw duplicate(row.tax_code);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertEnterprise(trx, row);
      const after = await getEnterprise(trx, row.tax_code);
      await recordAudit(trx, actor, changeRecord("enterprise", row.tax_code, null, after));
    });
  } catch (error) {
    // A concurrent insert of the same tax code loses the race on the unique index.
    if ((error as { code?: string }).code === "23505") throw duplicate(row.tax_code);
    throw error;
  }
  return getEnterprise(db, row.tax_code);
}

/**
 * Updates an enterprise. `editable` limits the fields the caller may change (enterprise staff keep
 * their contacts and workforce up to date; officials keep the rest).
 */
export async function updateEnterprise(
  db: Db,
  actor: Actor,
  taxCode: string,
  patch: EnterprisePatch,
  editable?: ReadonlySet<string>,
): Promise<Enterprise> {
  if (editable) refuseFields(Object.keys(patch).filter((k) => !editable.has(k)));
  // Read, merge, validate and write under the row's lock: concurrent edits queue instead of one
  // silently undoing the other, and the audited "before" is what was really replaced.
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockEnterprise(trx, taxCode))) throw notFound(ENTITY, taxCode);
    const current = await getEnterprise(trx, taxCode);
    const merged: EnterpriseInput = { ...current, ...patch, tax_code: current.tax_code };
    if (patch.location && patch.commune_code === undefined) merged.commune_code = null;
    const { tax_code: _t, ...row } = await validated(trx, merged);
    await repo.updateEnterprise(trx, taxCode, { ...row, is_synthetic: current.is_synthetic });
    const after = await getEnterprise(trx, taxCode);
    await recordAudit(trx, actor, changeRecord("enterprise", taxCode, current, after));
  });
  return getEnterprise(db, taxCode);
}

function refuseFields(fields: string[]): void {
  if (fields.length === 0) return;
  const list = fields.join(", ");
  throw new AppError(
    "auth.field_not_editable",
    403,
    { vi: `Bạn không được sửa các trường: ${list}.`, en: `You may not change: ${list}.` },
    fields.map((field) => ({
      code: "auth.field_not_editable",
      field,
      message: { vi: "Trường này do cơ quan quản lý cập nhật.", en: "Officials maintain this field." },
    })),
  );
}

export const upsertEnterprises = repo.upsertEnterprises;

/** Enterprises as the audit log records them, by tax code: to diff before and after a bulk write. */
export async function auditedEnterprises(db: Db, taxCodes: readonly string[]): Promise<Map<string, object>> {
  const rows = await repo.findEnterprises(db, taxCodes);
  return new Map(rows.map((r) => [r.tax_code, presentEnterprise(r)]));
}
export const existingTaxCodes = repo.existingTaxCodes;
export const firstEnterpriseIn = repo.firstEnterpriseIn;
export const enterpriseZones = repo.zonesOf;

/** Zone and tax code of an enterprise for access control; null when it does not exist. */
export async function enterpriseScope(
  db: Db,
  taxCode: string,
): Promise<{ zones: Array<string | null>; taxCodes: string[] } | null> {
  const found = await repo.findEnterprise(db, taxCode);
  return found ? { zones: [found.zone_code], taxCodes: [found.tax_code] } : null;
}
export const aggregateEnterprisesByZone = repo.aggregateByZone;
export type { EnterpriseAggregate } from "./enterprises.repository.ts";
