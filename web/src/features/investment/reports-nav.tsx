import { NavLink } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { useText } from "./text.ts";

/** The reports' views: the list, the review queue, overdue and completeness, the submission form. */
export function ReportsNav() {
  const { x } = useText();
  const can = useCan();
  return (
    <nav className="tabs subtabs" aria-label={x("reports")}>
      {can("report.read") && (
        <NavLink to="/dau-tu/bao-cao" end>
          {x("reportList")}
        </NavLink>
      )}
      {can("report.review") && <NavLink to="/dau-tu/bao-cao/cho-duyet">{x("reviewQueue")}</NavLink>}
      {can("report.read") && <NavLink to="/dau-tu/bao-cao/qua-han">{x("overdue")}</NavLink>}
      {can("report.submit") && <NavLink to="/dau-tu/bao-cao/nop">{x("submit")}</NavLink>}
    </nav>
  );
}
