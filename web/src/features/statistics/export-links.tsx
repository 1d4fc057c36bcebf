/** Export links of a query that is not a paged list (a chart's table): CSV, XLSX and SDMX-CSV, as the tables have. */
import { exportUrl } from "../../components/data-table.tsx";
import { useI18n } from "../../lib/i18n.tsx";

const FORMATS = ["csv", "xlsx", "sdmx"];

export function ExportLinks({ base, query }: { base: string; query: Record<string, string | number> }) {
  const { t, lang } = useI18n();
  return (
    <span className="exports">
      {t("table.export")}:{" "}
      {FORMATS.map((f) => (
        <a
          key={f}
          className="export-link"
          href={exportUrl(base, { ...query, page: 1, page_size: 0 }, f, lang)}
          download
        >
          {f.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
