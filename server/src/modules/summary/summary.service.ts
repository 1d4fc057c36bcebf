/** City and zone summaries: zones, enterprises, projects, capital, workers, occupancy. */
import type { Db } from "../../db/database.ts";
import { notFound } from "../../platform/errors.ts";
import { singleFlight } from "../../platform/single-flight.ts";
import { aggregateEnterprisesByZone } from "../enterprises/enterprises.service.ts";
import { aggregateProjectsByZone } from "../projects/projects.service.ts";
import { zoneFigures } from "../zones/zones.service.ts";
import { type Summary, summarise } from "./summary.ts";

interface Figures {
  zones: Awaited<ReturnType<typeof zoneFigures>>;
  enterprises: Awaited<ReturnType<typeof aggregateEnterprisesByZone>>;
  projects: Awaited<ReturnType<typeof aggregateProjectsByZone>>;
}

const loaders = new WeakMap<Db, () => Promise<Figures>>();

/** The per-zone aggregates every summary is built from; concurrent requests share one read. */
function figures(db: Db): Promise<Figures> {
  let load = loaders.get(db);
  if (!load) {
    const shared = singleFlight(async (): Promise<Figures> => {
      const [zones, enterprises, projects] = await Promise.all([
        zoneFigures(db),
        aggregateEnterprisesByZone(db),
        aggregateProjectsByZone(db),
      ]);
      return { zones, enterprises, projects };
    });
    load = () => shared("all");
    loaders.set(db, load);
  }
  return load();
}

export async function citySummary(
  db: Db,
  territory?: "east" | "west",
): Promise<Summary & { territory: string }> {
  const { zones, enterprises, projects } = await figures(db);
  const scoped = territory ? zones.filter((z) => z.legacy_territory === territory) : zones;
  // Rows outside any zone have no territory of their own here, so a territory view counts zones only.
  return {
    territory: territory ?? "all",
    ...summarise(scoped, enterprises, projects, territory === undefined),
  };
}

/** A zone's summary; an economic zone's includes the zones inside it. */
export async function zoneSummary(db: Db, code: string): Promise<Summary & { code: string }> {
  const { zones, enterprises, projects } = await figures(db);
  if (!zones.some((z) => z.code === code)) throw notFound({ vi: "khu/cụm công nghiệp", en: "Zone" }, code);
  const scoped = zones.filter((z) => z.code === code || z.parent_code === code);
  return { code, ...summarise(scoped, enterprises, projects, false) };
}

/** Fewer enterprises than this and a workforce total would reveal a single company's figure. */
export const MIN_ENTERPRISES_FOR_WORKERS = 3;

/**
 * Statistical disclosure control: a total of workers over fewer than three enterprises is withheld
 * from those who may not see each enterprise's workforce (a total of one is that company's figure).
 */
export function withheldSmallCells<T extends { enterprises: { total: number; workers: number | null } }>(
  summary: T,
  seesEveryEnterprise: boolean,
): T {
  if (seesEveryEnterprise || summary.enterprises.total >= MIN_ENTERPRISES_FOR_WORKERS) return summary;
  return { ...summary, enterprises: { ...summary.enterprises, workers: null } };
}
