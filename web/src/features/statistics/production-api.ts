/** Monthly production hooks: one per call of /api/v1/statistics/production and /products. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";
import { addMonths } from "./production.ts";

type P = paths;
export type ProductionQuery = NonNullable<P["/api/v1/statistics/production"]["get"]["parameters"]["query"]>;
export type ProductionInput =
  P["/api/v1/statistics/production"]["post"]["requestBody"]["content"]["application/json"];
export type Figure =
  P["/api/v1/statistics/production"]["get"]["responses"]["200"]["content"]["application/json"]["items"][number];
export type FigureHistory =
  P["/api/v1/statistics/production/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
export type Product =
  P["/api/v1/statistics/products"]["get"]["responses"]["200"]["content"]["application/json"]["items"][number];
export type ProductionStatus = Figure["status"];

export const PRODUCTION_STATUSES: ProductionStatus[] = ["submitted", "flagged", "confirmed"];
const KEY = ["statistics", "production"] as const;

/** The whole product list (a few dozen products), for the pickers and filters. */
export function useProducts() {
  return useQuery({
    queryKey: ["statistics", "products"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/statistics/products", { params: { query: { page_size: 500, sort: "code" } } })),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useProduction(query: ProductionQuery) {
  return useQuery({
    queryKey: [...KEY, "list", query],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/production", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useFigure(id: number) {
  return useQuery({
    queryKey: [...KEY, "figure", id],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/production/{id}", { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** An enterprise's figures of one product in the twelve months before `month`, oldest first. */
export function useRecentFigures(taxCode: string, product: string, month: string) {
  return useQuery({
    queryKey: [...KEY, "recent", taxCode, product, month],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/statistics/production", {
          params: {
            query: {
              enterprise: taxCode,
              product,
              from: addMonths(month, -12),
              to: addMonths(month, -1),
              sort: "month",
              page_size: 12,
            },
          },
        }),
      ),
    staleTime: 60_000,
    select: (data) => data.items,
  });
}

export function useSubmitProduction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductionInput) => unwrap(api.POST("/api/v1/statistics/production", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useConfirmFigure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string }) =>
      unwrap(
        api.POST("/api/v1/statistics/production/{id}/confirm", {
          params: { path: { id } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: (figure) => {
      client.setQueryData([...KEY, "figure", figure.id], figure);
      void client.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

/** Enterprises whose name or tax code matches, as suggestions for an official picking one. */
export function useEnterpriseSuggestions(q: string) {
  return useQuery({
    queryKey: ["statistics", "enterprise-suggestions", q],
    queryFn: () =>
      unwrap(api.GET("/api/v1/enterprises", { params: { query: { q, page_size: 20, sort: "name_vi" } } })),
    enabled: q.trim().length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    select: (data) => data.items.map((e) => ({ tax_code: e.tax_code, name_vi: e.name_vi })),
  });
}

/** One enterprise's name, for the figures that carry only its tax code. */
export function useEnterpriseName(taxCode: string) {
  return useQuery({
    queryKey: ["statistics", "enterprise-name", taxCode],
    queryFn: () =>
      unwrap(api.GET("/api/v1/enterprises/{tax_code}", { params: { path: { tax_code: taxCode } } })),
    enabled: /^\d{10}(-\d{3})?$/.test(taxCode),
    staleTime: 10 * 60_000,
    retry: false,
    select: (e) => ({ name_vi: e.name_vi, name_en: e.name_en }),
  });
}
