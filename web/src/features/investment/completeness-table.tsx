/** Each zone's share of the period's reports received, as a number and a bar. */
import { LoadError, Loading } from "../../components/status.tsx";
import { formatDate, formatNumber, formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type OverdueQuery, useCompleteness } from "./api.ts";
import { useText } from "./text.ts";

export function CompletenessTable(props: {
  year: number;
  period: OverdueQuery["period"];
  zone?: string | undefined;
}) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const query = { year: props.year, period: props.period, ...(props.zone ? { zone: props.zone } : {}) };
  const found = useCompleteness(query);
  const title = `${x("completeness")} · ${label("period", props.period)} / ${props.year}`;
  return (
    <section aria-labelledby="completeness">
      <h2 id="completeness">{title}</h2>
      {found.error && <LoadError error={found.error} />}
      {found.isPending && <Loading />}
      {found.data && (
        <>
          <p className="muted">
            {x("dueOn")}: {formatDate(found.data.due_on, lang)}
          </p>
          <div className="table-scroll">
            <table data-testid="completeness">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{x("zone")}</th>
                  <th scope="col" className="num">
                    {x("expected")}
                  </th>
                  <th scope="col" className="num">
                    {x("received")}
                  </th>
                  <th scope="col" className="num">
                    {x("accepted")}
                  </th>
                  <th scope="col" className="num">
                    {x("overdueCount")}
                  </th>
                  <th scope="col">{x("share")}</th>
                </tr>
              </thead>
              <tbody>
                {found.data.zones.map((z) => (
                  <tr key={z.zone_code ?? "none"}>
                    <td>{z.zone_name ?? z.zone_code ?? "—"}</td>
                    <td className="num">{formatNumber(z.expected, lang, 0)}</td>
                    <td className="num">{formatNumber(z.received, lang, 0)}</td>
                    <td className="num">{formatNumber(z.accepted, lang, 0)}</td>
                    <td className="num">{formatNumber(z.overdue, lang, 0)}</td>
                    <td>
                      <span className="share-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(z.share * 100)}%` }} />
                      </span>{" "}
                      {formatPercent(z.share, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
