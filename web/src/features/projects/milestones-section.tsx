/**
 * "Milestones against plan" on a project's page: committed, revised and actual dates, how late, and
 * the supervision cases. Shown only to those who may read supervision; a 403 or 404 hides it.
 */
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { useProjectSchedule } from "./api.ts";

const TEXT = {
  vi: {
    title: "Tiến độ so với kế hoạch",
    status: "Tình trạng tiến độ",
    milestone: "Mốc",
    committed: "Cam kết",
    due: "Hạn (sau điều chỉnh)",
    actual: "Thực hiện",
    state: "Tình trạng",
    late: "Số ngày chậm",
    extended: "Đã giãn {u}/{m} tháng",
    cases: "Vụ việc giám sát",
    states: { done: "Đã thực hiện", done_late: "Thực hiện muộn", pending: "Chưa đến hạn", late: "Quá hạn" },
    schedule: {
      on_schedule: "Đúng tiến độ",
      late: "Chậm tiến độ",
      in_extension: "Đang giãn tiến độ",
      past_legal_limit: "Quá giới hạn luật định",
      completed: "Hoàn thành",
      terminated: "Chấm dứt",
      no_milestones: "Chưa có mốc",
    },
    stages: {
      warning: "Cảnh báo",
      extended: "Đã giãn tiến độ",
      recovered: "Đã khắc phục",
      terminated: "Chấm dứt dự án",
    },
  },
  en: {
    title: "Milestones against plan",
    status: "Schedule status",
    milestone: "Milestone",
    committed: "Committed",
    due: "Due (revised)",
    actual: "Reached",
    state: "State",
    late: "Days late",
    extended: "Extended {u} of {m} months",
    cases: "Supervision cases",
    states: { done: "Done", done_late: "Done late", pending: "Pending", late: "Late" },
    schedule: {
      on_schedule: "On schedule",
      late: "Late",
      in_extension: "In extension",
      past_legal_limit: "Past the legal limit",
      completed: "Completed",
      terminated: "Terminated",
      no_milestones: "No milestones",
    },
    stages: { warning: "Warning", extended: "Extended", recovered: "Recovered", terminated: "Terminated" },
  },
} as const;

export function MilestonesSection({ irc }: { irc: string }) {
  const { lang } = useI18n();
  const t = TEXT[lang];
  const session = useSession();
  const allowed = Boolean(session.data?.user && "supervision.read" in session.data.user.permissions);
  const found = useProjectSchedule(irc, allowed);
  if (!allowed || !found.data) return null;
  const s = found.data;
  const half = (label: string) => label.split(" / ")[lang === "en" ? 1 : 0] ?? label;
  return (
    <section aria-labelledby="milestones-plan" data-testid="milestones-plan">
      <h2 id="milestones-plan">{t.title}</h2>
      <p>
        {t.status}: <strong className={`tag schedule-${s.status}`}>{t.schedule[s.status]}</strong>
        {s.days_late > 0 && ` · ${t.late}: ${formatNumber(s.days_late, lang, 0)}`}
        {" · "}
        {t.extended.replace("{u}", String(s.extended_months)).replace("{m}", String(s.extension_max_months))}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.milestone}</th>
              <th scope="col">{t.committed}</th>
              <th scope="col">{t.due}</th>
              <th scope="col">{t.actual}</th>
              <th scope="col">{t.state}</th>
              <th scope="col" className="num">
                {t.late}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.milestones.map((m) => (
              <tr key={m.code}>
                <td>{half(m.label)}</td>
                <td>{formatDate(m.committed_due, lang)}</td>
                <td>{formatDate(m.due, lang)}</td>
                <td>{formatDate(m.actual_on, lang)}</td>
                <td>
                  <span className={`tag milestone-${m.state}`}>{t.states[m.state]}</span>
                </td>
                <td className="num">{formatNumber(m.days_late, lang, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {s.cases.length > 0 && (
        <>
          <h3>{t.cases}</h3>
          <ul className="plain">
            {s.cases.map((c) => (
              <li key={c.code}>
                <Link to={`/dau-tu/giam-sat/vu-viec/${c.code}`}>{c.code}</Link> · {t.stages[c.stage]} ·{" "}
                {formatDate(c.opened_on, lang)}
                {c.closed_on && ` – ${formatDate(c.closed_on, lang)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
