/** /thong-ke: the leaders' dashboard — one card per target of the chosen year, with the rule that judges it. */
import { useSearchParams } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError, Loading } from "../../components/status.tsx";
import { type TargetRow, TERRITORIES, useDashboard } from "./api.ts";
import { StatisticsNav } from "./statistics-nav.tsx";
import { TargetCard } from "./target-card.tsx";
import { TargetForm } from "./target-form.tsx";
import { useText } from "./text.ts";

/** The years that have targets, latest first, and the latest one that already has a value to judge. */
function yearsOf(rows: TargetRow[]): { years: number[]; fallback: number | undefined } {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const withData = rows.filter((r) => r.actual !== null).map((r) => r.year);
  return { years, fallback: withData.length > 0 ? Math.max(...withData) : years[0] };
}

const byNameAndPlace = (a: TargetRow, b: TargetRow) =>
  a.name_vi.localeCompare(b.name_vi, "vi") ||
  TERRITORIES.indexOf(a.territory) - TERRITORIES.indexOf(b.territory);

export function DashboardPage() {
  const { x } = useText();
  const can = useCan();
  const dashboard = useDashboard();
  const [search, setSearch] = useSearchParams();
  const rows = dashboard.data ?? [];
  const { years, fallback } = yearsOf(rows);
  const asked = Number(search.get("year"));
  const year = years.includes(asked) ? asked : fallback;
  const shown = rows.filter((r) => r.year === year).sort(byNameAndPlace);
  return (
    <>
      <h1>{x("dashboard")}</h1>
      <StatisticsNav />
      {dashboard.isPending && <Loading />}
      {dashboard.error && <LoadError error={dashboard.error} />}
      {dashboard.data && years.length === 0 && <p>{x("noTargets")}</p>}
      {year !== undefined && (
        <div className="toolbar">
          <label>
            <span>{x("year")}</span>
            <select
              value={year}
              onChange={(e) => setSearch({ year: e.target.value }, { replace: true })}
              data-testid="dashboard-year"
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="muted rule">{x("rule")}</p>
      <section className="cards" aria-label={`${x("dashboard")} ${year ?? ""}`}>
        {shown.map((r) => (
          <TargetCard key={`${r.indicator_code}-${r.territory}`} row={r} />
        ))}
      </section>
      {can("statistics.manage") && year !== undefined && <TargetForm key={year} year={year} />}
    </>
  );
}
