import { can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import { SENSORTHINGS_ROOT, sensorThings } from "./sensorthings.service.ts";
import { ENTITY_SETS } from "./sensorthings.ts";

const tags = ["sensorthings"];

export async function sensorThingsRoutes(app: App, { db }: AppDeps): Promise<void> {
  const base = (req: { protocol: string; host: string }) =>
    `${req.protocol}://${req.host}${SENSORTHINGS_ROOT}`;
  app.get(
    SENSORTHINGS_ROOT,
    {
      config: { access: can("station.read") },
      schema: { tags, summary: "OGC SensorThings API v1.1 (đọc) / SensorThings API v1.1 (read)" },
    },
    async (req) => ({
      value: ENTITY_SETS.map((name) => ({ name, url: `${base(req)}/${name}` })),
      serverSettings: { conformance: ["http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel"] },
    }),
  );
  app.get(
    `${SENSORTHINGS_ROOT}/*`,
    {
      config: { access: can("station.read") },
      schema: {
        tags,
        summary: "Things, Locations, Datastreams, ObservedProperties, Observations",
        description:
          "Ví dụ / e.g. Things('KK-DINHVU')/Datastreams, Datastreams(12)/Observations?$filter=phenomenonTime ge 2026-11-20T00:00:00Z and result gt 100&$orderby=phenomenonTime desc&$top=50&$count=true. $expand, $select: chưa hỗ trợ / not supported.",
      },
    },
    async (req) => {
      // The router has already decoded the path once.
      const path = (req.params as { "*": string })["*"];
      return sensorThings(db, base(req), path, req.query as Record<string, unknown>);
    },
  );
}
