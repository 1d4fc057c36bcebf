import { NavLink } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { useProductionText } from "./production-text.ts";

/** The production reports' views, each shown to those who may use it: the list, the review queue, the form. */
export function ProductionNav() {
  const { x } = useProductionText();
  const can = useCan();
  return (
    <nav className="tabs subtabs" aria-label={x("reports")}>
      {can("production.read") && (
        <NavLink to="/thong-ke/san-luong" end>
          {x("reportList")}
        </NavLink>
      )}
      {can("production.review") && <NavLink to="/thong-ke/san-luong/cho-duyet">{x("queue")}</NavLink>}
      {can("production.submit") && <NavLink to="/thong-ke/san-luong/nop">{x("submit")}</NavLink>}
    </nav>
  );
}
