import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

export type EnterpriseQuery = NonNullable<paths["/api/v1/enterprises"]["get"]["parameters"]["query"]>;

export function useEnterprises(query: EnterpriseQuery) {
  return useQuery({
    queryKey: ["enterprises", query],
    queryFn: () => unwrap(api.GET("/api/v1/enterprises", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(taxCode: string) {
  return useQuery({
    queryKey: ["enterprise", taxCode],
    queryFn: () =>
      unwrap(api.GET("/api/v1/enterprises/{tax_code}", { params: { path: { tax_code: taxCode } } })),
  });
}

export type EnterprisePatch =
  paths["/api/v1/enterprises/{tax_code}"]["patch"]["requestBody"]["content"]["application/json"];

export function useUpdateEnterprise(taxCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterprisePatch) =>
      unwrap(api.PATCH("/api/v1/enterprises/{tax_code}", { params: { path: { tax_code: taxCode } }, body })),
    onSuccess: (data) => client.setQueryData(["enterprise", taxCode], data),
  });
}
