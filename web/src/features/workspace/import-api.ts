import { useMutation } from "@tanstack/react-query";
import type { paths } from "../../api/schema.ts";
import { fetchJson } from "../../lib/api.ts";

export type ImportReport =
  paths["/api/v1/imports/{kind}"]["post"]["responses"]["200"]["content"]["application/json"];
export type ImportKind =
  | "zones"
  | "enterprises"
  | "projects"
  | "investor_reports"
  | "catalogue_entries"
  | "production_reports";

/** POST /api/v1/imports/{kind}: a 422 still carries the report, so it is returned, not thrown. */
export function useImport() {
  return useMutation({
    mutationFn: async ({ kind, file, dryRun }: { kind: ImportKind; file: File; dryRun: boolean }) => {
      const body = new FormData();
      body.set("file", file);
      try {
        return await fetchJson<ImportReport>(`/api/v1/imports/${kind}?dry_run=${dryRun}`, {
          method: "POST",
          body,
        });
      } catch (error) {
        const report = (error as { report?: ImportReport }).report;
        if (report) return report;
        throw error;
      }
    },
  });
}
