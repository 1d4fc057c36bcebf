/** Reference data: administrative units, VSIC, countries, sources; and the lookups other modules validate with. */
import type { Db } from "../../db/database.ts";
import type { Page, Paging } from "../../http/paging.ts";
import { offsetOf } from "../../http/paging.ts";
import { notFound } from "../../platform/errors.ts";
import { type Area, contains, type Point } from "../../platform/geo.ts";
import { HAI_PHONG, loadReferenceData as loadFiles } from "./reference.loader.ts";
import * as repo from "./reference.repository.ts";
import type { Unit, UnitDetail, VsicCode } from "./reference.schemas.ts";
import type { Era } from "./reference.table.ts";

export { HAI_PHONG } from "./reference.loader.ts";

export async function listUnits(db: Db, filter: repo.UnitFilter, paging: Paging): Promise<Page<Unit>> {
  const { items, total } = await repo.listUnits(db, filter, paging.page_size, offsetOf(paging));
  return { items, total, ...paging };
}

export async function getUnit(db: Db, era: Era, code: string): Promise<UnitDetail> {
  const unit = await repo.findUnit(db, era, code);
  if (!unit) throw notFound({ vi: "đơn vị hành chính", en: "Administrative unit" }, code);
  const [successors, predecessors] = await Promise.all([
    era === "pre2025" ? repo.successorsOf(db, code) : Promise.resolve([]),
    era === "2025" ? repo.predecessorsOf(db, code) : Promise.resolve([]),
  ]);
  return { ...unit, successors, predecessors };
}

export interface CommuneFeatures {
  type: "FeatureCollection";
  features: Array<{
    type: "Feature";
    id: string;
    geometry: unknown;
    properties: {
      code: string;
      name: string;
      name_en: string | null;
      full_name: string;
      full_name_en: string | null;
      unit_type: string;
      area_km2: number | null;
    };
  }>;
}

export async function communeFeatures(db: Db, province: string): Promise<CommuneFeatures> {
  const rows = await repo.unitGeometries(db, province);
  return {
    type: "FeatureCollection" as const,
    features: rows.map(({ geometry, ...properties }) => ({
      type: "Feature" as const,
      id: properties.code,
      geometry,
      properties,
    })),
  };
}

export async function listVsic(db: Db, filter: repo.VsicFilter, paging: Paging): Promise<Page<VsicCode>> {
  const { items, total } = await repo.listVsic(db, filter, paging.page_size, offsetOf(paging));
  return { items, total, ...paging };
}

export interface VsicNode {
  code: string;
  level: number;
  name_vi: string;
  children: VsicNode[];
}

export async function vsicTree(db: Db, version: string): Promise<VsicNode[]> {
  const rows = await repo.allVsic(db, version);
  const nodes = new Map(
    rows.map((r) => [
      r.code,
      { code: r.code, level: r.level, name_vi: r.name_vi, children: [] as VsicNode[] },
    ]),
  );
  const roots: VsicNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code) as VsicNode;
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export const listCountries = repo.listCountries;
export const listSources = repo.listSources;

/** In-memory sets for validating codes on every write and import row, loaded once per database. */
export interface ReferenceIndex {
  communes: Set<string>;
  vsic: Set<string>;
  countries: Set<string>;
  outline: Area | null;
  communeShapes: Map<string, Area>;
  /** Current commune → "east" (formed from old Hải Phòng, code 31) or "west" (old Hải Dương, code 30). */
  communeTerritory: Map<string, "east" | "west">;
}

const indexes = new WeakMap<Db, Promise<ReferenceIndex>>();

async function buildIndex(db: Db): Promise<ReferenceIndex> {
  const [communes, vsic, countries, outline, shapes, crosswalk] = await Promise.all([
    repo.allCommuneCodes(db, HAI_PHONG),
    repo.allVsic(db, "2025"),
    repo.listCountries(db, undefined),
    repo.provinceGeometry(db, HAI_PHONG),
    repo.unitGeometries(db, HAI_PHONG),
    repo.crosswalkProvinces(db),
  ]);
  return {
    communes: new Set(communes),
    vsic: new Set(vsic.map((v) => v.code)),
    countries: new Set(countries.map((c) => c.alpha2)),
    outline: (outline as Area | null) ?? null,
    communeShapes: new Map(shapes.map((s) => [s.code, s.geometry as Area])),
    communeTerritory: new Map(
      crosswalk.map((x) => [x.new_code, x.old_province_code === "30" ? "west" : "east"]),
    ),
  };
}

export function referenceIndex(db: Db): Promise<ReferenceIndex> {
  let index = indexes.get(db);
  if (!index) {
    index = buildIndex(db);
    indexes.set(db, index);
    index.catch(() => indexes.delete(db));
  }
  return index;
}

/** Forget the cached index (after reference data is loaded). */
function resetReferenceIndex(db: Db): void {
  indexes.delete(db);
}

export function insideHaiPhong(index: ReferenceIndex, point: Point): boolean {
  return index.outline ? contains(index.outline, point) : true;
}

/** The current commune whose polygon holds the point, if any. */
export function communeAt(index: ReferenceIndex, point: Point): string | null {
  for (const [code, shape] of index.communeShapes) if (contains(shape, point)) return code;
  return null;
}

export const insertDataSources = repo.upsertSources;

/** Loads the shipped reference data into an empty database; the validation index is rebuilt after. */
export async function loadReferenceData(db: Db): Promise<boolean> {
  const loaded = await loadFiles(db);
  if (loaded) resetReferenceIndex(db);
  return loaded;
}
