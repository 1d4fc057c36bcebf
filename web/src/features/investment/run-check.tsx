/** For supervisors: run today's schedule check now instead of waiting for the nightly job. */

import { FormErrors } from "../../components/form-errors.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useRunSupervision } from "./api.ts";
import { useText } from "./text.ts";

export function RunCheck() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const run = useRunSupervision();
  const r = run.data;
  return (
    <div className="actions">
      <button type="button" className="primary" disabled={run.isPending} onClick={() => run.mutate()}>
        {x("runCheck")}
      </button>
      <FormErrors error={run.error} />
      {r && (
        <div role="status" className="run-result">
          {r.skipped
            ? x("runSkipped")
            : x("runDone")
                .replace("{p}", formatNumber(r.projects, lang, 0))
                .replace("{d}", formatDate(r.run_on, lang))
                .replace("{c}", formatNumber(r.cases_opened, lang, 0))
                .replace("{ms}", formatNumber(r.ms, lang, 0))}
          {!r.skipped && (
            <ul className="plain inline-list">
              {Object.entries(r.by_status).map(([s, n]) => (
                <li key={s}>
                  {label("schedule", s)}: {formatNumber(n, lang, 0)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
