import { keepPreviousData, useQuery } from "@tanstack/react-query";
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
