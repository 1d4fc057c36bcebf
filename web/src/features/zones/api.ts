import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

export type ZoneQuery = NonNullable<paths["/api/v1/zones"]["get"]["parameters"]["query"]>;

export function useZones(query: ZoneQuery) {
  return useQuery({
    queryKey: ["zones", query],
    queryFn: () => unwrap(api.GET("/api/v1/zones", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useZone(code: string) {
  return useQuery({
    queryKey: ["zone", code],
    queryFn: () => unwrap(api.GET("/api/v1/zones/{code}", { params: { path: { code } } })),
  });
}

export function useZoneSummary(code: string) {
  return useQuery({
    queryKey: ["zone", code, "summary"],
    queryFn: () => unwrap(api.GET("/api/v1/zones/{code}/summary", { params: { path: { code } } })),
  });
}
