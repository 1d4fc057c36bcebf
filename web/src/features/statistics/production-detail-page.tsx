/** /thong-ke/san-luong/:id: one figure, its flags and review, and every earlier value it replaced. */
import { Link, useParams } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError, Loading, SyntheticBadge } from "../../components/status.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { ConfirmFigure } from "./confirm-figure.tsx";
import { EnterpriseName } from "./enterprise-field.tsx";
import { changes, formatMonth } from "./production.ts";
import { type FigureHistory, useFigure } from "./production-api.ts";
import { Amount, FigureFlags, FigureStatus } from "./production-columns.tsx";
import { ProductionNav } from "./production-nav.tsx";
import { useProductionText } from "./production-text.ts";
import { StatisticsNav } from "./statistics-nav.tsx";

function HistoryTable({ figure }: { figure: FigureHistory }) {
  const { lang } = useI18n();
  const { x } = useProductionText();
  const rows = changes(figure, figure.revisions);
  return (
    <div className="table-scroll">
      <table data-testid="revision-history">
        <caption className="visually-hidden">{x("history")}</caption>
        <thead>
          <tr>
            <th scope="col">{x("revision")}</th>
            <th scope="col" className="num">
              {x("oldValue")}
            </th>
            <th scope="col" className="num">
              {x("newValue")}
            </th>
            <th scope="col">{x("when")}</th>
            <th scope="col">{x("who")}</th>
            <th scope="col">{x("status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.revision} data-revision={r.revision} className={r.current ? "current" : undefined}>
              <th scope="row">
                {r.revision}
                {r.current && <span className="muted small"> ({x("current")})</span>}
              </th>
              <td className="num">
                {r.previous === null ? (
                  <span className="muted small">{x("firstVersion")}</span>
                ) : (
                  <Amount quantity={r.previous} unit={figure.unit} />
                )}
              </td>
              <td className="num">
                <Amount quantity={r.quantity} unit={figure.unit} />
              </td>
              <td>{formatDateTime(r.submitted_at, lang)}</td>
              <td>{r.submitted_by ?? "—"}</td>
              <td>
                <FigureStatus status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProductionDetailPage() {
  const { id = "" } = useParams();
  const { lang } = useI18n();
  const { x, label } = useProductionText();
  const can = useCan();
  const figure = useFigure(Number(id));
  const f = figure.data;
  return (
    <>
      <p>
        <Link to="/thong-ke/san-luong">← {x("back")}</Link>
      </p>
      <h1>{f ? `${f.product_name} · ${formatMonth(f.month)}` : x("figure")}</h1>
      <StatisticsNav />
      <ProductionNav />
      {figure.error && <LoadError error={figure.error} />}
      {figure.isPending && <Loading />}
      {f && (
        <>
          <dl className="facts" data-testid="figure-facts">
            <dt>{x("enterprise")}</dt>
            <dd>
              <Link to={`/doanh-nghiep/${f.enterprise_tax_code}`} className="mono">
                {f.enterprise_tax_code}
              </Link>{" "}
              <EnterpriseName taxCode={f.enterprise_tax_code} />
            </dd>
            <dt>{x("product")}</dt>
            <dd>
              {f.product_name} <span className="mono muted">{f.product_code}</span> · VSIC {f.vsic_class}{" "}
              <SyntheticBadge synthetic={f.is_synthetic} />
            </dd>
            <dt>{x("month")}</dt>
            <dd>{formatMonth(f.month)}</dd>
            <dt>{x("quantity")}</dt>
            <dd className="big-number" data-testid="figure-quantity">
              <Amount quantity={f.quantity} unit={f.unit} />
            </dd>
            <dt>{x("status")}</dt>
            <dd>
              <FigureStatus status={f.status} />
            </dd>
            <dt>{x("flags")}</dt>
            <dd>
              <FigureFlags flags={f.flags} />
            </dd>
            <dt>{x("submittedAt")}</dt>
            <dd>
              {formatDateTime(f.submitted_at, lang)} · {f.submitted_by ?? "—"} · {label("channel", f.channel)}
            </dd>
            {f.reviewed_by && (
              <>
                <dt>{x("reviewedBy")}</dt>
                <dd>
                  {f.reviewed_by}
                  {f.review_note && <div className="muted">{f.review_note}</div>}
                </dd>
              </>
            )}
          </dl>
          {f.status === "flagged" && can("production.review") && (
            <section className="panel">
              <ConfirmFigure id={f.id} label={`${f.product_name} ${formatMonth(f.month)}`} />
            </section>
          )}
          <h2>{x("history")}</h2>
          <HistoryTable figure={f} />
        </>
      )}
    </>
  );
}
