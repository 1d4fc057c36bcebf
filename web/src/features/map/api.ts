import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "../../lib/api.ts";

export interface ZoneFeature {
  type: "Feature";
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: {
    code: string;
    name_vi: string;
    name_en: string | null;
    kind: string;
    occupancy: number | null;
  };
}
export interface FeatureCollection<F = unknown> {
  type: "FeatureCollection";
  features: F[];
}

export const zonesGeoJsonQuery = {
  queryKey: ["zones", "geojson"],
  queryFn: () => fetchJson<FeatureCollection<ZoneFeature>>("/api/v1/zones/geojson"),
};
export const communesGeoJsonQuery = {
  queryKey: ["reference", "communes", "geojson"],
  queryFn: () => fetchJson<FeatureCollection>("/api/v1/reference/units/geojson"),
  staleTime: Number.POSITIVE_INFINITY,
};

export function useZonesGeoJson() {
  return useQuery(zonesGeoJsonQuery);
}

export function useCommunesGeoJson() {
  return useQuery(communesGeoJsonQuery);
}
