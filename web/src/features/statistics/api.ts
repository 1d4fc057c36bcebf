/** Statistics hooks: one per call of /api/v1/statistics (dashboard, indicators, values, targets, IIP). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

type P = paths;
type Query<K extends keyof P> = P[K] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
type Body<K extends keyof P, M extends "post" | "put"> =
  P[K] extends Record<M, { requestBody: { content: { "application/json": infer B } } }> ? B : never;
type Answer<K extends keyof P, M extends "get" | "post"> =
  P[K] extends Record<M, { responses: { 200: { content: { "application/json": infer R } } } }> ? R : never;

export type IndicatorQuery = Query<"/api/v1/statistics/indicators">;
export type ValueQuery = Query<"/api/v1/statistics/indicators/{code}/values">;
export type ValueInput = Body<"/api/v1/statistics/indicators/{code}/values", "post">;
export type TargetInput = Body<"/api/v1/statistics/indicators/{code}/targets", "put">;
export type IipInput = Body<"/api/v1/statistics/iip/calculate", "post">;
export type IipResult = Answer<"/api/v1/statistics/iip/calculate", "post">;
export type TargetRow = Answer<"/api/v1/statistics/dashboard", "get">[number];
export type Indicator = Answer<"/api/v1/statistics/indicators/{code}", "get">;
export type StatValue = Answer<"/api/v1/statistics/indicators/{code}/values", "get">["items"][number];
export type Territory = StatValue["territory"];
export type ValueStatus = StatValue["status"];

export const TERRITORIES: Territory[] = ["city", "east", "west"];
export const STATUSES: ValueStatus[] = ["official", "estimate", "computed", "synthetic"];

const list = { placeholderData: keepPreviousData } as const;
/** The API's largest page: a chart asks for every value of a kind at once. */
const ALL = 500;

/** Every target of every year with its progress (the dashboard picks the year on the screen). */
export function useDashboard() {
  return useQuery({
    queryKey: ["statistics", "dashboard"],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/dashboard")),
  });
}

export function useSetTarget(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetInput) =>
      unwrap(api.PUT("/api/v1/statistics/indicators/{code}/targets", { params: { path: { code } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["statistics", "dashboard"] }),
  });
}

export function useIndicators(query: IndicatorQuery) {
  return useQuery({
    queryKey: ["statistics", "indicators", query],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/indicators", { params: { query } })),
    ...list,
  });
}

/** Every indicator by name, for the target form's choice (the registry is small). */
export function useIndicatorOptions() {
  return useQuery({
    queryKey: ["statistics", "indicator-options"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/statistics/indicators", { params: { query: { page_size: ALL, sort: "name_vi" } } }),
      ),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useIndicator(code: string) {
  return useQuery({
    queryKey: ["statistics", "indicator", code],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/indicators/{code}", { params: { path: { code } } })),
    retry: false,
  });
}

export function useIndicatorValues(code: string, query: ValueQuery) {
  return useQuery({
    queryKey: ["statistics", "values", code, query],
    queryFn: () =>
      unwrap(api.GET("/api/v1/statistics/indicators/{code}/values", { params: { path: { code }, query } })),
    ...list,
  });
}

/** Every value of one breakdown kind in time order, for a chart. */
export function useIndicatorSeries(code: string, kind: "total" | "ownership", enabled = true) {
  return useQuery({
    queryKey: ["statistics", "values", code, "series", kind],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/statistics/indicators/{code}/values", {
          params: { path: { code }, query: { breakdown_kind: kind, sort: "period_end", page_size: ALL } },
        }),
      ),
    enabled,
    select: (data) => data.items,
  });
}

export function useRecordValue(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ValueInput) =>
      unwrap(api.POST("/api/v1/statistics/indicators/{code}/values", { params: { path: { code } }, body })),
    onSuccess: () => {
      for (const key of [["values", code], ["indicator", code], ["indicators"], ["dashboard"]])
        void client.invalidateQueries({ queryKey: ["statistics", ...key] });
    },
  });
}

export function useCalculateIip() {
  return useMutation({
    mutationFn: (body: IipInput) => unwrap(api.POST("/api/v1/statistics/iip/calculate", { body })),
  });
}
