/** What a submission stored: each product's figure in the product's unit, its flags, and whether it revised one. */
import { Link } from "react-router";
import { formatMonth } from "./production.ts";
import type { Figure } from "./production-api.ts";
import { Amount, FigureFlags, FigureStatus, figureLink } from "./production-columns.tsx";
import { useProductionText } from "./production-text.ts";

export function ProductionResult({ figures }: { figures: Figure[] }) {
  const { x } = useProductionText();
  const first = figures[0];
  if (!first) return null;
  const flagged = figures.some((f) => f.status === "flagged");
  return (
    <section
      className={`ok production-result${flagged ? " has-flags" : ""}`}
      role="status"
      aria-labelledby="production-result"
      data-testid="production-result"
    >
      <h2 id="production-result">
        {x("received")} {formatMonth(first.month)} · <span className="mono">{first.enterprise_tax_code}</span>
      </h2>
      {flagged && <p className="flag-note">{x("flaggedNote")}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{x("product")}</th>
              <th scope="col" className="num">
                {x("quantity")}
              </th>
              <th scope="col">{x("status")}</th>
              <th scope="col">{x("revision")}</th>
              <th scope="col">{x("flags")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.id} data-product={f.product_code}>
                <th scope="row">
                  <Link to={figureLink(f)}>{f.product_name}</Link>
                  <div className="muted small mono">{f.product_code}</div>
                </th>
                <td className="num">
                  <Amount quantity={f.quantity} unit={f.unit} />
                </td>
                <td>
                  <FigureStatus status={f.status} />
                </td>
                <td data-testid="revision">
                  {f.revision > 1 ? `${x("revisionOf")} ${f.revision - 1}` : x("newFigure")}
                </td>
                <td>
                  <FigureFlags flags={f.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
