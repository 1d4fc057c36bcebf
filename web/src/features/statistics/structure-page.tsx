/**
 * /thong-ke/co-cau: a year's production value at the base year's prices, by ownership, section and
 * division, and the high-tech share of manufacturing; year and territory in the URL.
 */
import { useSearchParams } from "react-router";
import { LoadError, Loading } from "../../components/status.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { ExportLinks } from "./export-links.tsx";
import { type SeriesPoint, useIipSeries, useStructure } from "./iip-api.ts";
import { TERRITORY_CHOICES } from "./iip-params.ts";
import { StatisticsNav } from "./statistics-nav.tsx";
import { StructureView } from "./structure-view.tsx";
import { useText } from "./text.ts";

/**
 * The years that have production reports, latest first (the months the IIP is computed for are the
 * months with reports), and the latest complete one.
 */
function yearsOf(points: readonly SeriesPoint[]): { years: number[]; fallback: number | undefined } {
  const count = new Map<number, number>();
  for (const p of points)
    count.set(Number(p.month.slice(0, 4)), (count.get(Number(p.month.slice(0, 4))) ?? 0) + 1);
  const years = [...count.keys()].sort((a, b) => b - a);
  return { years, fallback: years.find((y) => count.get(y) === 12) ?? years[0] };
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

export function StructurePage() {
  const e = useExplorerText();
  const text = useText();
  const [search, setSearch] = useSearchParams();
  const span = useIipSeries({ from: "2000-01", to: thisMonth() });
  const { years, fallback } = yearsOf(span.data?.points ?? []);
  const asked = Number(search.get("year"));
  const year = years.includes(asked) ? asked : fallback;
  const territory = TERRITORY_CHOICES.find((t) => t === search.get("territory")) ?? "city";
  const structure = useStructure(year === undefined ? undefined : { year, territory });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };
  const s = structure.data;
  return (
    <>
      <h1>{e.x("structure")}</h1>
      <StatisticsNav />
      <p>{e.x("structureIntro")}</p>
      {span.error && <LoadError error={span.error} />}
      {span.isPending && <Loading />}
      {span.data && !span.data.base && <p>{e.x("noStructure")}</p>}
      {year !== undefined && (
        <search className="toolbar">
          <label>
            <span>{e.x("year")}</span>
            <select value={year} onChange={(ev) => set("year", ev.target.value)} data-testid="structure-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{text.x("territory")}</span>
            <select value={territory} onChange={(ev) => set("territory", ev.target.value)}>
              {TERRITORY_CHOICES.map((t) => (
                <option key={t} value={t}>
                  {text.label("territory", t)}
                </option>
              ))}
            </select>
          </label>
          <ExportLinks base="/api/v1/statistics/structure/export" query={{ year, territory }} />
        </search>
      )}
      {structure.error && <LoadError error={structure.error} />}
      {structure.data === null && <p>{e.x("noStructure")}</p>}
      {s && s.total_value === 0 && <p>{e.x("emptyYear")}</p>}
      {s && s.total_value > 0 && <StructureView structure={s} />}
    </>
  );
}
