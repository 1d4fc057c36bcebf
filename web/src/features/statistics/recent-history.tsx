/**
 * A flagged figure beside the enterprise's own last twelve months of the product: their median (the
 * level the API judged the jump against), how many times that level the figure is, and the months as bars.
 */
import { LoadError } from "../../components/status.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { formatMonth } from "./production.ts";
import { type Figure, useRecentFigures } from "./production-api.ts";
import { formatAmount } from "./production-columns.tsx";
import { useProductionText } from "./production-text.ts";

const BAR = 9;
const HEIGHT = 40;

function Bars({ history, figure }: { history: Figure[]; figure: Figure }) {
  const { lang } = useI18n();
  const all = [...history, figure];
  const max = Math.max(...all.map((f) => f.quantity), 1);
  const title = all.map((f) => `${formatMonth(f.month)}: ${formatNumber(f.quantity, lang, 2)}`).join("; ");
  return (
    <svg
      className="recent-bars"
      width={all.length * (BAR + 2)}
      height={HEIGHT}
      role="img"
      aria-label={title}
      viewBox={`0 0 ${all.length * (BAR + 2)} ${HEIGHT}`}
    >
      <title>{title}</title>
      {all.map((f, i) => {
        const h = Math.max(1, (f.quantity / max) * HEIGHT);
        return (
          <rect
            key={f.id}
            x={i * (BAR + 2)}
            y={HEIGHT - h}
            width={BAR}
            height={h}
            className={f.id === figure.id ? "bar-now" : "bar-before"}
          />
        );
      })}
    </svg>
  );
}

export function RecentHistory({ figure }: { figure: Figure }) {
  const { lang } = useI18n();
  const { x } = useProductionText();
  const recent = useRecentFigures(figure.enterprise_tax_code, figure.product_code, figure.month);
  if (recent.error) return <LoadError error={recent.error} />;
  if (!recent.data) return <span className="muted small">…</span>;
  // The level the server judged the figure against, kept in its flag (figures flagged before the
  // flag kept it show the flag's text instead).
  const jump = figure.flags.find((f) => f.median !== undefined);
  const level =
    jump && (jump.median as number) > 0 ? { median: jump.median as number, months: jump.months ?? 0 } : null;
  const flagged = figure.flags.find((f) => f.field === "quantity");
  return (
    <div className="recent-history" data-testid="recent-history">
      {level ? (
        <>
          <div>
            {x("median")}: <strong>{formatAmount(level.median, figure.unit, lang)}</strong>
          </div>
          <div className="muted small">
            {formatNumber(level.months, lang, 0)} {x("monthsOf")} · ×
            {formatNumber(figure.quantity / level.median, lang, 1)}
          </div>
        </>
      ) : flagged ? (
        <div className="muted small">{lang === "vi" ? flagged.vi : flagged.en}</div>
      ) : (
        <div className="muted small">{x("tooFew")}</div>
      )}
      {recent.data.length > 0 && <Bars history={recent.data} figure={figure} />}
    </div>
  );
}
