/** Monitoring stations: registration, permits, MQTT credentials, reads for the map and station page. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { exportRows, offsetOf, type Page, type Paging, pageOf, parseSort } from "../../http/paging.ts";
import { conflict, type Issue, invalid, notFound } from "../../platform/errors.ts";
import { searchText } from "../../platform/text.ts";
import { type Actor, changeRecord, recordAudit } from "../audit/audit.service.ts";
import type { Target } from "../identity/policy.ts";
import { issue } from "../registry-issues.ts";
import { categoryOf } from "./aqi.ts";
import { limitSetOf } from "./limit-tables.ts";
import type { StationKind } from "./monitoring.table.ts";
import { canonicalParameter, parameterInfo } from "./parameters.ts";
import * as repo from "./stations.repository.ts";
import type { Station, StationFilter, StationInput, StationPatch } from "./stations.schemas.ts";

const ENTITY = { vi: "trạm quan trắc", en: "Monitoring station" };
const LIMIT_KIND: Record<StationKind, string> = {
  ambient_air: "ambient",
  wastewater: "wastewater",
  stack_emission: "emission",
};

export const TOPIC_ROOT = "hpi/v1/stations";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A station's latest hourly VN_AQI with its category in both languages, or null. */
export function presentAqi(
  aqi: number | null,
  hour: Date | string | null,
  dominant: string | null,
): Station["aqi"] {
  if (aqi === null || hour === null) return null;
  const category = categoryOf(aqi);
  return {
    aqi,
    hour: iso(hour) as string,
    dominant: dominant ?? "",
    category_vi: category.vi,
    category_en: category.en,
    colour: category.colour,
  };
}

export function presentStation(r: repo.StationRow): Station {
  return {
    code: r.code,
    name_vi: r.name_vi,
    name_en: r.name_en,
    kind: r.kind,
    zone_code: r.zone_code,
    zone_name: r.zone_name,
    enterprise_tax_code: r.enterprise_tax_code,
    enterprise_name: r.enterprise_name,
    commune_code: r.commune_code,
    location: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
    limit_table: r.limit_table,
    limit_column: r.limit_column,
    coefficients: r.coefficients,
    interval_seconds: r.interval_seconds,
    status: r.status,
    parameters: r.parameters,
    last_reading_at: iso(r.last_reading_at),
    silent: r.silent,
    aqi: presentAqi(r.aqi, r.aqi_hour, r.aqi_dominant),
    has_credentials: r.mqtt_secret_hash !== null,
    is_synthetic: r.is_synthetic,
  };
}

export async function listStations(
  db: Db,
  filter: StationFilter,
  sort: string,
  paging: Paging,
): Promise<Page<Station>> {
  const rows = await repo.listStations(db, filter, parseSort(sort), paging.page_size, offsetOf(paging));
  return pageOf(rows, paging, () => repo.countStations(db, filter), presentStation);
}

export async function allStations(db: Db, filter: StationFilter, sort: string): Promise<Station[]> {
  const rows = await exportRows((limit) => repo.listStations(db, filter, parseSort(sort), limit, 0));
  return rows.map(presentStation);
}

export async function getStation(db: Db, code: string): Promise<Station> {
  const row = await repo.findStationRow(db, code);
  if (!row) throw notFound(ENTITY, code);
  return presentStation(row);
}

/** The zone and owner a station belongs to (what scopes are checked against). */
export async function stationTarget(db: Db, code: string): Promise<Target> {
  const place = await repo.stationPlace(db, code);
  if (!place) throw notFound(ENTITY, code);
  return {
    zones: [place.zone_code],
    zoneKinds: place.zone_kind ? [place.zone_kind] : [],
    taxCodes: [place.tax_code],
  };
}

interface Resolved {
  zone_id: number | null;
  enterprise_id: number | null;
  names: string[];
  streams: Array<{ parameter: string; unit: string }>;
}

/** Checks references, the permit (limit table of the station's kind, column) and parameters. */
async function resolve(
  db: Db,
  kind: StationKind,
  input: Pick<
    StationPatch,
    "zone_code" | "enterprise_tax_code" | "limit_table" | "limit_column" | "parameters"
  >,
): Promise<Resolved> {
  const issues: Issue[] = [];
  const out: Resolved = { zone_id: null, enterprise_id: null, names: [], streams: [] };
  if (input.zone_code) {
    const zone = await repo.zoneIdByCode(db, input.zone_code);
    if (!zone)
      issues.push(
        issue(
          "environment.zone_unknown",
          "zone_code",
          `Không có khu "${input.zone_code}".`,
          `No zone "${input.zone_code}".`,
        ),
      );
    else {
      out.zone_id = zone.id;
      out.names.push(zone.name_vi);
    }
  }
  if (input.enterprise_tax_code) {
    const e = await repo.enterpriseIdByTaxCode(db, input.enterprise_tax_code);
    if (!e)
      issues.push(
        issue(
          "environment.enterprise_unknown",
          "enterprise_tax_code",
          `Không có doanh nghiệp mã số thuế ${input.enterprise_tax_code}.`,
          `No enterprise with tax code ${input.enterprise_tax_code}.`,
        ),
      );
    else {
      out.enterprise_id = e.id;
      out.names.push(e.name_vi);
    }
  }
  if (input.limit_table) {
    try {
      const set = await limitSetOf(db, input.limit_table);
      if (set.kind !== LIMIT_KIND[kind]) {
        issues.push(
          issue(
            "environment.limit_kind",
            "limit_table",
            `Bảng ${set.code} không dùng cho loại trạm này.`,
            `Table ${set.code} does not apply to this kind of station.`,
          ),
        );
      }
      if (set.kind !== "ambient" && !input.limit_column) {
        issues.push(
          issue(
            "environment.limit_column",
            "limit_column",
            "Cần cột A hoặc B theo giấy phép.",
            "Column A or B (from the permit) is required.",
          ),
        );
      }
    } catch {
      issues.push(
        issue(
          "environment.limit_unknown",
          "limit_table",
          `Không có bảng giới hạn "${input.limit_table}".`,
          `No limit table "${input.limit_table}".`,
        ),
      );
    }
  }
  (input.parameters ?? []).forEach((p, i) => {
    const symbol = canonicalParameter(p.parameter);
    const unit = p.unit ?? parameterInfo(symbol)?.unit[kind];
    if (!unit) {
      issues.push(
        issue(
          "environment.parameter_unit",
          `parameters.${i}.unit`,
          `Cần đơn vị cho thông số "${p.parameter}".`,
          `A unit is required for parameter "${p.parameter}".`,
        ),
      );
    } else if (out.streams.some((s) => s.parameter === symbol)) {
      issues.push(
        issue(
          "environment.parameter_repeated",
          `parameters.${i}.parameter`,
          `Thông số "${symbol}" lặp lại.`,
          `Parameter "${symbol}" is repeated.`,
        ),
      );
    } else out.streams.push({ parameter: symbol, unit });
  });
  if (issues.length) throw invalid(issues);
  return out;
}

const auditView = (s: Station) => {
  const { aqi: _a, last_reading_at: _l, silent: _s, zone_name: _z, enterprise_name: _e, ...rest } = s;
  return rest;
};

export async function createStation(
  db: Db,
  actor: Actor,
  input: StationInput,
  options: { synthetic?: boolean } = {},
): Promise<Station> {
  await db.transaction().execute(async (trx) => {
    if (await repo.stationCodeExists(trx, input.code)) {
      throw conflict(
        "environment.station_exists",
        { vi: `Đã có trạm "${input.code}".`, en: `Station "${input.code}" already exists.` },
        [issue("environment.station_exists", "code", "Mã trạm đã dùng.", "Code already in use.")],
      );
    }
    const r = await resolve(trx, input.kind, input);
    const id = await repo.insertStation(trx, {
      code: input.code,
      name_vi: input.name_vi,
      name_en: input.name_en ?? null,
      kind: input.kind,
      zone_id: r.zone_id,
      enterprise_id: r.enterprise_id,
      commune_code: input.commune_code ?? null,
      lon: input.location?.lon ?? null,
      lat: input.location?.lat ?? null,
      limit_table: input.limit_table ?? null,
      limit_column: input.limit_column ?? null,
      coefficients: JSON.stringify(input.coefficients),
      interval_seconds: input.interval_seconds,
      is_synthetic: options.synthetic ?? false,
      search_text: searchText(input.code, input.name_vi, input.name_en, ...r.names),
    });
    await repo.addDatastreams(trx, id, r.streams);
    const created = await repo.findStationRow(trx, input.code);
    await recordAudit(
      trx,
      actor,
      changeRecord("env_station", input.code, null, auditView(presentStation(created as repo.StationRow))),
    );
  });
  return getStation(db, input.code);
}

export async function updateStation(
  db: Db,
  actor: Actor,
  code: string,
  patch: StationPatch,
): Promise<Station> {
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockStation(trx, code);
    if (!current) throw notFound(ENTITY, code);
    const before = presentStation((await repo.findStationRow(trx, code)) as repo.StationRow);
    const merged = {
      zone_code: patch.zone_code === undefined ? before.zone_code : patch.zone_code,
      enterprise_tax_code:
        patch.enterprise_tax_code === undefined ? before.enterprise_tax_code : patch.enterprise_tax_code,
      limit_table: patch.limit_table === undefined ? before.limit_table : patch.limit_table,
      limit_column: patch.limit_column === undefined ? before.limit_column : patch.limit_column,
      parameters: patch.parameters,
    };
    const r = await resolve(trx, current.kind, merged);
    const name_vi = patch.name_vi ?? current.name_vi;
    const name_en = patch.name_en === undefined ? current.name_en : patch.name_en;
    await repo.updateStation(trx, current.id, {
      name_vi,
      name_en,
      zone_id: r.zone_id,
      enterprise_id: r.enterprise_id,
      commune_code: patch.commune_code === undefined ? current.commune_code : patch.commune_code,
      lon: patch.location === undefined ? current.lon : (patch.location?.lon ?? null),
      lat: patch.location === undefined ? current.lat : (patch.location?.lat ?? null),
      limit_table: merged.limit_table,
      limit_column: merged.limit_column,
      coefficients: JSON.stringify(patch.coefficients ?? current.coefficients),
      interval_seconds: patch.interval_seconds ?? current.interval_seconds,
      status: patch.status ?? current.status,
      search_text: searchText(code, name_vi, name_en, ...r.names),
    });
    await repo.addDatastreams(trx, current.id, r.streams);
    const after = presentStation((await repo.findStationRow(trx, code)) as repo.StationRow);
    await recordAudit(trx, actor, changeRecord("env_station", code, auditView(before), auditView(after)));
  });
  return getStation(db, code);
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** New MQTT credentials for a station; the password is shown once and only its hash is kept. */
/** New MQTT credentials for a station; `password` only for the demo's synthetic stations (see monitoring.runtime). */
export async function issueCredentials(db: Db, actor: Actor, code: string, password = randomPassword()) {
  await db.transaction().execute(async (trx) => {
    const station = await repo.lockStation(trx, code);
    if (!station) throw notFound(ENTITY, code);
    await repo.updateStation(trx, station.id, {
      mqtt_secret_hash: hashSecret(password),
      mqtt_secret_issued_at: new Date(),
    });
    await recordAudit(trx, actor, {
      action: "credentials_issue",
      entityType: "env_station",
      entityId: code,
      changes: { has_credentials: [station.mqtt_secret_hash !== null, true] },
    });
  });
  return {
    username: code,
    password,
    topic: `${TOPIC_ROOT}/${code}/readings`,
    datalogger_topic: `${TOPIC_ROOT}/${code}/datalogger`,
  };
}

const randomPassword = () => `st_${randomBytes(24).toString("base64url")}`;

/** Whether a station's MQTT password is right (constant-time on the hash). */
export async function authenticateStation(db: Db, code: string, password: string): Promise<boolean> {
  const hash = hashSecret(password);
  const station = await repo.stationBySecretHash(db, hash);
  if (station?.status !== "active") return false;
  const a = Buffer.from(station.code);
  const b = Buffer.from(code);
  return a.length === b.length && timingSafeEqual(a, b);
}
