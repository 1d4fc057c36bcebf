import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

export type ProjectQuery = NonNullable<paths["/api/v1/projects"]["get"]["parameters"]["query"]>;
export type ProjectInput = paths["/api/v1/projects"]["post"]["requestBody"]["content"]["application/json"];

export function useProjects(query: ProjectQuery) {
  return useQuery({
    queryKey: ["projects", query],
    queryFn: () => unwrap(api.GET("/api/v1/projects", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(irc: string) {
  return useQuery({
    queryKey: ["project", irc],
    queryFn: () =>
      unwrap(api.GET("/api/v1/projects/{irc_number}", { params: { path: { irc_number: irc } } })),
  });
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectInput) => unwrap(api.POST("/api/v1/projects", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["projects"] }),
  });
}

/** The project's milestones against plan, from investment supervision: only for those who may read it. */
export function useProjectSchedule(irc: string, enabled: boolean) {
  return useQuery({
    queryKey: ["investment", "schedule", irc],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/investment/supervision/projects/{irc_number}", {
          params: { path: { irc_number: irc } },
        }),
      ),
    enabled,
    retry: false,
  });
}
