/** What importing means for each kind: its schema, natural key, validation and set-based write. */
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import type { Issue } from "../../platform/errors.ts";
import type { Actor } from "../audit/audit.service.ts";
import { type EnterpriseInput, enterpriseInput } from "../enterprises/enterprises.schemas.ts";
import {
  auditedEnterprises,
  enterpriseRow,
  enterpriseZones,
  upsertEnterprises,
  validateEnterprise,
} from "../enterprises/enterprises.service.ts";
import type { Permission, Target } from "../identity/policy.ts";
import { catalogueEntries, investorReports } from "../investment/import-kinds.ts";
import type { ProjectEvent } from "../projects/project-events.ts";
import { type ProjectInput, projectInput } from "../projects/projects.schemas.ts";
import type { KnownProject } from "../projects/projects.service.ts";
import {
  appendEventsInBulk,
  auditedProjects,
  currencyLocked,
  existingIrcNumbers,
  projectContext,
  projectRow,
  upsertProjects,
  validateAttributes,
} from "../projects/projects.service.ts";
import { referenceIndex } from "../reference/reference.service.ts";
import { parseTaxCode } from "../reference/tax-code.ts";
import { productionReports } from "../statistics/production-import.ts";
import { type ZoneInput, zoneInput } from "../zones/zones.schemas.ts";
import { auditedZones, upsertZones, validateZone, zoneKinds, zoneRow } from "../zones/zones.service.ts";
import type { ImportKind } from "./columns.ts";

/** What a row touches, and whether it updates an existing record or creates one. */
export interface RowTarget {
  target: Target;
  existing: boolean;
}

export interface Applied {
  inserted: number;
  updated: number;
}

export interface KindHandler<T, C> {
  schema: z.ZodType<T>;
  key(input: T): string;
  keyField: string;
  /** Tables a successful import writes, to refresh their statistics afterwards. */
  tables: ReadonlyArray<keyof Database>;
  prepare(db: Db, inputs: readonly T[]): Promise<C>;
  validate(input: T, ctx: C): Issue[];
  apply(
    trx: Db,
    inputs: readonly T[],
    ctx: C,
    onProgress: (done: number) => void,
    actor: Actor,
  ): Promise<Applied>;
  /** The permission each row needs ("create"/"update" of the kind's resource when absent). */
  permission?: Permission;
  /** What each row touches for access control: its new values and, for an update, the current ones. */
  targets(db: Db, inputs: readonly T[], ctx: C): Promise<RowTarget[]>;
  /** The audit log's entity type, and the records by key as it compares them before and after. */
  entity: string;
  snapshot(db: Db, keys: readonly string[]): Promise<Map<string, object>>;
}

const zones: KindHandler<ZoneInput, Awaited<ReturnType<typeof zoneContext>>> = {
  schema: zoneInput,
  key: (z) => z.code,
  keyField: "code",
  tables: ["zone"],
  entity: "zone",
  snapshot: auditedZones,
  prepare: zoneContext,
  validate: (input, ctx) => validateZone(input, ctx.index, ctx.kinds),
  targets: async (db, inputs) => {
    const current = await zoneKinds(db);
    return inputs.map((z) => ({
      existing: current.has(z.code),
      target: {
        zones: [z.code, ...(z.parent_code ? [z.parent_code] : [])],
        zoneKinds: [z.kind, ...(current.has(z.code) ? [current.get(z.code) as string] : [])],
      },
    }));
  },
  apply: async (trx, inputs, ctx, onProgress) => {
    // Economic zones first, so that parents exist before the zones that point to them.
    const ordered = [...inputs].sort((a, b) => Number(b.kind === "kkt") - Number(a.kind === "kkt"));
    return upsertZones(
      trx,
      ordered.map((z) => ({ ...zoneRow(z, ctx.index), is_synthetic: false })),
      onProgress,
    );
  },
};

async function zoneContext(db: Db, inputs: readonly ZoneInput[]) {
  const [index, kinds] = await Promise.all([referenceIndex(db), zoneKinds(db)]);
  for (const z of inputs) kinds.set(z.code, z.kind);
  return { index, kinds };
}

const enterprises: KindHandler<EnterpriseInput, Awaited<ReturnType<typeof enterpriseContext>>> = {
  schema: enterpriseInput,
  key: (e) => {
    const check = parseTaxCode(e.tax_code);
    return check.valid ? check.normalized : e.tax_code;
  },
  keyField: "tax_code",
  tables: ["enterprise"],
  entity: "enterprise",
  snapshot: auditedEnterprises,
  prepare: enterpriseContext,
  validate: (input, ctx) => validateEnterprise(input, ctx.index, ctx.zones),
  targets: async (db, inputs) => {
    const keys = inputs.map((e) => enterprises.key(e));
    const current = await enterpriseZones(db, keys);
    return inputs.map((e, i) => {
      const key = keys[i] as string;
      return {
        existing: current.has(key),
        target: {
          zones: [e.zone_code ?? null, ...(current.has(key) ? [current.get(key) ?? null] : [])],
          taxCodes: [key],
        },
      };
    });
  },
  apply: (trx, inputs, ctx, onProgress) =>
    upsertEnterprises(
      trx,
      inputs.map((e) => enterpriseRow(e, ctx.index)),
      onProgress,
    ),
};

async function enterpriseContext(db: Db) {
  const [index, kinds] = await Promise.all([referenceIndex(db), zoneKinds(db)]);
  return { index, zones: new Set(kinds.keys()) };
}

type ProjectImportContext = Awaited<ReturnType<typeof projectImportContext>>;

async function projectImportContext(db: Db, inputs: readonly ProjectInput[]) {
  const taxCodes = inputs.flatMap((p) => (p.enterprise_tax_code ? [p.enterprise_tax_code] : []));
  const [ctx, existing] = await Promise.all([
    projectContext(db, taxCodes),
    existingIrcNumbers(
      db,
      inputs.map((p) => p.irc_number),
    ),
  ]);
  return { ...ctx, existing };
}

const capitalChanged = (a: number, b: number): boolean => Math.abs(a - b) >= 0.005;

/** Rules that hold between a row and the project it updates. */
function updateIssues(input: ProjectInput, known: KnownProject | undefined): Issue[] {
  if (!known) return [];
  if (known.currency !== input.currency) return currencyLocked(input.irc_number).issues;
  if (known.status === "terminated" && capitalChanged(known.registered_capital, input.registered_capital)) {
    return [
      {
        code: "projects.terminated",
        field: "registered_capital",
        message: {
          vi: "Dự án đã chấm dứt; không thể điều chỉnh vốn.",
          en: "The project is terminated; its capital cannot change.",
        },
      },
    ];
  }
  return [];
}

const projects: KindHandler<ProjectInput, ProjectImportContext> = {
  schema: projectInput,
  key: (p) => p.irc_number,
  keyField: "irc_number",
  tables: ["project", "project_event"],
  entity: "project",
  snapshot: auditedProjects,
  prepare: projectImportContext,
  validate: (input, ctx) => [
    ...validateAttributes(input, ctx),
    ...updateIssues(input, ctx.existing.get(input.irc_number)),
  ],
  targets: async (_db, inputs, ctx) =>
    inputs.map((p) => {
      const known = ctx.existing.get(p.irc_number);
      return {
        existing: known !== undefined,
        target: {
          zones: [p.zone_code ?? null, ...(known ? [known.zone_code] : [])],
          taxCodes: [p.enterprise_tax_code ?? null, ...(known ? [known.enterprise_tax_code] : [])],
        },
      };
    }),
  apply: applyProjects,
};

/**
 * New projects get their "issued" event. For known projects the attributes are updated and a
 * changed registered capital is recorded as an "adjustment" event, never overwritten in place.
 */
async function applyProjects(
  trx: Db,
  inputs: readonly ProjectInput[],
  ctx: ProjectImportContext,
  onProgress: (done: number) => void,
): Promise<Applied> {
  const written = await upsertProjects(
    trx,
    inputs.map((p) => projectRow(p.irc_number, p, ctx.index)),
    onProgress,
  );
  const ids = new Map(written.map((w) => [w.irc_number, w.id]));
  const today = new Date().toISOString().slice(0, 10);
  const entries = inputs.flatMap((p): Array<{ projectId: number; event: ProjectEvent }> => {
    const projectId = ids.get(p.irc_number) as number;
    const known = ctx.existing.get(p.irc_number);
    if (!known) {
      return [
        {
          projectId,
          event: {
            kind: "issued" as const,
            occurred_on: p.issued_on,
            decision_number: p.decision_number ?? null,
            amount: p.registered_capital,
          },
        },
      ];
    }
    if (!capitalChanged(known.registered_capital, p.registered_capital)) return [];
    const on = known.last_event_on && known.last_event_on > today ? known.last_event_on : today;
    const note = "Điều chỉnh vốn qua nhập tệp / capital changed by file import";
    return [
      {
        projectId,
        event: {
          kind: "adjustment" as const,
          occurred_on: on,
          decision_number: p.decision_number ?? null,
          amount: p.registered_capital,
          note,
        },
      },
    ];
  });
  await appendEventsInBulk(trx, entries);
  const inserted = written.filter((w) => w.inserted).length;
  return { inserted, updated: written.length - inserted };
}

// biome-ignore lint/suspicious/noExplicitAny: each handler has its own input and context types.
export const HANDLERS: Record<ImportKind, KindHandler<any, any>> = {
  zones,
  enterprises,
  projects,
  catalogue_entries: catalogueEntries,
  investor_reports: investorReports,
  production_reports: productionReports,
};
