/** /dau-tu/bao-cao: investors' quarterly and annual reports, with their plausibility flags. */
import { Link } from "react-router";
import { DataTable, useListParams } from "../../components/data-table.tsx";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { type ReportQuery, useReports, useZoneOptions } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { PERIODS, reportColumns, yearOptions } from "./report-columns.tsx";
import { ReportsNav } from "./reports-nav.tsx";
import { useText } from "./text.ts";
import { TextFilter } from "./text-filter.tsx";

export function ReportsPage() {
  const { lang } = useI18n();
  const text = useText();
  const { x, label } = text;
  const can = useCan();
  const zones = useZoneOptions();
  const [params, update] = useListParams(
    ["project", "zone", "year", "period", "status", "flagged"],
    "-submitted_at",
  );
  const list = useReports(params as ReportQuery);
  return (
    <>
      <h1>{x("reports")}</h1>
      <InvestmentNav />
      <ReportsNav />
      <p className="muted">
        {x("importHint")} {can("import.create") && <Link to="/lam-viec">→ {x("importLink")}</Link>}
      </p>
      <TextFilter
        label={x("irc")}
        value={String(params.project ?? "")}
        onApply={(project) => update({ project })}
      />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("reports")}
        columns={reportColumns(text, lang)}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(r) => String(r.id)}
        busy={list.isFetching}
        exportBase="/api/v1/investment/reports/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          { name: "year", label: x("year"), options: yearOptions() },
          {
            name: "period",
            label: x("period"),
            options: PERIODS.map((p) => ({ value: p, label: label("period", p) })),
          },
          {
            name: "status",
            label: x("status"),
            options: ["submitted", "accepted", "returned"].map((s) => ({
              value: s,
              label: label("reportStatus", s),
            })),
          },
          {
            name: "flagged",
            label: x("flagged"),
            options: [
              { value: "true", label: x("yes") },
              { value: "false", label: x("no") },
            ],
          },
          {
            name: "zone",
            label: x("zone"),
            options: (zones.data ?? []).map((z) => ({
              value: z.code,
              label: `${z.code} — ${lang === "en" && z.name_en ? z.name_en : z.name_vi}`,
            })),
          },
        ]}
      />
    </>
  );
}
