/** A year's structure: the high-tech share, donuts of ownership and sections, the largest divisions, and the tables. */
import { useCallback } from "react";
import { Figure } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { fixed } from "./figures.ts";
import { type Structure, useVsicNames } from "./iip-api.ts";
import { industryName } from "./industry-name.ts";
import { ShareTable } from "./share-table.tsx";
import { DivisionBars, ShareDonut } from "./structure-charts.tsx";
import { useText } from "./text.ts";

const OWNERSHIP_COLOURS: Record<string, string> = {
  state: "#b45309",
  non_state: "#0f766e",
  foreign: "#0b5cad",
};
const OWNERSHIP_ORDER = ["state", "non_state", "foreign"];

export function StructureView({ structure: s }: { structure: Structure }) {
  const { lang } = useI18n();
  const e = useExplorerText();
  const text = useText();
  const names = useVsicNames();
  const industry = useCallback((code: string) => industryName(code, names.data, text), [names.data, text]);
  const ownership = useCallback((code: string) => e.label("ownership", code), [e]);
  const byOwnership = [...s.by_ownership].sort(
    (a, b) => OWNERSHIP_ORDER.indexOf(a.code) - OWNERSHIP_ORDER.indexOf(b.code),
  );
  return (
    <section aria-label={`${e.x("structure")} ${s.year}`} data-testid="structure">
      <div className="figures wide-figures">
        <Figure
          label={e.x("highTech")}
          value={
            s.high_tech_share_manufacturing === null
              ? "—"
              : `${fixed(s.high_tech_share_manufacturing, lang)}%`
          }
          note={e.x("highTechNote")}
        />
        <Figure label={e.x("atBasePrices")} value={s.base} note={text.label("territory", s.territory)} />
      </div>
      <p className="muted small rounding-note">{e.x("roundingNote")}</p>
      <div className="chart-pair">
        <ShareDonut
          title={e.x("byOwnership")}
          rows={byOwnership}
          name={ownership}
          colours={OWNERSHIP_COLOURS}
          testId="ownership-donut"
        />
        <ShareDonut title={e.x("bySection")} rows={s.by_section} name={industry} testId="section-donut" />
      </div>
      <DivisionBars
        title={e.x("topDivisions")}
        rows={s.by_division}
        name={industry}
        othersLabel={e.x("others")}
      />
      <div className="share-tables">
        <ShareTable
          title={e.x("byOwnership")}
          rows={byOwnership}
          name={ownership}
          sum={s.ownership_sum}
          testId="ownership-shares"
        />
        <ShareTable title={e.x("bySection")} rows={s.by_section} name={industry} testId="section-shares" />
      </div>
      <ShareTable title={e.x("byDivision")} rows={s.by_division} name={industry} testId="division-shares" />
      {lang === "en" && <p className="muted small">{e.x("vsicInVietnamese")}</p>}
    </section>
  );
}
