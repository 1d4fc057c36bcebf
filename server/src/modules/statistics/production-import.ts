/** Spreadsheet import of monthly production (one row per enterprise, month and product), all or nothing. */
import type { Insertable } from "kysely";
import { z } from "zod";
import type { Issue } from "../../platform/errors.ts";
import type { KindHandler } from "../imports/kinds.ts";
import * as repo from "./production.repository.ts";
import { prepareLines } from "./production.service.ts";
import type { StatProductionTable } from "./statistics.table.ts";

const row = z.object({
  tax_code: z.string().trim().min(10).max(14),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  product: z.string().trim().max(10),
  quantity: z.number().min(0).max(1e15),
  unit: z.string().trim().min(1).max(20),
});
type Row = z.infer<typeof row>;
type Context = {
  issues: Map<number, Issue[]>;
  rows: Insertable<StatProductionTable>[];
  index: Map<Row, number>;
};
const key = (r: Row) => `${r.tax_code}|${r.product}|${r.month}`;

export const productionReports: KindHandler<Row, Context> = {
  schema: row,
  key,
  keyField: "product",
  tables: ["stat_production", "stat_production_revision"],
  entity: "production_report",
  permission: "production.submit",
  prepare: async (db, inputs) => {
    const issues = new Map<number, Issue[]>();
    const prepared = await prepareLines(db, inputs, (i, name) => `${i}|${name}`, {
      channel: "import",
      by: "import",
    });
    for (const x of prepared.issues) {
      const [i, field] = (x.field ?? "").split("|");
      const list = issues.get(Number(i)) ?? [];
      list.push({ ...x, field: field ?? "" });
      issues.set(Number(i), list);
    }
    return { issues, rows: prepared.rows, index: new Map(inputs.map((r, i) => [r, i])) };
  },
  validate: (input, ctx) => ctx.issues.get(ctx.index.get(input) ?? -1) ?? [],
  targets: async (db, inputs) => {
    const found = await repo.existing(
      db,
      inputs.map((r) => ({ tax_code: r.tax_code, product: r.product, month: `${r.month}-01` })),
    );
    const known = new Set(
      found.map((f) => `${f.enterprise_tax_code}|${f.product_code}|${f.month.slice(0, 7)}`),
    );
    return inputs.map((r) => ({ existing: known.has(key(r)), target: { taxCodes: [r.tax_code] } }));
  },
  apply: async (trx, inputs, ctx, onProgress, actor) => {
    const before = await repo.existing(
      trx,
      ctx.rows.map((r) => ({ tax_code: r.enterprise_tax_code, product: r.product_code, month: r.month })),
    );
    await repo.writeProduction(
      trx,
      ctx.rows.map((r) => ({ ...r, submitted_by: actor.username })),
      actor.username,
    );
    onProgress(inputs.length);
    return { inserted: ctx.rows.length - before.length, updated: before.length };
  },
  snapshot: async (db, keys) => {
    const rows = await repo.figures(
      db,
      keys.map((k) => {
        const [tax_code = "", product = "", month = ""] = k.split("|");
        return { tax_code, product, month: `${month}-01` };
      }),
    );
    return new Map(rows.map((r) => [`${r.enterprise_tax_code}|${r.product_code}|${r.month.slice(0, 7)}`, r]));
  },
};
