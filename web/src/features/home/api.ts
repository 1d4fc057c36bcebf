import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../lib/api.ts";

export function useCitySummary() {
  return useQuery({ queryKey: ["summary"], queryFn: () => unwrap(api.GET("/api/v1/summary")) });
}

export function usePublishedSeries() {
  return useQuery({
    queryKey: ["reference", "series"],
    queryFn: () => unwrap(api.GET("/api/v1/reference/series")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
