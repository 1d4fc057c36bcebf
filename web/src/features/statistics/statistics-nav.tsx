import { NavLink } from "react-router";
import { useText } from "./text.ts";

/** The statistics section's tabs: all public. */
export function StatisticsNav() {
  const { x } = useText();
  return (
    <nav className="tabs" aria-label={x("title")}>
      <NavLink to="/thong-ke" end>
        {x("dashboard")}
      </NavLink>
      <NavLink to="/thong-ke/chi-tieu">{x("indicators")}</NavLink>
      <NavLink to="/thong-ke/tinh-iip">{x("iip")}</NavLink>
    </nav>
  );
}
