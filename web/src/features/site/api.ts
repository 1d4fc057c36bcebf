import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../lib/api.ts";

/** Public settings: demo mode, an optional tile server for the map. */
export function useSite() {
  return useQuery({
    queryKey: ["site"],
    queryFn: () => unwrap(api.GET("/api/v1/site")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
