/** The columns of an investor report, shared by the list and the review queue. */
import { Link } from "react-router";
import type { Column } from "../../components/data-table.tsx";
import { SyntheticBadge } from "../../components/status.tsx";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatUsd,
  formatVnd,
} from "../../lib/format.ts";
import type { Lang } from "../../lib/i18n.tsx";
import type { useReports } from "./api.ts";
import { StatusTag } from "./badges.tsx";
import type { Text } from "./text.ts";

export type Report = NonNullable<ReturnType<typeof useReports>["data"]>["items"][number];
export const PERIODS = ["Q1", "Q2", "Q3", "Q4", "Y"] as const;

/** The last five years, newest first, as filter options. */
export function yearOptions(): Array<{ value: string; label: string }> {
  const now = new Date().getFullYear();
  return [0, 1, 2, 3, 4].map((i) => ({ value: String(now - i), label: String(now - i) }));
}

export function reportColumns({ x, label }: Text, lang: Lang): Column<Report>[] {
  return [
    {
      key: "irc_number",
      header: x("project"),
      sortable: true,
      render: (r) => (
        <>
          <Link to={`/du-an/${r.irc_number}`}>{r.project_name}</Link>{" "}
          <SyntheticBadge synthetic={r.is_synthetic} />
          <div className="muted">
            {r.irc_number} · {r.zone_code ?? "—"}
          </div>
        </>
      ),
    },
    {
      key: "year",
      header: x("period"),
      sortable: true,
      render: (r) => (
        <>
          {label("period", r.period)} / {r.year}
          <div className="muted">
            {x("dueOn")} {formatDate(r.due_on, lang)}
          </div>
        </>
      ),
    },
    {
      key: "submitted_at",
      header: x("submittedAt"),
      sortable: true,
      render: (r) => (
        <>
          {formatDateTime(r.submitted_at, lang)}
          {r.late && <span className="badge late"> {x("lateBadge")}</span>}
          <div className="muted">{r.submitted_by ?? r.channel}</div>
        </>
      ),
    },
    {
      key: "figures",
      header: x("disbursed"),
      numeric: true,
      render: (r) => (
        <>
          {formatMoney(r.capital_disbursed, r.currency, lang)}
          <div className="muted">
            {formatVnd(r.revenue_vnd, lang)} · {formatUsd(r.exports_usd, lang)} ·{" "}
            {formatNumber(r.workers, lang, 0)} {x("workersUnit")}
          </div>
        </>
      ),
    },
    {
      key: "flags",
      header: x("flags"),
      render: (r) =>
        r.flags.length === 0 ? (
          "—"
        ) : (
          <ul className="flags">
            {r.flags.map((f) => (
              <li key={f.field}>⚠ {lang === "en" ? f.en : f.vi}</li>
            ))}
          </ul>
        ),
    },
    {
      key: "status",
      header: x("status"),
      sortable: true,
      render: (r) => (
        <>
          <StatusTag kind="reportStatus" value={r.status} />
          {r.review_note && <div className="muted">{r.review_note}</div>}
        </>
      ),
    },
  ];
}
