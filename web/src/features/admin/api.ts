/** Administration: one hook per endpoint of /api/v1/users, /api/v1/tokens and /api/v1/audit. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

export type UserQuery = NonNullable<paths["/api/v1/users"]["get"]["parameters"]["query"]>;
export type UserInput = paths["/api/v1/users"]["post"]["requestBody"]["content"]["application/json"];
export type UserPatch = paths["/api/v1/users/{id}"]["patch"]["requestBody"]["content"]["application/json"];
export type AuditQuery = NonNullable<paths["/api/v1/audit"]["get"]["parameters"]["query"]>;
export type TokenInput = paths["/api/v1/tokens"]["post"]["requestBody"]["content"]["application/json"];

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ["users", query],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body: patch })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/users/{id}/reset-password", { params: { path: { id } } })),
  });
}

export function useTokens() {
  return useQuery({ queryKey: ["tokens"], queryFn: () => unwrap(api.GET("/api/v1/tokens")) });
}

export function useGrantablePermissions() {
  return useQuery({
    queryKey: ["tokens", "permissions"],
    queryFn: () => unwrap(api.GET("/api/v1/tokens/permissions")),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenInput) => unwrap(api.POST("/api/v1/tokens", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ["audit", query],
    queryFn: () => unwrap(api.GET("/api/v1/audit", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(api.GET("/api/v1/audit/verify")) });
}
