import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

export type StationQuery = NonNullable<paths["/api/v1/environment/stations"]["get"]["parameters"]["query"]>;
export type SeriesQuery = paths["/api/v1/environment/stations/{code}/series"]["get"]["parameters"]["query"];
export type ExceedanceQuery = NonNullable<
  paths["/api/v1/environment/exceedances"]["get"]["parameters"]["query"]
>;
export type CaseQuery = NonNullable<paths["/api/v1/environment/cases"]["get"]["parameters"]["query"]>;
export type Transition =
  paths["/api/v1/environment/cases/{code}/transition"]["post"]["requestBody"]["content"]["application/json"];

/** Live data: refreshed every minute, as stations report every few minutes. */
const LIVE = 60_000;

export function useStations(query: StationQuery) {
  return useQuery({
    queryKey: ["stations", query],
    queryFn: () => unwrap(api.GET("/api/v1/environment/stations", { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE,
  });
}

export function useStation(code: string) {
  return useQuery({
    queryKey: ["station", code],
    queryFn: () => unwrap(api.GET("/api/v1/environment/stations/{code}", { params: { path: { code } } })),
    refetchInterval: LIVE,
  });
}

export function useSeries(code: string, query: SeriesQuery) {
  return useQuery({
    queryKey: ["station", code, "series", query],
    queryFn: () =>
      unwrap(api.GET("/api/v1/environment/stations/{code}/series", { params: { path: { code }, query } })),
    placeholderData: keepPreviousData,
    enabled: query.parameter !== "",
    refetchInterval: LIVE,
  });
}

export function useHealth(code: string) {
  return useQuery({
    queryKey: ["station", code, "health"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/environment/stations/{code}/health", {
          params: { path: { code }, query: { days: 7 } },
        }),
      ),
  });
}

export function useRejections(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ["station", code, "rejections"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/environment/stations/{code}/rejections", {
          params: { path: { code }, query: { page: 1, page_size: 20 } },
        }),
      ),
    enabled,
    retry: false,
  });
}

export function useAqiLatest() {
  return useQuery({
    queryKey: ["aqi", "latest"],
    queryFn: () => unwrap(api.GET("/api/v1/environment/aqi/latest")),
    refetchInterval: LIVE,
  });
}

export function useExceedances(query: ExceedanceQuery) {
  return useQuery({
    queryKey: ["exceedances", query],
    queryFn: () => unwrap(api.GET("/api/v1/environment/exceedances", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: ["cases", query],
    queryFn: () => unwrap(api.GET("/api/v1/environment/cases", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCase(code: string) {
  return useQuery({
    queryKey: ["case", code],
    queryFn: () => unwrap(api.GET("/api/v1/environment/cases/{code}", { params: { path: { code } } })),
  });
}

export function useCaseAction(code: string) {
  const client = useQueryClient();
  const done = (data: unknown) => {
    client.setQueryData(["case", code], data);
    void client.invalidateQueries({ queryKey: ["cases"] });
  };
  const path = { params: { path: { code } } };
  return {
    transition: useMutation({
      mutationFn: (body: Transition) =>
        unwrap(api.POST("/api/v1/environment/cases/{code}/transition", { ...path, body })),
      onSuccess: done,
    }),
    answer: useMutation({
      mutationFn: (note: string) =>
        unwrap(api.POST("/api/v1/environment/cases/{code}/answers", { ...path, body: { note } })),
      onSuccess: done,
    }),
    comment: useMutation({
      mutationFn: (note: string) =>
        unwrap(api.POST("/api/v1/environment/cases/{code}/comments", { ...path, body: { note } })),
      onSuccess: done,
    }),
  };
}

export type StationInput =
  paths["/api/v1/environment/stations"]["post"]["requestBody"]["content"]["application/json"];

export function useParameters() {
  return useQuery({
    queryKey: ["environment", "parameters"],
    queryFn: () => unwrap(api.GET("/api/v1/environment/parameters")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLimitTables() {
  return useQuery({
    queryKey: ["environment", "limit-tables"],
    queryFn: () => unwrap(api.GET("/api/v1/environment/limit-tables")),
  });
}

export function useCreateStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StationInput) => unwrap(api.POST("/api/v1/environment/stations", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["stations"] }),
  });
}

export function useIssueCredentials(code: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/environment/stations/{code}/credentials", { params: { path: { code } } })),
  });
}
