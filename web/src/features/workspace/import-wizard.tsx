/** Import wizard: choose a file → check it (nothing written) → read the row-by-row report → import. */
import { type FormEvent, useState } from "react";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ImportKind, useImport } from "./import-api.ts";

const TEXT = {
  vi: {
    title: "Nhập dữ liệu từ tệp",
    kind: "Loại dữ liệu",
    file: "Tệp CSV hoặc XLSX",
    template: "Tải mẫu",
    check: "Kiểm tra tệp",
    commit: "Nhập vào hệ thống",
    valid: "Tệp hợp lệ: {n} dòng. Chưa có gì được ghi; bấm “Nhập vào hệ thống” để ghi.",
    rejected: "Tệp có {n} lỗi; không có gì được ghi. Sửa các dòng dưới đây rồi kiểm tra lại.",
    applied: "Đã nhập: {i} thêm mới, {u} cập nhật.",
    row: "Dòng",
    column: "Cột",
    problem: "Lỗi",
    report: "Tải báo cáo (CSV)",
    kinds: {
      zones: "Khu, cụm công nghiệp",
      enterprises: "Doanh nghiệp",
      projects: "Dự án",
      investor_reports: "Báo cáo nhà đầu tư",
      catalogue_entries: "Mục danh mục dự án",
      production_reports: "Báo cáo sản lượng tháng",
    },
  },
  en: {
    title: "Import from a file",
    kind: "Kind of data",
    file: "CSV or XLSX file",
    template: "Download the template",
    check: "Check the file",
    commit: "Import",
    valid: "The file is valid: {n} rows. Nothing is written yet; press “Import” to write it.",
    rejected: "The file has {n} problems; nothing was written. Fix the rows below and check again.",
    applied: "Imported: {i} new, {u} updated.",
    row: "Row",
    column: "Column",
    problem: "Problem",
    report: "Download the report (CSV)",
    kinds: {
      zones: "Zones and clusters",
      enterprises: "Enterprises",
      projects: "Projects",
      investor_reports: "Investor reports",
      catalogue_entries: "Project catalogue entries",
      production_reports: "Monthly production reports",
    },
  },
};

/** `kinds` narrows the choice (an enterprise imports only its investor reports, or its production). */
export function ImportWizard({ kinds }: { kinds?: ImportKind[] } = {}) {
  const { lang } = useI18n();
  const x = TEXT[lang];
  const run = useImport();
  const offered = kinds ?? (Object.keys(x.kinds) as ImportKind[]);
  const [kind, setKind] = useState<ImportKind>(
    offered.includes("enterprises") ? "enterprises" : (offered[0] ?? "enterprises"),
  );
  const [file, setFile] = useState<File | null>(null);
  const report = run.data;
  const submit = (dryRun: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    if (file) run.mutate({ kind, file, dryRun });
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{x.title}</h2>
      <form className="form" onSubmit={submit(true)}>
        {/* Labelled from outside: a wrapping label would carry every option's text into its name. */}
        <div className="field">
          <label htmlFor="import-kind">{x.kind}</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {offered.map((k) => (
              <option key={k} value={k}>
                {x.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <a href={`/api/v1/imports/templates/${kind}?format=xlsx&lang=${lang}`}>{x.template} (XLSX)</a> ·{" "}
          <a href={`/api/v1/imports/templates/${kind}?format=csv&lang=${lang}`}>CSV</a>
        </p>
        <label>
          <span>{x.file}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || run.isPending}>
          {x.check}
        </button>
      </form>
      {run.error && (
        <p role="alert" className="alert">
          {(run.error as Error).message}
        </p>
      )}
      {report && (
        <div role="status" aria-live="polite">
          {report.status === "valid" && (
            <>
              <p>{x.valid.replace("{n}", formatNumber(report.total_rows, lang))}</p>
              <button type="button" onClick={() => submit(false)()} disabled={run.isPending}>
                {x.commit}
              </button>
            </>
          )}
          {report.status === "applied" && (
            <p>
              {x.applied
                .replace("{i}", formatNumber(report.inserted, lang))
                .replace("{u}", formatNumber(report.updated, lang))}
            </p>
          )}
          {report.status === "rejected" && (
            <>
              <p className="alert">{x.rejected.replace("{n}", formatNumber(report.issues.length, lang))}</p>
              <p>
                <a href={`/api/v1/imports/${report.id}?format=csv`}>{x.report}</a>
              </p>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">
                    {x.rejected.replace("{n}", formatNumber(report.issues.length, lang))}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{x.row}</th>
                      <th scope="col">{x.column}</th>
                      <th scope="col">{x.problem}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.issues.slice(0, 200).map((i) => (
                      <tr key={`${i.row}-${i.column}-${i.code}-${i.message}`}>
                        <td>{i.row ?? "—"}</td>
                        <td>{i.column ?? "—"}</td>
                        <td>{i.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
