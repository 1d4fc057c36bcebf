/**
 * The map of Hải Phòng: commune boundaries and zones from our own GeoJSON, so it works with no
 * internet; zones are coloured by occupancy. Loaded on demand (MapLibre is large).
 */
import "maplibre-gl/dist/maplibre-gl.css";
import {
  type ExpressionSpecification,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  Map as MapLibre,
  NavigationControl,
  setWorkerUrl,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { LoadError, Loading } from "../../components/status.tsx";
import { formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { fold } from "../../lib/search.ts";
import { useAqiLatest } from "../environment/api.ts";
import { AQI_CATEGORIES } from "../environment/aqi-badge.tsx";
import { useSite } from "../site/api.ts";
import { useCommunesGeoJson, useZonesGeoJson, type ZoneFeature } from "./api.ts";

export const OCCUPANCY_STEPS: Array<[number, string]> = [
  [0, "#d9f0d3"],
  [0.5, "#a6dba0"],
  [0.75, "#5aae61"],
  [0.9, "#1b7837"],
];
const NO_DATA = "#bdbdbd";

// Vite emits MapLibre's worker as an asset of our own origin (the CSP allows workers from 'self').
setWorkerUrl(workerUrl);

const fill = [
  "case",
  ["==", ["get", "occupancy"], null],
  NO_DATA,
  ["step", ["get", "occupancy"], ...OCCUPANCY_STEPS.flatMap(([v, c], i) => (i === 0 ? [c] : [v, c]))],
] as unknown as ExpressionSpecification;

function centre(f: ZoneFeature): [number, number] {
  if (f.geometry.type === "Point") return f.geometry.coordinates as [number, number];
  const ring = (f.geometry.coordinates as number[][][])[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

interface AqiItem {
  code: string;
  name_vi: string;
  location: { lon: number; lat: number };
  silent: boolean;
  aqi: { aqi: number; colour: string } | null;
}

function stationGeoJson(items: readonly AqiItem[]) {
  return {
    type: "FeatureCollection",
    features: items.map((s) => ({
      type: "Feature",
      id: s.code,
      geometry: { type: "Point", coordinates: [s.location.lon, s.location.lat] },
      properties: {
        code: s.code,
        name: s.name_vi,
        aqi: s.aqi?.aqi ?? null,
        colour: s.aqi && !s.silent ? s.aqi.colour : NO_DATA,
      },
    })),
  };
}

export default function MapPage() {
  const { t, lang } = useI18n();
  const zones = useZonesGeoJson();
  const communes = useCommunesGeoJson();
  const site = useSite();
  const stations = useAqiLatest();
  const stationFeatures = useMemo(() => stationGeoJson(stations.data?.items ?? []), [stations.data]);
  // Read when the map loads; later answers go through setData, without rebuilding the map.
  const stationsRef = useRef(stationFeatures);
  stationsRef.current = stationFeatures;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [rendered, setRendered] = useState(0);
  const [query, setQuery] = useState("");
  const navigate = useNavigate();

  useEffect(() => {
    if (!container.current || !zones.data || !communes.data || !site.data || mapRef.current) return;
    const tiles = site.data.map_tiles_url;
    const map = new MapLibre({
      container: container.current,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: "background", type: "background", paint: { "background-color": "#e8eef3" } }],
      },
      bounds: [105.95, 20.55, 107.15, 21.15],
      attributionControl: false,
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    map.on("load", () => {
      // Tiles are optional configuration; our own GeoJSON draws the city without them.
      if (tiles) {
        map.addSource("tiles", {
          type: "raster",
          tiles: [tiles],
          tileSize: 256,
          attribution: site.data?.map_tiles_attribution ?? "",
        });
        map.addLayer({ id: "tiles", type: "raster", source: "tiles" });
      }
      map.addSource("communes", { type: "geojson", data: communes.data as never });
      map.addLayer({
        id: "communes-fill",
        type: "fill",
        source: "communes",
        paint: { "fill-color": "#ffffff", "fill-opacity": tiles ? 0.15 : 0.7 },
      });
      map.addLayer({
        id: "communes-line",
        type: "line",
        source: "communes",
        paint: { "line-color": "#9aa7b4", "line-width": 0.6 },
      });
      map.addSource("zones", { type: "geojson", data: zones.data as never });
      map.addLayer({
        id: "zones-fill",
        type: "fill",
        source: "zones",
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-color": fill, "fill-opacity": 0.85, "fill-outline-color": "#234" },
      });
      map.addLayer({
        id: "zones-point",
        type: "circle",
        source: "zones",
        filter: ["==", ["geometry-type"], "Point"],
        paint: {
          "circle-color": fill,
          "circle-radius": 6,
          "circle-stroke-color": "#234",
          "circle-stroke-width": 1,
        },
      });
      // Air stations on top, in their VN_AQI colour (grey: no index yet, or silent).
      map.addSource("stations", { type: "geojson", data: stationsRef.current as never });
      map.addLayer({
        id: "stations",
        type: "circle",
        source: "stations",
        paint: {
          "circle-color": ["get", "colour"],
          "circle-radius": 7,
          "circle-stroke-color": "#111",
          "circle-stroke-width": 1.5,
        },
      });
      map.on("click", "stations", (e: MapLayerMouseEvent) => {
        const code = e.features?.[0]?.properties?.code as string | undefined;
        if (code) navigate(`/moi-truong/tram/${code}`);
      });
      for (const layer of ["zones-fill", "zones-point"]) {
        map.on("click", layer, (e: MapLayerMouseEvent) => {
          const code = e.features?.[0]?.properties?.code as string | undefined;
          if (code) navigate(`/khu/${code}`);
        });
        map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
        map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
      }
    });
    map.on("idle", () =>
      setRendered(map.queryRenderedFeatures({ layers: ["zones-fill", "zones-point"] }).length),
    );
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [zones.data, communes.data, site.data, navigate]);

  useEffect(() => {
    const source = mapRef.current?.getSource("zones") as GeoJSONSource | undefined;
    if (source && zones.data) source.setData(zones.data as never);
  }, [zones.data]);

  useEffect(() => {
    const source = mapRef.current?.getSource("stations") as GeoJSONSource | undefined;
    source?.setData(stationFeatures as never);
  }, [stationFeatures]);

  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length || !zones.data) return [];
    return zones.data.features
      .filter((f) =>
        words.every((w) =>
          fold(`${f.properties.name_vi} ${f.properties.name_en ?? ""} ${f.properties.code}`).includes(w),
        ),
      )
      .slice(0, 8);
  }, [query, zones.data]);

  const error = zones.error ?? communes.error;
  return (
    <>
      <h1>{t("map.title")}</h1>
      {error && <LoadError error={error} />}
      {(zones.isPending || communes.isPending) && <Loading />}
      <div className="map-layout">
        <div
          ref={container}
          className="map"
          data-testid="map"
          data-zones-rendered={rendered}
          role="application"
          aria-label={t("map.title")}
        />
        <aside className="map-side">
          <label>
            <span>{t("map.search")}</span>
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t("table.searchHint")}
            />
          </label>
          <ul className="plain">
            {matches.map((f) => (
              <li key={f.properties.code}>
                <button
                  type="button"
                  className="link"
                  onClick={() => mapRef.current?.flyTo({ center: centre(f), zoom: 12 })}
                >
                  {lang === "en" && f.properties.name_en ? f.properties.name_en : f.properties.name_vi}
                </button>{" "}
                ·{" "}
                <a
                  href={`/khu/${f.properties.code}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/khu/${f.properties.code}`);
                  }}
                >
                  {t("map.open")}
                </a>
              </li>
            ))}
          </ul>
          <h2 className="legend-title">{t("map.legend")}</h2>
          <ul className="legend plain">
            {OCCUPANCY_STEPS.map(([v, c], i) => (
              <li key={c}>
                <span className="swatch" style={{ background: c }} /> {formatPercent(v, lang)}
                {i < OCCUPANCY_STEPS.length - 1
                  ? ` – ${formatPercent(OCCUPANCY_STEPS[i + 1]?.[0] ?? 1, lang)}`
                  : " +"}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: NO_DATA }} /> {t("map.noData")}
            </li>
          </ul>
          <h2 className="legend-title">{t("env.aqiMap")}</h2>
          <ul className="legend plain">
            {AQI_CATEGORIES.map((c, i) => (
              <li key={c.colour}>
                <span className="swatch round" style={{ background: c.colour }} />{" "}
                {(AQI_CATEGORIES[i - 1]?.max ?? -1) + 1}–{c.max}: {lang === "en" ? c.en : c.vi}
              </li>
            ))}
            <li>
              <span className="swatch round" style={{ background: NO_DATA }} /> {t("env.noAqi")} /{" "}
              {t("env.silent")}
            </li>
          </ul>
        </aside>
      </div>
    </>
  );
}
