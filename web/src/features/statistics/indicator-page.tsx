/** /thong-ke/chi-tieu/:code: an indicator's definition, its totals over time, its ownership shares and its values. */
import { Link, useParams } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError, Loading } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useIndicator, useIndicatorSeries } from "./api.ts";
import { OwnershipChart } from "./ownership-chart.tsx";
import { StatisticsNav } from "./statistics-nav.tsx";
import { useText } from "./text.ts";
import { ValueForm } from "./value-form.tsx";
import { ValuesChart } from "./values-chart.tsx";
import { ValuesTable } from "./values-table.tsx";

/** The breakdowns a value may have besides the total (territory is a dimension of its own). */
const BREAKDOWN_KINDS = ["industry", "ownership"];

export function IndicatorPage() {
  const { code = "" } = useParams();
  const { lang } = useI18n();
  const { x, label } = useText();
  const can = useCan();
  const indicator = useIndicator(code);
  const kinds = (indicator.data?.breakdowns ?? []).filter((b) => BREAKDOWN_KINDS.includes(b));
  const totals = useIndicatorSeries(code, "total");
  const ownership = useIndicatorSeries(code, "ownership", kinds.includes("ownership"));
  if (indicator.error) return <LoadError error={indicator.error} />;
  if (!indicator.data) return <Loading />;
  const i = indicator.data;
  const definition = lang === "en" ? i.definition_en : i.definition_vi;
  return (
    <>
      <p>
        <Link to="/thong-ke/chi-tieu">← {x("back")}</Link>
      </p>
      <h1>{lang === "en" ? i.name_en : i.name_vi}</h1>
      <StatisticsNav />
      <dl className="facts">
        <dt>{x("code")}</dt>
        <dd className="mono">{i.code}</dd>
        <dt>{x("definition")}</dt>
        <dd>{definition ?? "—"}</dd>
        <dt>{x("unit")}</dt>
        <dd>{label("unit", i.unit)}</dd>
        <dt>{x("frequency")}</dt>
        <dd>{label("frequency", i.frequency)}</dd>
        <dt>{x("direction")}</dt>
        <dd>{label("direction", i.direction)}</dd>
        <dt>{x("method")}</dt>
        <dd>{i.method ?? "—"}</dd>
        <dt>{x("sourceAgency")}</dt>
        <dd>{i.source ?? "—"}</dd>
        <dt>{x("owner")}</dt>
        <dd>{i.owner_agency ?? "—"}</dd>
        <dt>{x("breakdowns")}</dt>
        <dd>{i.breakdowns.map((b) => label("breakdownKind", b)).join(", ") || "—"}</dd>
      </dl>
      {totals.error && <LoadError error={totals.error} />}
      {totals.data && totals.data.length > 0 && <ValuesChart values={totals.data} unit={i.unit} />}
      {ownership.data && ownership.data.length > 0 && <OwnershipChart values={ownership.data} />}
      <h2>{x("values")}</h2>
      <p className="muted">{x("rounded")}</p>
      <ValuesTable code={i.code} unit={i.unit} kinds={kinds} />
      {can("statistics.manage") && <ValueForm code={i.code} kinds={kinds} />}
    </>
  );
}
