/** Session hooks: one per endpoint of /api/v1/auth. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, setCsrfToken, unwrap } from "../../lib/api.ts";

export const sessionKey = ["auth", "session"] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const session = await unwrap(api.GET("/api/v1/auth/session"));
      setCsrfToken(session.csrf_token);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.POST("/api/v1/auth/login", { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      client.setQueryData(sessionKey, session);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "auth" });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/logout")),
    onSettled: () => {
      setCsrfToken(null);
      void client.invalidateQueries();
    },
  });
}
