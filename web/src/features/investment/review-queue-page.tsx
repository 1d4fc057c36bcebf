/** /dau-tu/bao-cao/cho-duyet: reports waiting for review; accept, or return with a note saying why. */
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { type ReportQuery, useReports } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { PERIODS, type Report, reportColumns, yearOptions } from "./report-columns.tsx";
import { ReportsNav } from "./reports-nav.tsx";
import { ReviewCell } from "./review-cell.tsx";
import { useText } from "./text.ts";

export function ReviewQueuePage() {
  const { lang } = useI18n();
  const text = useText();
  const { x, label } = text;
  const [params, update] = useListParams(["year", "period", "flagged"], "submitted_at");
  const list = useReports({ ...params, status: "submitted" } as ReportQuery);
  const columns: Column<Report>[] = [
    ...reportColumns(text, lang).filter((c) => c.key !== "status"),
    { key: "review", header: x("reviewed"), render: (r) => <ReviewCell id={r.id} /> },
  ];
  return (
    <>
      <h1>{x("reviewQueue")}</h1>
      <InvestmentNav />
      <ReportsNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("reviewQueue")}
        columns={columns}
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
            name: "flagged",
            label: x("flagged"),
            options: [
              { value: "true", label: x("yes") },
              { value: "false", label: x("no") },
            ],
          },
        ]}
      />
    </>
  );
}
