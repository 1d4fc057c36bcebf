/** One target on the leaders' dashboard: target against actual, the period and status of the actual, progress, sources. */
import { Link } from "react-router";
import { useI18n } from "../../lib/i18n.tsx";
import type { TargetRow } from "./api.ts";
import { ProgressBadge, StatusBadge } from "./badges.tsx";
import { formatPeriod } from "./period.ts";
import { formatGap, formatQuantity } from "./quantity.ts";
import { useText } from "./text.ts";

/** A link to a source: its host name as the text when it is an address, the text itself otherwise. */
export function SourceLink({ source }: { source: string | null }) {
  if (!source) return <>—</>;
  if (!/^https?:\/\//.test(source)) return <>{source}</>;
  let host = source;
  try {
    host = new URL(source).hostname.replace(/^www\./, "");
  } catch {
    // Not a valid address after all: show it as it is.
  }
  return (
    <a href={source} rel="noreferrer" target="_blank">
      {host}
    </a>
  );
}

export function TargetCard({ row }: { row: TargetRow }) {
  const { lang } = useI18n();
  const text = useText();
  const { x, label } = text;
  return (
    <article
      className={`card target-card progress-edge-${row.progress}`}
      data-testid={`target-${row.indicator_code}-${row.territory}`}
    >
      <h3>
        <Link to={`/thong-ke/chi-tieu/${row.indicator_code}`}>
          {lang === "en" ? row.name_en : row.name_vi}
        </Link>
      </h3>
      <p className="target-meta">
        <ProgressBadge progress={row.progress} />{" "}
        <span className="muted">{label("territory", row.territory)}</span>
      </p>
      <dl className="target-figures">
        <div>
          <dt>
            {x("target")} {row.year}
          </dt>
          <dd className="big-number">
            {formatQuantity(row.target, row.unit, lang, text)}
            {row.direction === "down" && <span className="muted"> {x("lowerBetter")}</span>}
          </dd>
        </div>
        <div>
          <dt>{x("actual")}</dt>
          <dd className="big-number">
            {row.actual === null ? (
              <span className="muted">{x("noActual")}</span>
            ) : (
              formatQuantity(row.actual, row.unit, lang, text)
            )}
          </dd>
        </div>
        <div>
          <dt>{x("period")}</dt>
          <dd>
            {formatPeriod(row.actual_period, lang)} <StatusBadge status={row.actual_status} />
          </dd>
        </div>
        <div>
          <dt>{x("gap")}</dt>
          <dd>{formatGap(row.gap, row.unit, lang, text)}</dd>
        </div>
      </dl>
      <p className="source">
        {x("source")}: <SourceLink source={row.actual_source_url} /> · {x("targetSource")}:{" "}
        <SourceLink source={row.target_source} />
      </p>
    </article>
  );
}
