import { NavLink } from "react-router";
import { useCan } from "../../components/require-permission.tsx";
import { useExplorerText } from "./explorer-text.ts";
import { useProductionText } from "./production-text.ts";
import { useText } from "./text.ts";

/** The statistics section's tabs: all public but the production reports, shown to those who may use them. */
export function StatisticsNav() {
  const { x } = useText();
  const explorer = useExplorerText();
  const production = useProductionText();
  const can = useCan();
  return (
    <nav className="tabs" aria-label={x("title")}>
      <NavLink to="/thong-ke" end>
        {x("dashboard")}
      </NavLink>
      <NavLink to="/thong-ke/chi-tieu">{x("indicators")}</NavLink>
      <NavLink to="/thong-ke/iip">{explorer.x("explorerTab")}</NavLink>
      <NavLink to="/thong-ke/co-cau">{explorer.x("structureTab")}</NavLink>
      <NavLink to="/thong-ke/tinh-iip">{x("iip")}</NavLink>
      {(can("production.read") || can("production.submit")) && (
        <NavLink to="/thong-ke/san-luong">{production.x("reports")}</NavLink>
      )}
    </nav>
  );
}
