/** Exceedances: public monitoring results, each with its case for those who may read it. */
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import * as repo from "./cases.repository.ts";
import type { Exceedance, ExceedanceFilter } from "./cases.schemas.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

/** Whether the caller may see the case behind an exceedance (its zone and owner). */
export type CaseVisibility = (zoneCode: string | null, ownerTaxCode: string | null) => boolean;

export async function listExceedances(
  db: Db,
  filter: ExceedanceFilter,
  sort: string,
  paging: Paging,
  visible: CaseVisibility,
): Promise<Page<Exceedance>> {
  const rows = await repo.listExceedances(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(
    rows,
    paging,
    () => repo.countExceedances(db, filter),
    (r) => presentExceedance(r, visible),
  );
}

export async function allExceedances(
  db: Db,
  filter: ExceedanceFilter,
  sort: string,
  visible: CaseVisibility,
): Promise<Exceedance[]> {
  const rows = await exportRows((limit) => repo.listExceedances(db, filter, parseSort(sort), limit, 0));
  return rows.map((r) => presentExceedance(r, visible));
}

/** Exceedances are public monitoring results; which company has a case is not. */
function presentExceedance(
  r: Awaited<ReturnType<typeof repo.listExceedances>>[number],
  visible: CaseVisibility,
): Exceedance {
  const { total: _t, owner_tax_code, ...rest } = r;
  return {
    ...rest,
    period_end: iso(r.period_end),
    case_code: r.case_code && visible(r.zone_code, owner_tax_code) ? r.case_code : null,
  };
}
