/**
 * Monthly production reports: an enterprise's quantities by product for a month that has ended,
 * through the workspace, the API or an import. Unknown products, units that do not fit the
 * product, or an open month are refused with the line named; a figure far from the enterprise's
 * usual level is stored, flagged for a statistician. Sending a month again is a revision: the
 * earlier figure is kept in the history and the month is marked for the indices to be computed again.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { isoDay, vietnamDay } from "../../platform/time.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { existingTaxCodes } from "../enterprises/enterprises.service.ts";
import { readCsv } from "../reference/reference-files.ts";
import { parseTaxCode } from "../reference/tax-code.ts";
import { issue } from "../registry-issues.ts";
import * as repo from "./production.repository.ts";
import type {
  Product,
  ProductFilter,
  Production,
  ProductionFilter,
  ProductionInput,
} from "./production.schemas.ts";
import { inProductUnit, jumpFlag, monthEnded, monthStart, unitsFor } from "./production.ts";
import type { StatProductionTable } from "./statistics.table.ts";

const REPORT = { vi: "báo cáo sản xuất", en: "Production report" };

export async function listProducts(
  db: Db,
  filter: ProductFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Product>> {
  const rows = await repo.listProducts(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countProducts(db, filter), presentProduct);
}

export async function allProducts(db: Db, filter: ProductFilter, sort: string): Promise<Product[]> {
  return (await exportRows((limit) => repo.listProducts(db, filter, parseSort(sort), limit, 0))).map(
    presentProduct,
  );
}

function presentProduct(r: {
  code: string;
  vsic_class: string;
  name_vi: string;
  name_en: string | null;
  unit: string;
}): Product {
  return {
    code: r.code,
    vsic_class: r.vsic_class,
    name_vi: r.name_vi,
    name_en: r.name_en,
    unit: r.unit,
    units: unitsFor(r.unit),
  };
}

export function presentProduction(r: repo.ProductionRow): Production {
  return {
    id: r.id,
    enterprise_tax_code: r.enterprise_tax_code,
    product_code: r.product_code,
    product_name: r.product_name,
    vsic_class: r.vsic_class,
    unit: r.unit,
    month: isoDay(r.month).slice(0, 7),
    quantity: r.quantity,
    status: r.status,
    flags: r.flags,
    revision: r.revision,
    channel: r.channel,
    submitted_at: new Date(r.submitted_at).toISOString(),
    submitted_by: r.submitted_by,
    reviewed_by: r.reviewed_by,
    review_note: r.review_note,
    is_synthetic: r.is_synthetic,
  };
}

export interface Line {
  tax_code: string;
  month: string;
  product: string;
  quantity: number;
  unit: string;
}

/**
 * Checks lines and turns them into rows in the products' units, with their flags; `field` names where
 * each line's problem is (the API's `lines.N.unit`, an import's row). Throws nothing: issues are returned.
 */
export async function prepareLines(
  db: Db,
  lines: readonly Line[],
  field: (i: number, name: string) => string,
  options: { channel: StatProductionTable["channel"]; by: string },
): Promise<{ issues: Issue[]; rows: Insertable<StatProductionTable>[] }> {
  const today = vietnamDay();
  const normalized = lines.map((l) => {
    const check = parseTaxCode(l.tax_code);
    return check.valid ? check.normalized : l.tax_code;
  });
  const [products, enterprises] = await Promise.all([
    repo.productsByCode(
      db,
      lines.map((l) => l.product),
    ),
    existingTaxCodes(db, normalized),
  ]);
  const byCode = new Map(products.map((p) => [p.code, p]));
  const issues: Issue[] = [];
  const rows: Insertable<StatProductionTable>[] = [];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const taxCode = normalized[i] as string;
    const start = monthStart(l.month);
    const product = byCode.get(l.product);
    const before = issues.length;
    if (!enterprises.has(taxCode))
      issues.push(
        issue(
          "registry.enterprise_unknown",
          field(i, "tax_code"),
          `Doanh nghiệp ${l.tax_code} chưa được đăng ký.`,
          `Enterprise ${l.tax_code} is not registered.`,
          l.tax_code,
        ),
      );
    if (!start)
      issues.push(
        issue(
          "statistics.month_invalid",
          field(i, "month"),
          `"${l.month}" không phải tháng (YYYY-MM).`,
          `"${l.month}" is not a month (YYYY-MM).`,
          l.month,
        ),
      );
    else if (!monthEnded(start, today))
      issues.push(
        issue(
          "statistics.month_open",
          field(i, "month"),
          `Tháng ${l.month.slice(5)}/${l.month.slice(0, 4)} chưa kết thúc.`,
          `Month ${l.month} has not ended.`,
          l.month,
        ),
      );
    if (!product)
      issues.push(
        issue(
          "statistics.product_unknown",
          field(i, "product"),
          `Không có sản phẩm ${l.product} trong danh mục.`,
          `No product ${l.product} in the list.`,
          l.product,
        ),
      );
    const quantity = product ? inProductUnit(l.quantity, l.unit, product.unit) : null;
    if (product && quantity === null)
      issues.push(
        issue(
          "statistics.unit_mismatch",
          field(i, "unit"),
          `${product.name_vi} tính bằng ${unitsFor(product.unit).join(", ")}, không phải ${l.unit}.`,
          `${product.name_en ?? product.code} is reported in ${unitsFor(product.unit).join(", ")}, not ${l.unit}.`,
          l.unit,
        ),
      );
    const key = `${taxCode}|${l.product}|${start}`;
    if (seen.has(key))
      issues.push(
        issue(
          "statistics.line_duplicate",
          field(i, "product"),
          `Sản phẩm ${l.product} lặp lại trong cùng tháng.`,
          `Product ${l.product} appears twice in the month.`,
          l.product,
        ),
      );
    seen.add(key);
    if (issues.length === before && start && quantity !== null)
      rows.push({
        enterprise_tax_code: taxCode,
        product_code: l.product,
        month: start,
        quantity,
        status: "submitted",
        flags: "[]",
        channel: options.channel,
        submitted_at: new Date(),
        submitted_by: options.by,
        is_synthetic: false,
      });
  });
  if (issues.length) return { issues, rows: [] };
  const history = await repo.histories(
    db,
    rows.map((r) => ({ tax_code: r.enterprise_tax_code, product: r.product_code, month: r.month })),
  );
  for (const r of rows) {
    const flag = jumpFlag(
      r.quantity,
      history.get(`${r.enterprise_tax_code}|${r.product_code}|${r.month}`) ?? [],
    );
    if (flag) {
      r.status = "flagged";
      r.flags = JSON.stringify([flag]);
    }
  }
  return { issues, rows };
}

/** One month of one enterprise, all lines or none; audited. Returns the stored figures. */
export async function submitProduction(db: Db, actor: Actor, input: ProductionInput): Promise<Production[]> {
  const lines = input.lines.map((l) => ({ ...l, tax_code: input.tax_code, month: input.month }));
  const { issues, rows } = await prepareLines(
    db,
    lines,
    (i, name) => (name === "tax_code" || name === "month" ? name : `lines.${i}.${name}`),
    {
      channel: actor.via === "token" ? "api" : "workspace",
      by: actor.username,
    },
  );
  if (issues.length) throw invalid([...new Map(issues.map((x) => [`${x.code}|${x.field}`, x])).values()]);
  await db.transaction().execute(async (trx) => {
    await repo.writeProduction(trx, rows, actor.username);
    await recordAudit(trx, actor, {
      action: "submit",
      entityType: "production_report",
      entityId: `${rows[0]?.enterprise_tax_code}/${input.month}`,
      changes: Object.fromEntries(rows.map((r) => [r.product_code, [null, r.quantity]])),
    });
  });
  const stored = await repo.listProduction(
    db,
    { enterprise: rows[0]?.enterprise_tax_code, from: input.month, to: input.month },
    { field: "month", direction: "asc" },
    500,
    0,
  );
  // The figures just sent (the month may hold others, sent before).
  const sent = new Set(rows.map((r) => r.product_code));
  return stored.filter((r) => sent.has(r.product_code)).map(presentProduction);
}

export async function listProduction(
  db: Db,
  filter: ProductionFilter & { enterprises?: readonly string[] },
  sort: string,
  paging: Paging,
): Promise<Page<Production>> {
  const rows = await repo.listProduction(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countProduction(db, filter), presentProduction);
}

export async function allProduction(
  db: Db,
  filter: ProductionFilter & { enterprises?: readonly string[] },
  sort: string,
) {
  return (await exportRows((limit) => repo.listProduction(db, filter, parseSort(sort), limit, 0))).map(
    presentProduction,
  );
}

export async function productionHistory(db: Db, id: number, scope: { enterprises?: readonly string[] } = {}) {
  const [row] = await repo.listProduction(db, { id, ...scope }, { field: "month", direction: "asc" }, 1, 0);
  if (!row) throw notFound(REPORT, String(id));
  const revisions = await repo.revisions(db, id);
  return {
    ...presentProduction(row),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      quantity: r.quantity,
      status: r.status,
      submitted_at: new Date(r.submitted_at).toISOString(),
      submitted_by: r.submitted_by,
      replaced_by: r.replaced_by,
    })),
  };
}

/** A statistician confirms a flagged figure after checking it with the enterprise. */
export async function confirmProduction(db: Db, actor: Actor, id: number, note?: string) {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockProduction(trx, id);
    if (!current) throw notFound(REPORT, String(id));
    if (current.status !== "flagged")
      throw conflict("statistics.not_flagged", {
        vi: "Chỉ xác nhận số liệu đang bị gắn cờ.",
        en: "Only a flagged figure can be confirmed.",
      });
    await repo.confirmProduction(trx, id, actor.username, note ?? null);
    await recordAudit(trx, actor, {
      action: "confirm",
      entityType: "production_report",
      entityId: String(id),
      changes: { status: ["flagged", "confirmed"], note: [null, note ?? null] },
    });
  });
  return productionHistory(db, id);
}

/** Loads data/statistics/products.csv into an empty list. */
export async function ensureProducts(db: Db): Promise<boolean> {
  if (await repo.hasProducts(db)) return false;
  const rows = await readCsv("statistics/products.csv");
  await repo.insertProducts(
    db,
    rows.map((r) => ({
      code: r.code as string,
      vsic_class: r.vsic_class as string,
      name_vi: r.name_vi as string,
      name_en: r.name_en || null,
      unit: r.unit as string,
      search_text: searchText(r.code, r.name_vi, r.name_en, r.vsic_class),
    })),
  );
  return true;
}
