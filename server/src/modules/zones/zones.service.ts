/** Zones (KKT, KCN, CCN): validation, derived fields, reads and writes. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { bbox, type Point } from "../../platform/geo.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, changeRecord, fingerprint, recordAudit } from "../audit/audit.service.ts";
import { communeAt, type ReferenceIndex, referenceIndex } from "../reference/reference.service.ts";
import { checkCommune, checkPoint, issue } from "../registry-issues.ts";
import * as repo from "./zones.repository.ts";
import type { Zone, ZoneDetail, ZoneFilter, ZoneInput, ZonePatch } from "./zones.schemas.ts";
import type { ZoneTable } from "./zones.table.ts";

const ENTITY = { vi: "khu/cụm công nghiệp", en: "Zone" };

type ZoneRow = Omit<Awaited<ReturnType<typeof repo.listZones>>[number], "total">;

function presentZone(row: ZoneRow): Zone {
  const occupancy =
    row.industrial_land_ha && row.industrial_land_ha > 0 && row.leased_land_ha !== null
      ? row.leased_land_ha / row.industrial_land_ha
      : null;
  return {
    code: row.code,
    name_vi: row.name_vi,
    name_en: row.name_en,
    kind: row.kind,
    parent_code: row.parent_code,
    commune_codes: row.commune_codes,
    legacy_territory: row.legacy_territory,
    location: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
    has_boundary: row.has_boundary,
    total_area_ha: row.total_area_ha,
    industrial_land_ha: row.industrial_land_ha,
    leased_land_ha: row.leased_land_ha,
    vacant_land_ha:
      row.industrial_land_ha !== null && row.leased_land_ha !== null
        ? // Areas are kept to 1 m² (0.0001 ha); the difference of two floats is rounded back to it.
          Math.round((row.industrial_land_ha - row.leased_land_ha) * 10_000) / 10_000
        : null,
    occupancy: occupancy === null ? null : Math.round(occupancy * 10_000) / 10_000,
    developer: row.developer,
    decision_number: row.decision_number,
    decision_date: row.decision_date,
    status: row.status,
    eco_status: row.eco_status,
    wastewater_capacity_m3d: row.wastewater_capacity_m3d,
    field_sources: row.field_sources,
    is_synthetic: row.is_synthetic,
  };
}

/** Everything a zone must satisfy beyond its schema; `kinds` maps existing zone codes to their kind. */
export function validateZone(
  input: ZoneInput,
  index: ReferenceIndex,
  kinds: ReadonlyMap<string, string>,
): Issue[] {
  const issues: Issue[] = [];
  for (const c of input.commune_codes ?? []) issues.push(...checkCommune(index, "commune_codes", c));
  issues.push(...checkPoint(index, "location", input.location));
  if (input.boundary) {
    const box = bbox(input.boundary);
    const centre: Point = { lon: (box.minLon + box.maxLon) / 2, lat: (box.minLat + box.maxLat) / 2 };
    issues.push(...checkPoint(index, "boundary", centre));
  }
  if (input.industrial_land_ha != null && input.industrial_land_ha > input.total_area_ha) {
    issues.push(
      issue(
        "registry.industrial_land_exceeds_total",
        "industrial_land_ha",
        "Đất công nghiệp lớn hơn tổng diện tích.",
        "Industrial land exceeds the total area.",
      ),
    );
  }
  if (input.leased_land_ha != null) {
    const limit = input.industrial_land_ha ?? input.total_area_ha;
    if (input.leased_land_ha > limit) {
      issues.push(
        issue(
          "registry.leased_land_exceeds_industrial",
          "leased_land_ha",
          "Đất đã cho thuê lớn hơn đất công nghiệp.",
          "Leased land exceeds the industrial land.",
          input.leased_land_ha,
        ),
      );
    }
  }
  if (input.parent_code) {
    if (input.kind === "kkt") {
      issues.push(
        issue(
          "registry.parent_zone_invalid",
          "parent_code",
          "Khu kinh tế không có khu cha.",
          "An economic zone has no parent zone.",
        ),
      );
    } else if (kinds.get(input.parent_code) !== "kkt") {
      issues.push(
        issue(
          "registry.parent_zone_invalid",
          "parent_code",
          `Khu cha ${input.parent_code} không phải khu kinh tế đã đăng ký.`,
          `Parent ${input.parent_code} is not a registered economic zone.`,
          input.parent_code,
        ),
      );
    }
  }
  if (!input.location && !input.boundary && !input.commune_codes?.length) {
    issues.push(
      issue(
        "registry.zone_location_missing",
        "location",
        "Cần toạ độ, ranh giới hoặc mã xã.",
        "A location, a boundary or a commune code is required.",
      ),
    );
  }
  return issues;
}

function centreOf(input: ZoneInput): Point | null {
  if (input.location) return input.location;
  if (!input.boundary) return null;
  const box = bbox(input.boundary);
  return { lon: (box.minLon + box.maxLon) / 2, lat: (box.minLat + box.maxLat) / 2 };
}

/** The row to store; communes and territory are derived from the location when not given. */
export function zoneRow(input: ZoneInput, index: ReferenceIndex): Insertable<ZoneTable> {
  const centre = centreOf(input);
  const atCentre = centre ? communeAt(index, centre) : null;
  const communes = input.commune_codes?.length ? input.commune_codes : atCentre ? [atCentre] : [];
  const territory = input.legacy_territory ?? index.communeTerritory.get(communes[0] ?? "") ?? "east";
  return {
    code: input.code,
    name_vi: input.name_vi,
    name_en: input.name_en ?? null,
    kind: input.kind,
    parent_code: input.parent_code ?? null,
    commune_codes: communes,
    legacy_territory: territory,
    boundary: input.boundary ? JSON.stringify(input.boundary) : null,
    lon: centre?.lon ?? null,
    lat: centre?.lat ?? null,
    total_area_ha: input.total_area_ha,
    industrial_land_ha: input.industrial_land_ha ?? null,
    leased_land_ha: input.leased_land_ha ?? null,
    developer: input.developer ?? null,
    decision_number: input.decision_number ?? null,
    decision_date: input.decision_date ?? null,
    status: input.status,
    eco_status: input.eco_status,
    wastewater_capacity_m3d: input.wastewater_capacity_m3d ?? null,
    field_sources: JSON.stringify(input.field_sources),
    is_synthetic: false,
    search_text: searchText(input.name_vi, input.name_en, input.code, input.developer),
  };
}

export async function getZone(db: Db, code: string): Promise<ZoneDetail> {
  const row = await repo.findZone(db, code);
  if (!row) throw notFound(ENTITY, code);
  return { ...presentZone(row), boundary: row.boundary };
}

export async function listZones(
  db: Db,
  filter: ZoneFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Zone>> {
  const rows = await repo.listZones(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countZones(db, filter), presentZone);
}

/** All matching zones with boundaries, for exports and maps. */
export async function allZones(
  db: Db,
  filter: ZoneFilter,
  sort: string,
): Promise<Array<Zone & { boundary: unknown }>> {
  const rows = await exportRows((limit) => repo.listZones(db, filter, parseSort(sort), limit, 0, true));
  return rows.map((r) => ({ ...presentZone(r), boundary: r.boundary }));
}

export async function zoneKinds(db: Db): Promise<Map<string, string>> {
  return repo.zoneKinds(db);
}

/** The zones an assignment covers: the assigned zones and, for an economic zone, the zones inside it. */
export async function expandZones(db: Db, assigned: readonly string[]): Promise<Set<string>> {
  const covered = new Set(assigned);
  if (assigned.length === 0) return covered;
  const tree = await repo.zoneTree(db);
  // Economic zones nest one level (KKT → KCN); a second pass covers any deeper nesting.
  for (let pass = 0; pass < 3; pass++) {
    for (const z of tree) if (z.parent_code && covered.has(z.parent_code)) covered.add(z.code);
  }
  return covered;
}

/** What access control needs to know about a zone: its code and kind; null when it does not exist. */
export async function zoneTarget(
  db: Db,
  code: string,
): Promise<{ zones: string[]; zoneKinds: string[] } | null> {
  const kind = (await repo.zoneKinds(db)).get(code);
  return kind ? { zones: [code], zoneKinds: [kind] } : null;
}

/** A zone as the audit log records it: its boundary by fingerprint, without derived figures. */
function audited(z: ZoneDetail | null) {
  return z && { ...z, boundary: fingerprint(z.boundary) };
}

export async function createZone(db: Db, actor: Actor, input: ZoneInput): Promise<ZoneDetail> {
  const [index, kinds] = await Promise.all([referenceIndex(db), repo.zoneKinds(db)]);
  const issues = validateZone(input, index, kinds);
  if (issues.length) throw invalid(issues);
  if (kinds.has(input.code)) {
    throw conflict(
      "registry.zone_code_duplicate",
      { vi: `Mã khu ${input.code} đã tồn tại.`, en: `Zone code ${input.code} already exists.` },
      [
        issue(
          "registry.zone_code_duplicate",
          "code",
          `Mã khu ${input.code} đã tồn tại.`,
          `Zone code ${input.code} already exists.`,
        ),
      ],
    );
  }
  await db.transaction().execute(async (trx) => {
    await repo.insertZone(trx, zoneRow(input, index));
    const after = await getZone(trx, input.code);
    await recordAudit(trx, actor, changeRecord("zone", input.code, null, audited(after) as object));
  });
  return getZone(db, input.code);
}

export async function updateZone(db: Db, actor: Actor, code: string, patch: ZonePatch): Promise<ZoneDetail> {
  // Read, merge, validate and write under the row's lock, so concurrent edits cannot undo each other.
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockZone(trx, code))) throw notFound(ENTITY, code);
    const current = await getZone(trx, code);
    const merged: ZoneInput = {
      ...current,
      location: current.location,
      boundary: current.boundary as ZoneInput["boundary"],
      ...patch,
      code,
      eco_status: patch.eco_status ?? current.eco_status,
      field_sources: { ...current.field_sources, ...(patch.field_sources ?? {}) },
    };
    // A new location without new communes re-derives them.
    if ((patch.location || patch.boundary) && !patch.commune_codes) delete merged.commune_codes;
    const [index, kinds] = await Promise.all([referenceIndex(trx), repo.zoneKinds(trx)]);
    const issues = validateZone(merged, index, kinds);
    if (issues.length) throw invalid(issues);
    const { code: _code, ...row } = zoneRow(merged, index);
    await repo.updateZone(trx, code, { ...row, is_synthetic: current.is_synthetic });
    const after = await getZone(trx, code);
    await recordAudit(trx, actor, changeRecord("zone", code, audited(current), audited(after) as object));
  });
  return getZone(db, code);
}

export const upsertZones = repo.upsertZones;

/** Zones as the audit log records them, by code: to diff before and after a bulk write. */
export async function auditedZones(db: Db, codes: readonly string[]): Promise<Map<string, object>> {
  const rows = await repo.findZones(db, codes);
  return new Map(rows.map((r) => [r.code, audited({ ...presentZone(r), boundary: r.boundary }) as object]));
}

/** Every zone without boundaries: the figures summaries are built from. */
export async function zoneFigures(db: Db): Promise<Zone[]> {
  return (await repo.listZones(db, {}, { field: "code", direction: "asc" }, 100_000, 0)).map(presentZone);
}
