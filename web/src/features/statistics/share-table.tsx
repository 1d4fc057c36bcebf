/** Shares of a total as a table: one row per part, shown to 2 decimals, and the sum of the unrounded shares. */
import { useI18n } from "../../lib/i18n.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { fixed } from "./figures.ts";
import type { Share } from "./iip-api.ts";

export function ShareTable(props: {
  title: string;
  rows: Share[];
  name: (code: string) => string;
  /** The sum as the API states it (ownership), else the sum of the rows. */
  sum?: number;
  testId: string;
}) {
  const { lang } = useI18n();
  const e = useExplorerText();
  const sum = props.sum ?? props.rows.reduce((a, r) => a + r.share, 0);
  return (
    <section className="share-table">
      <h3>{props.title}</h3>
      <div className="table-scroll">
        <table data-testid={props.testId}>
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{e.x("name")}</th>
              <th scope="col" className="num">
                {e.x("share")}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{props.name(r.code)}</th>
                <td className="num">{fixed(r.share, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{e.x("sum")}</th>
              <td className="num">{fixed(sum, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
