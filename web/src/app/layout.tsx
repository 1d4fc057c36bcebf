import { NavLink, Outlet, useNavigate } from "react-router";
import { useLogout, useSession } from "../features/auth/api.ts";
import { useI18n } from "../lib/i18n.tsx";

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="site-header">
        <div className="brand">
          <NavLink to="/">{t("app.name")}</NavLink>
          <span className="tagline">{t("app.tagline")}</span>
        </div>
        <nav aria-label={t("app.name")}>
          <NavLink to="/" end>
            {t("nav.home")}
          </NavLink>
          <NavLink to="/ban-do">{t("nav.map")}</NavLink>
          <NavLink to="/khu">{t("nav.zones")}</NavLink>
          <NavLink to="/doanh-nghiep">{t("nav.enterprises")}</NavLink>
          <NavLink to="/du-an">{t("nav.projects")}</NavLink>
          <NavLink to="/du-lieu-mo">{t("nav.openData")}</NavLink>
          {user ? (
            <>
              <NavLink to="/lam-viec">{t("nav.workspace")}</NavLink>
              <button
                type="button"
                className="link"
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/") })}
              >
                {t("nav.logout")} ({user.username})
              </button>
            </>
          ) : (
            <NavLink to="/dang-nhap">{t("nav.login")}</NavLink>
          )}
          <button
            type="button"
            className="lang"
            aria-label={t("app.languageLabel")}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {t("app.language")}
          </button>
        </nav>
      </header>
      <p className="banner" role="note">
        {t("app.synthetic")}
      </p>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
