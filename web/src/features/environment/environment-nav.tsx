import { NavLink } from "react-router";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";

/** The monitoring section's tabs; the case board only for those who may read cases. */
export function EnvironmentNav() {
  const { t } = useI18n();
  const session = useSession();
  const canCases = Boolean(session.data?.user && "case.read" in session.data.user.permissions);
  return (
    <nav className="tabs" aria-label={t("env.title")}>
      <NavLink to="/moi-truong" end>
        {t("env.stations")}
      </NavLink>
      <NavLink to="/moi-truong/vuot-gioi-han">{t("env.exceedances")}</NavLink>
      {canCases && <NavLink to="/moi-truong/vu-viec">{t("env.cases")}</NavLink>}
      <NavLink to="/ban-do">{t("env.aqiMap")}</NavLink>
    </nav>
  );
}
