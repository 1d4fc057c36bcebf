import { NavLink } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { useText } from "./text.ts";

/** The investment section's tabs: the catalogue for everyone, the rest by permission. */
export function InvestmentNav() {
  const { x } = useText();
  const can = useCan();
  return (
    <nav className="tabs" aria-label={x("title")}>
      <NavLink to="/dau-tu/danh-muc">{x("catalogue")}</NavLink>
      {can("screening.run") && <NavLink to="/dau-tu/sang-loc">{x("screening")}</NavLink>}
      {can("supervision.read") && (
        <>
          <NavLink to="/dau-tu/giam-sat" end>
            {x("supervision")}
          </NavLink>
          <NavLink to="/dau-tu/giam-sat/vu-viec">{x("cases")}</NavLink>
        </>
      )}
      {(can("report.read") || can("report.submit")) && <NavLink to="/dau-tu/bao-cao">{x("reports")}</NavLink>}
    </nav>
  );
}
