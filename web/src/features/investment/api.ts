/** Investment hooks: one per call of /api/v1/investment (catalogue, screening, supervision, reports). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

type P = paths;
type Query<K extends keyof P> = P[K] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
type Body<K extends keyof P, M extends "post" | "patch"> =
  P[K] extends Record<M, { requestBody: { content: { "application/json": infer B } } }> ? B : never;

export type VersionQuery = Query<"/api/v1/investment/catalogue/versions">;
export type EntryQuery = Query<"/api/v1/investment/catalogue/versions/{code}/entries">;
export type ScreeningQuery = Query<"/api/v1/investment/screenings">;
export type ScheduleQuery = Query<"/api/v1/investment/supervision/projects">;
export type SupervisionCaseQuery = Query<"/api/v1/investment/supervision/cases">;
export type ReportQuery = Query<"/api/v1/investment/reports">;
export type OverdueQuery = Query<"/api/v1/investment/reports/overdue">;
export type VersionInput = Body<"/api/v1/investment/catalogue/versions", "post">;
export type EntryInput = Body<"/api/v1/investment/catalogue/versions/{code}/entries", "post">;
export type ProposalInput = Body<"/api/v1/investment/screenings", "post">;
export type StepInput = Body<"/api/v1/investment/supervision/cases/{code}/steps", "post">;
export type ReportInput = Body<"/api/v1/investment/reports", "post">;
export type ReviewInput = Body<"/api/v1/investment/reports/{id}/review", "post">;
export type Criterion = EntryInput["criteria"] extends (infer C)[] | undefined ? C : never;

const list = { placeholderData: keepPreviousData } as const;

// Catalogue

export function useCatalogueVersions(query: VersionQuery) {
  return useQuery({
    queryKey: ["investment", "versions", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/catalogue/versions", { params: { query } })),
    ...list,
  });
}

export function useCatalogueVersion(code: string) {
  return useQuery({
    queryKey: ["investment", "version", code],
    queryFn: () =>
      unwrap(api.GET("/api/v1/investment/catalogue/versions/{code}", { params: { path: { code } } })),
  });
}

export function useCatalogueEntries(code: string, query: EntryQuery) {
  return useQuery({
    queryKey: ["investment", "version", code, "entries", query],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/investment/catalogue/versions/{code}/entries", {
          params: { path: { code }, query },
        }),
      ),
    ...list,
  });
}

export function useCatalogueFields() {
  return useQuery({
    queryKey: ["investment", "fields"],
    queryFn: () => unwrap(api.GET("/api/v1/investment/catalogue/fields")),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionInput) => unwrap(api.POST("/api/v1/investment/catalogue/versions", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["investment", "versions"] }),
  });
}

export function useAddEntry(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EntryInput) =>
      unwrap(
        api.POST("/api/v1/investment/catalogue/versions/{code}/entries", {
          params: { path: { code } },
          body,
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["investment", "version", code] }),
  });
}

export function usePublishVersion(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/investment/catalogue/versions/{code}/publish", { params: { path: { code } } }),
      ),
    onSuccess: (version) => {
      client.setQueryData(["investment", "version", code], version);
      void client.invalidateQueries({ queryKey: ["investment", "versions"] });
    },
  });
}

// Screening

export function useScreenings(query: ScreeningQuery) {
  return useQuery({
    queryKey: ["investment", "screenings", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/screenings", { params: { query } })),
    ...list,
  });
}

export function useScreening(code: string) {
  return useQuery({
    queryKey: ["investment", "screening", code],
    queryFn: () => unwrap(api.GET("/api/v1/investment/screenings/{code}", { params: { path: { code } } })),
  });
}

export function useRunScreening() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalInput) => unwrap(api.POST("/api/v1/investment/screenings", { body })),
    onSuccess: (result) => {
      client.setQueryData(["investment", "screening", result.code], result);
      void client.invalidateQueries({ queryKey: ["investment", "screenings"] });
    },
  });
}

// Supervision

export function useSupervisionBoard() {
  return useQuery({
    queryKey: ["investment", "board"],
    queryFn: () => unwrap(api.GET("/api/v1/investment/supervision/board")),
  });
}

export function useSchedules(query: ScheduleQuery) {
  return useQuery({
    queryKey: ["investment", "schedules", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/supervision/projects", { params: { query } })),
    ...list,
  });
}

export function useSchedule(irc: string) {
  return useQuery({
    queryKey: ["investment", "schedule", irc],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/investment/supervision/projects/{irc_number}", {
          params: { path: { irc_number: irc } },
        }),
      ),
    enabled: irc !== "",
    retry: false,
  });
}

export function useRunSupervision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/investment/supervision/run", { body: {} })),
    onSuccess: () => {
      for (const key of ["board", "schedules", "supervision-cases"])
        void client.invalidateQueries({ queryKey: ["investment", key] });
    },
  });
}

export function useSupervisionCases(query: SupervisionCaseQuery) {
  return useQuery({
    queryKey: ["investment", "supervision-cases", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/supervision/cases", { params: { query } })),
    ...list,
  });
}

export function useSupervisionCase(code: string) {
  return useQuery({
    queryKey: ["investment", "supervision-case", code],
    queryFn: () =>
      unwrap(api.GET("/api/v1/investment/supervision/cases/{code}", { params: { path: { code } } })),
  });
}

export function useCaseStep(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StepInput) =>
      unwrap(
        api.POST("/api/v1/investment/supervision/cases/{code}/steps", { params: { path: { code } }, body }),
      ),
    onSuccess: (data) => {
      client.setQueryData(["investment", "supervision-case", code], data);
      for (const key of ["board", "schedules", "schedule", "supervision-cases"])
        void client.invalidateQueries({ queryKey: ["investment", key] });
    },
  });
}

// Reports

export function useReports(query: ReportQuery) {
  return useQuery({
    queryKey: ["investment", "reports", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/reports", { params: { query } })),
    ...list,
  });
}

export function useOverdueReports(query: OverdueQuery) {
  return useQuery({
    queryKey: ["investment", "overdue", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/reports/overdue", { params: { query } })),
    ...list,
  });
}

export function useCompleteness(query: Pick<OverdueQuery, "year" | "period" | "zone">) {
  return useQuery({
    queryKey: ["investment", "completeness", query],
    queryFn: () => unwrap(api.GET("/api/v1/investment/reports/completeness", { params: { query } })),
    ...list,
  });
}

export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => unwrap(api.POST("/api/v1/investment/reports", { body })),
    onSuccess: () => {
      for (const key of ["reports", "overdue", "completeness"])
        void client.invalidateQueries({ queryKey: ["investment", key] });
    },
  });
}

export function useReviewReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewInput & { id: number }) =>
      unwrap(api.POST("/api/v1/investment/reports/{id}/review", { params: { path: { id } }, body })),
    onSuccess: () => {
      for (const key of ["reports", "completeness"])
        void client.invalidateQueries({ queryKey: ["investment", key] });
    },
  });
}

// Zones, for the zone filters and the screening form's zone list.

export function useZoneOptions() {
  return useQuery({
    queryKey: ["investment", "zone-options"],
    queryFn: () => unwrap(api.GET("/api/v1/zones", { params: { query: { page_size: 500, sort: "code" } } })),
    staleTime: 10 * 60_000,
    select: (data) => data.items.map((z) => ({ code: z.code, name_vi: z.name_vi, name_en: z.name_en })),
  });
}
