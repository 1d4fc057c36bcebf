/** Resolves a SensorThings path and query to entities in the standard JSON shape. */
import type { Db } from "../../db/database.ts";
import { notFound } from "../../platform/errors.ts";
import { parameterInfo } from "./parameters.ts";
import * as repo from "./sensorthings.repository.ts";
import {
  badQuery,
  MAX_INT,
  observationId,
  type PathPart,
  parseObservationId,
  parseOptions,
  parsePath,
} from "./sensorthings.ts";

export const SENSORTHINGS_ROOT = "/api/v1/sensorthings/v1.1";
const OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

type Entity = Record<string, unknown>;
const quoted = (id: string) => `'${id.replaceAll("'", "''")}'`;

function thing(base: string, r: Awaited<ReturnType<typeof repo.stations>>[number]): Entity {
  const self = `${base}/Things(${quoted(r.code)})`;
  return {
    "@iot.id": r.code,
    "@iot.selfLink": self,
    name: r.code,
    description: r.name_vi,
    properties: {
      name_en: r.name_en,
      kind: r.kind,
      zone: r.zone_code,
      owner_tax_code: r.tax_code,
      owner: r.owner,
    },
    "Datastreams@iot.navigationLink": `${self}/Datastreams`,
    "Locations@iot.navigationLink": `${self}/Locations`,
  };
}

function location(base: string, r: Awaited<ReturnType<typeof repo.stations>>[number]): Entity {
  const self = `${base}/Locations(${quoted(r.code)})`;
  return {
    "@iot.id": r.code,
    "@iot.selfLink": self,
    name: r.code,
    description: r.name_vi,
    encodingType: "application/geo+json",
    location: r.lon !== null && r.lat !== null ? { type: "Point", coordinates: [r.lon, r.lat] } : null,
    "Things@iot.navigationLink": `${self}/Things`,
  };
}

function datastream(base: string, r: Awaited<ReturnType<typeof repo.datastreams>>[number]): Entity {
  const self = `${base}/Datastreams(${r.id})`;
  const info = parameterInfo(r.parameter);
  return {
    "@iot.id": r.id,
    "@iot.selfLink": self,
    name: `${r.station} ${r.parameter}`,
    description: `${info?.vi ?? r.parameter} — ${r.station_name}`,
    observationType: OM_MEASUREMENT,
    unitOfMeasurement: {
      name: r.unit,
      symbol: r.unit,
      definition: `urn:hpi:unit:${encodeURIComponent(r.unit)}`,
    },
    "Thing@iot.navigationLink": `${self}/Thing`,
    "ObservedProperty@iot.navigationLink": `${self}/ObservedProperty`,
    "Observations@iot.navigationLink": `${self}/Observations`,
  };
}

function observedProperty(base: string, r: { parameter: string }): Entity {
  const self = `${base}/ObservedProperties(${quoted(r.parameter)})`;
  const info = parameterInfo(r.parameter);
  return {
    "@iot.id": r.parameter,
    "@iot.selfLink": self,
    name: r.parameter,
    definition: `urn:hpi:parameter:${encodeURIComponent(r.parameter)}`,
    description: info ? `${info.vi} / ${info.en}` : r.parameter,
    "Datastreams@iot.navigationLink": `${self}/Datastreams`,
  };
}

function observation(base: string, r: Awaited<ReturnType<typeof repo.observations>>["rows"][number]): Entity {
  const time = new Date(r.phenomenon_time);
  const self = `${base}/Observations(${quoted(observationId(r.datastream_id, time))})`;
  return {
    "@iot.id": observationId(r.datastream_id, time),
    "@iot.selfLink": self,
    phenomenonTime: time.toISOString(),
    resultTime: new Date(r.received_at).toISOString(),
    result: r.result,
    parameters: { status: String(r.status).padStart(2, "0") },
    "Datastream@iot.navigationLink": `${self}/Datastream`,
  };
}

const intId = (part: PathPart) => {
  const n = Number(part.id);
  if (!Number.isInteger(n) || n < 1 || n > MAX_INT) {
    throw badQuery("Mã Datastream là số nguyên dương.", "Datastream ids are positive integers.");
  }
  return n;
};

interface Answer {
  single: boolean;
  items: Entity[];
  total: number | null;
}

/** A path such as "Things('KK-DINHVU')/Datastreams" with its query options, as SensorThings JSON. */
export async function sensorThings(db: Db, base: string, path: string, query: Record<string, unknown>) {
  const parts = parsePath(path);
  const [head, nav, extra] = parts as [PathPart, PathPart | undefined, PathPart | undefined];
  if (extra)
    throw badQuery("Chỉ hỗ trợ tối đa một bước điều hướng.", "At most one navigation step is supported.");
  const target = nav?.set ?? head.set;
  const isObs = target === "Observations";
  const o = parseOptions(
    query,
    isObs ? ["phenomenonTime", "resultTime", "result"] : ["id", "@iot.id"],
    isObs ? ["phenomenonTime", "resultTime", "result"] : [],
  );
  const desc = o.orderBy?.direction === "desc";
  const answer = await resolve(db, base, head, nav, o, desc);
  if (answer.single) {
    const item = answer.items[0];
    if (!item) throw notFound({ vi: "thực thể", en: "Entity" }, path);
    return item;
  }
  const out: Entity = {};
  if (o.count) out["@iot.count"] = answer.total ?? 0;
  out.value = answer.items;
  const more =
    answer.total !== null ? o.skip + answer.items.length < answer.total : answer.items.length === o.top;
  if (more && answer.items.length > 0) {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    params.set("$skip", String(o.skip + o.top));
    params.set("$top", String(o.top));
    out["@iot.nextLink"] = `${base}/${path}?${params.toString()}`;
  }
  return out;
}

async function resolve(
  db: Db,
  base: string,
  head: PathPart,
  nav: PathPart | undefined,
  o: ReturnType<typeof parseOptions>,
  desc: boolean,
): Promise<Answer> {
  const list = <R extends { total?: number }>(rows: R[], map: (r: R) => Entity, single: boolean): Answer => ({
    single,
    items: rows.map(map),
    total: o.count ? Number(rows[0]?.total ?? 0) : null,
  });
  const key = `${head.set}${nav ? `/${nav.set}` : ""}`;
  const id = head.id;
  switch (key) {
    case "Things":
    case "Locations": {
      const rows = await repo.stations(db, id ?? null, id ? 1 : o.top, id ? 0 : o.skip, desc);
      return list(
        rows,
        (r) => (head.set === "Things" ? thing(base, r) : location(base, r)),
        id !== undefined,
      );
    }
    case "Things/Locations":
    case "Locations/Things": {
      const rows = await repo.stations(db, id ?? "", 1, 0, false);
      return list(rows, (r) => (nav?.set === "Locations" ? location(base, r) : thing(base, r)), false);
    }
    case "Things/Datastreams":
      return list(
        await repo.datastreams(db, { station: id ?? "" }, o.top, o.skip, desc),
        (r) => datastream(base, r),
        false,
      );
    case "Datastreams":
      return list(
        await repo.datastreams(
          db,
          id !== undefined ? { id: intId(head) } : {},
          id ? 1 : o.top,
          id ? 0 : o.skip,
          desc,
        ),
        (r) => datastream(base, r),
        id !== undefined,
      );
    case "Datastreams/Thing": {
      const [d] = await repo.datastreams(db, { id: intId(head) }, 1, 0, false);
      return list(d ? await repo.stations(db, d.station, 1, 0, false) : [], (r) => thing(base, r), true);
    }
    case "Datastreams/ObservedProperty": {
      const [d] = await repo.datastreams(db, { id: intId(head) }, 1, 0, false);
      const rows = d ? await repo.parameters(db, d.parameter) : [];
      return { single: true, items: rows.map((r) => observedProperty(base, r)), total: null };
    }
    case "ObservedProperties": {
      const rows = await repo.parameters(db, id ?? null);
      return {
        single: id !== undefined,
        items: rows.slice(o.skip, o.skip + o.top).map((r) => observedProperty(base, r)),
        total: o.count ? rows.length : null,
      };
    }
    case "ObservedProperties/Datastreams":
      return list(
        await repo.datastreams(db, { parameter: id ?? "" }, o.top, o.skip, desc),
        (r) => datastream(base, r),
        false,
      );
    case "Datastreams/Observations":
    case "Observations": {
      const where: { datastream?: number; time?: Date } = {};
      if (head.set === "Datastreams") where.datastream = intId(head);
      else if (id !== undefined) {
        const parsed = parseObservationId(id);
        if (!parsed) return { single: true, items: [], total: null };
        Object.assign(where, { datastream: parsed.datastreamId, time: parsed.time });
      }
      const order = o.orderBy ?? { property: "phenomenonTime", direction: "asc" as const };
      const single = head.set === "Observations" && id !== undefined;
      const { rows, total } = await repo.observations(
        db,
        where,
        o.filter,
        order,
        single ? 1 : o.top,
        single ? 0 : o.skip,
        o.count && !single,
      );
      return { single, items: rows.map((r) => observation(base, r)), total };
    }
    case "Observations/Datastream": {
      const parsed = id ? parseObservationId(id) : null;
      const rows = parsed ? await repo.datastreams(db, { id: parsed.datastreamId }, 1, 0, false) : [];
      return list(rows, (r) => datastream(base, r), true);
    }
    default:
      throw badQuery(`Không hỗ trợ đường dẫn "${key}".`, `The path "${key}" is not supported.`);
  }
}
