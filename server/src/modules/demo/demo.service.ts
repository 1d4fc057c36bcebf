/** Loads the demo city once: sources, zones, enterprises, projects and their events, in one transaction. */
import type { Db } from "../../db/database.ts";
import { analyzeTables } from "../../db/maintenance.ts";
import type { Area } from "../../platform/geo.ts";
import { createRng } from "../../platform/random.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { upsertEnterprises } from "../enterprises/enterprises.service.ts";
import { seedInvestmentDemo } from "../investment/demo-investment.ts";
import { appendEventsInBulk, upsertProjects } from "../projects/projects.service.ts";
import {
  communeFeatures,
  HAI_PHONG,
  insertDataSources,
  referenceIndex,
} from "../reference/reference.service.ts";
import { seedStatisticsDemo } from "../statistics/demo-statistics.ts";
import { highTechClasses } from "../statistics/indicator-feed.ts";
import { upsertZones, zoneKinds } from "../zones/zones.service.ts";
import { SOURCES } from "./catalog.ts";
import { generateRegistry } from "./generate-registry.ts";
import { type CityShape, generateZones } from "./generate-zones.ts";

export interface SeedOptions {
  seed: number;
  /** The demo's "today": events after it are not generated. Defaults to the current date. */
  today?: string;
  /** Monthly production since 2018 and the IIP computed from it (default on; tests that do not need it skip it). */
  statistics?: boolean;
  onProgress?: (step: string) => void;
}

export interface SeedResult {
  zones: number;
  enterprises: number;
  projects: number;
  events: number;
  reports: number;
  supervision_cases: number;
}

/** Hải Phòng's outline and communes with their legacy territory, for generators. */
export async function cityShape(db: Db): Promise<CityShape> {
  const [index, features] = await Promise.all([referenceIndex(db), communeFeatures(db, HAI_PHONG)]);
  if (!index.outline) throw new Error("reference data must be loaded before the demo city");
  return {
    outline: index.outline,
    communes: features.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      full_name: f.properties.full_name,
      shape: f.geometry as Area,
      territory: index.communeTerritory.get(f.properties.code) ?? "east",
    })),
  };
}

/** Returns null when the database already has zones (the demo is loaded once, never over real data). */
export async function seedDemoCity(db: Db, options: SeedOptions): Promise<SeedResult | null> {
  const progress = options.onProgress ?? (() => {});
  if ((await zoneKinds(db)).size > 0) return null;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rng = createRng(options.seed);
  progress("generate");
  const [city, index] = await Promise.all([cityShape(db), referenceIndex(db)]);
  const zones = generateZones(rng, city);
  const { enterprises, projects } = generateRegistry({ rng, city, zones, vsic: index.vsic, today });
  let eventCount = 0;
  await db.transaction().execute(async (trx) => {
    await insertDataSources(trx, SOURCES);
    progress(`zones ${zones.length}`);
    await upsertZones(trx, zones);
    progress(`enterprises ${enterprises.length}`);
    await upsertEnterprises(trx, enterprises);
    progress(`projects ${projects.length}`);
    const written = await upsertProjects(
      trx,
      projects.map((p) => p.row),
    );
    const ids = new Map(written.map((w) => [w.irc_number, w.id]));
    const entries = projects.flatMap((p) =>
      p.events.map((event) => ({ projectId: ids.get(p.row.irc_number) as number, event })),
    );
    eventCount = entries.length;
    progress(`events ${entries.length}`);
    await appendEventsInBulk(trx, entries);
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: "seed",
      entityType: "demo",
      entityId: String(options.seed),
      changes: {
        zones: zones.length,
        enterprises: enterprises.length,
        projects: projects.length,
        events: entries.length,
      },
    });
  });
  await analyzeTables(db, ["zone", "enterprise", "project", "project_event"]);
  progress("investment reports and supervision");
  const investment = await seedInvestmentDemo(db, { seed: options.seed, today });
  await analyzeTables(db, ["inv_report", "inv_milestone_progress", "inv_project_schedule", "inv_case"]);
  if (options.statistics !== false) {
    progress("monthly production and the IIP");
    await seedStatisticsDemo(db, { seed: options.seed, today, highTech: await highTechClasses() });
    await analyzeTables(db, ["stat_production", "stat_iip_index"]);
  }
  return {
    zones: zones.length,
    enterprises: enterprises.length,
    projects: projects.length,
    events: eventCount,
    reports: investment.reports,
    supervision_cases: investment.job.cases_opened,
  };
}
