/** /dau-tu/giam-sat: late projects by zone, cases by stage, the last check, then every project's schedule. */

import { useCan } from "../../components/require-permission.tsx";
import { Figure, LoadError, Loading } from "../../components/status.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSupervisionBoard } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { RunCheck } from "./run-check.tsx";
import { SchedulesList } from "./schedules-list.tsx";
import { SupervisionChart } from "./supervision-chart.tsx";
import { useText } from "./text.ts";

const STAGES = ["warning", "extended", "recovered", "terminated"];

export function SupervisionPage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const can = useCan();
  const board = useSupervisionBoard();
  const b = board.data;
  const last = b?.last_run;
  return (
    <>
      <h1>{x("supervision")}</h1>
      <InvestmentNav />
      {can("supervision.manage") && <RunCheck />}
      {board.error && <LoadError error={board.error} />}
      {board.isPending && <Loading />}
      {b && (
        <>
          <p className="muted" data-testid="last-run">
            {x("lastRun")}:{" "}
            {last
              ? `${formatDate(last.run_on, lang)}${last.finished_at ? ` (${formatDateTime(last.finished_at, lang)})` : ""}`
              : x("never")}
          </p>
          <h2>{x("stages")}</h2>
          <div className="figures" data-testid="stages">
            {STAGES.map((s) => (
              <Figure key={s} label={label("stage", s)} value={formatNumber(b.stages[s] ?? 0, lang, 0)} />
            ))}
          </div>
          {b.zones.length > 0 && <SupervisionChart zones={b.zones} />}
        </>
      )}
      <SchedulesList zones={b?.zones ?? []} />
    </>
  );
}
