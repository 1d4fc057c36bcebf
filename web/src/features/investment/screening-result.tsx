/** A screening's answer: the category, why, which catalogue, the derived facts, and every entry's criteria. */
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { useScreening } from "./api.ts";
import { CategoryBadge, SampleLabel } from "./badges.tsx";
import { useCriteriaText } from "./criteria.ts";
import { useText } from "./text.ts";

type Screening = NonNullable<ReturnType<typeof useScreening>["data"]>;
type Entry = Screening["entries"][number];

export function ScreeningResult({ result }: { result: Screening }) {
  const { lang } = useI18n();
  const { x } = useText();
  const text = useCriteriaText();
  const v = result.version;
  const facts = Object.entries(result.facts);
  return (
    <section className="screening-result" aria-labelledby="screening-result" data-testid="screening-result">
      <h2 id="screening-result">
        {x("result")} · {result.code}
      </h2>
      <p className="verdict">
        <CategoryBadge category={result.category} big />
      </p>
      <p className="explanation">{lang === "en" ? result.explanation.en : result.explanation.vi}</p>
      <dl className="facts">
        <dt>{x("projectName")}</dt>
        <dd>{String(result.proposal.title ?? "—")}</dd>
        <dt>{x("versionUsed")}</dt>
        <dd>
          <Link to={`/dau-tu/danh-muc/${v.code}`}>{v.code}</Link> — {v.title_vi}
          {v.decision_number && ` (${v.decision_number})`} · {formatDate(v.in_force_from, lang)} –{" "}
          {v.in_force_to ? formatDate(v.in_force_to, lang) : "…"} <SampleLabel sample={v.is_sample} />
        </dd>
        <dt>{x("screenedOn")}</dt>
        <dd>
          {formatDate(result.screened_on, lang)} · {result.username ?? "—"} ·{" "}
          {formatDateTime(result.created_at, lang)}
        </dd>
      </dl>
      <h3>{x("facts")}</h3>
      <dl className="facts">
        {facts.map(([field, value]) => (
          <FactRow
            key={field}
            label={text.field(field)}
            value={`${text.value(field, value)}${typeof value === "number" && text.unit(field) ? ` ${text.unit(field)}` : ""}`}
          />
        ))}
      </dl>
      <h3>{x("matched")}</h3>
      {result.entries.map((e) => (
        <EntryResult key={e.code} entry={e} />
      ))}
    </section>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function EntryResult({ entry: e }: { entry: Entry }) {
  const { lang } = useI18n();
  const { x, label } = useText();
  const text = useCriteriaText();
  const prohibition = e.criteria_role === "prohibition";
  return (
    <article className={`entry-result${e.effect === "decisive" ? " decisive" : ""}`}>
      <h4>
        {e.code} · <CategoryBadge category={e.category} />{" "}
        {lang === "en" && e.title_en ? e.title_en : e.title_vi}
        {e.effect === "decisive" && <strong className="decisive-tag"> — {x("decisive")}</strong>}
      </h4>
      <p className="muted">
        {x("matchedBy")}: {label("matchedBy", e.matched_by.kind)}
        {e.matched_by.value ? ` ${e.matched_by.value}` : ""} ·{" "}
        {e.criteria_met ? x("applies") : x("notApplies")}
        {e.legal_basis && ` · ${x("legalBasis")}: ${e.legal_basis}`}
      </p>
      {prohibition && e.criteria.length > 0 && <p className="muted">{x("prohibitionHint")}</p>}
      {e.criteria.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{`${e.code} — ${x("criteria")}`}</caption>
            <thead>
              <tr>
                <th scope="col">{x("criterion")}</th>
                <th scope="col">{prohibition ? x("refusedWhen") : x("required")}</th>
                <th scope="col">{x("actual")}</th>
                <th scope="col">
                  {prohibition ? `${x("holds")} / ${x("holdsNot")}` : `${x("pass")} / ${x("fail")}`}
                </th>
                <th scope="col">{x("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {e.criteria.map((c) => (
                <tr key={`${c.field}${c.operator}`}>
                  <td>{text.field(c.field)}</td>
                  <td>{text.required(c)}</td>
                  <td>
                    {c.missing
                      ? x("missing")
                      : `${text.value(c.field, c.actual)}${typeof c.actual === "number" ? ` ${text.unit(c.field, c.unit)}` : ""}`}
                  </td>
                  <td>
                    {prohibition ? (
                      // For a refusing entry, the condition holding is the bad news.
                      <span className={c.pass ? "fail" : "pass"}>
                        {c.pass ? `✗ ${x("holds")}` : `✓ ${x("holdsNot")}`}
                      </span>
                    ) : (
                      <span className={c.pass ? "pass" : "fail"}>
                        {c.pass ? `✓ ${x("pass")}` : `✗ ${x("fail")}`}
                      </span>
                    )}
                  </td>
                  <td>{lang === "en" ? c.reason.en : c.reason.vi}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
