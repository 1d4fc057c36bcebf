/**
 * Spreadsheet imports of catalogue entries (into draft versions) and investor reports, through the
 * shared importer (all or nothing, every bad row named): the same schemas and checks as the API.
 */
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import type { Issue } from "../../platform/errors.ts";
import type { KindHandler } from "../imports/kinds.ts";
import { projectRefs } from "../projects/projects.service.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { issue } from "../registry-issues.ts";
import * as catalogueRepo from "./catalogue.repository.ts";
import { entryInput, versionCode } from "./catalogue.schemas.ts";
import { draftVersionIds, entryIssues, upsertEntries } from "./catalogue.service.ts";
import type { ReportPeriod } from "./investment.table.ts";
import * as reportsRepo from "./reports.repository.ts";
import { type ReportInput, reportInput } from "./reports.schemas.ts";
import { reportIssues, writeReports } from "./reports.service.ts";
import { vietnamToday } from "./supervision.service.ts";

const catalogueRow = entryInput.extend({ version_code: versionCode });
type CatalogueRow = z.infer<typeof catalogueRow>;
type CatalogueContext = { versions: Map<string, { id: number; status: string }>; vsic: ReadonlySet<string> };

export const catalogueEntries: KindHandler<CatalogueRow, CatalogueContext> = {
  schema: catalogueRow,
  key: (r) => `${r.version_code}/${r.code}`,
  keyField: "code",
  tables: ["inv_catalogue_entry"],
  entity: "catalogue_entry",
  permission: "catalogue.manage",
  prepare: async (db, inputs) => {
    const [versions, index] = await Promise.all([
      draftVersionIds(db, [...new Set(inputs.map((r) => r.version_code))]),
      referenceIndex(db),
    ]);
    return { versions, vsic: index.vsic };
  },
  validate: (row, ctx) => {
    const version = ctx.versions.get(row.version_code);
    const problems: Issue[] = [];
    if (!version)
      problems.push(
        issue(
          "investment.version_unknown",
          "version_code",
          `Không có phiên bản ${row.version_code}.`,
          `No version ${row.version_code}.`,
          row.version_code,
        ),
      );
    else if (version.status !== "draft")
      problems.push(
        issue(
          "investment.version_published",
          "version_code",
          `Phiên bản ${row.version_code} đã công bố; chỉ nhập vào bản nháp.`,
          `Version ${row.version_code} is published; import into a draft.`,
          row.version_code,
        ),
      );
    // The entry's own field names, so the importer maps them to its columns.
    return [...problems, ...entryIssues([row], ctx.vsic, null)];
  },
  // One permission for new and changed entries alike; the catalogue has no zone or enterprise scope.
  targets: async (_db, inputs) => inputs.map(() => ({ target: {}, existing: false })),
  apply: (trx, inputs, ctx) =>
    upsertEntries(
      trx,
      inputs.map((r) => {
        const { version_code, ...entry } = r;
        return { versionId: ctx.versions.get(version_code)?.id as number, entry };
      }),
    ),
  snapshot: async (db, keys) => {
    const rows = await catalogueRepo.entriesByKeys(
      db,
      keys.map((k) => {
        const [version = "", ...code] = k.split("/");
        return { version, code: code.join("/") };
      }),
    );
    return new Map(rows.map((r) => [`${r.version_code}/${r.code}`, r]));
  },
};

type ReportContext = {
  projects: Awaited<ReturnType<typeof projectRefs>>;
  accepted: Set<string>;
  today: string;
};
const reportKey = (r: Pick<ReportInput, "irc_number" | "year" | "period">) =>
  `${r.irc_number}/${r.year}-${r.period}`;

export const investorReports: KindHandler<ReportInput, ReportContext> = {
  schema: reportInput as z.ZodType<ReportInput>,
  key: reportKey,
  keyField: "irc_number",
  tables: ["inv_report"],
  entity: "investor_report",
  permission: "report.submit",
  prepare: async (db, inputs) => {
    const projects = await projectRefs(
      db,
      inputs.map((r) => r.irc_number),
    );
    const existing = await reportsByKey(db, inputs.map(reportKey));
    const accepted = new Set([...existing].filter(([, r]) => r.status === "accepted").map(([k]) => k));
    return { projects, accepted, today: vietnamToday() };
  },
  validate: (row, ctx) => {
    const project = ctx.projects.get(row.irc_number);
    if (!project)
      return [
        issue(
          "registry.project_unknown",
          "irc_number",
          `Không có dự án ${row.irc_number}.`,
          `No project ${row.irc_number}.`,
          row.irc_number,
        ),
      ];
    const problems = reportIssues(row, project, ctx.today);
    if (ctx.accepted.has(reportKey(row)))
      problems.push(
        issue(
          "investment.report_accepted",
          "period",
          "Báo cáo kỳ này đã được tiếp nhận.",
          "This period's report is already accepted.",
        ),
      );
    return problems;
  },
  targets: async (db, inputs, ctx) => {
    const existing = await reportsByKey(db, inputs.map(reportKey));
    return inputs.map((r) => {
      const p = ctx.projects.get(r.irc_number);
      return {
        existing: existing.has(reportKey(r)),
        target: { zones: [p?.zone_code ?? null], taxCodes: [p?.enterprise_tax_code ?? null] },
      };
    });
  },
  apply: async (trx, inputs, ctx, onProgress, actor) => {
    const written = await writeReports(
      trx,
      actor,
      inputs.map((input) => ({
        input,
        project: ctx.projects.get(input.irc_number) as NonNullable<ReturnType<typeof ctx.projects.get>>,
      })),
      { channel: "import", audit: false },
    );
    onProgress(inputs.length);
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted };
  },
  snapshot: async (db, keys) => reportsByKey(db, keys),
};

async function reportsByKey(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, { status: string } & Record<string, unknown>>> {
  const rows = await reportsRepo.reportsByKeys(
    db,
    keys.map((k) => {
      const [irc = "", rest = ""] = k.split("/");
      const [year, period] = rest.split("-");
      return { irc, year: Number(year), period: period as ReportPeriod };
    }),
  );
  return new Map(rows.map((r) => [`${r.irc_number}/${r.year}-${r.period}`, r]));
}
