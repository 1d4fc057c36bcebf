import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { NotFound } from "../components/not-found.tsx";
import { useLogout, useSession } from "../features/auth/api.ts";
import { useI18n } from "../lib/i18n.tsx";

/**
 * After an in-app navigation, the page's title names the page and focus moves to its content, as a
 * full page load would do for screen-reader and keyboard users.
 */
function usePageAnnouncement(): void {
  const { pathname } = useLocation();
  const { lang } = useI18n();
  const first = useRef(true);
  useEffect(() => {
    const timer = setTimeout(() => {
      // Read after the new page (path) has rendered, in the current language.
      document.body.dataset.page = `${lang}:${pathname}`;
      const heading = document.querySelector("main h1")?.textContent;
      document.title = heading ? `${heading} — Hải Phòng Industry` : "Hải Phòng Industry";
      if (!first.current) document.getElementById("main")?.focus();
      first.current = false;
    }, 300);
    return () => clearTimeout(timer);
  }, [pathname, lang]);
}

export function Layout({ error = false }: { error?: boolean }) {
  const { t, lang, setLang } = useI18n();
  usePageAnnouncement();
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
          <NavLink to="/moi-truong">{t("nav.environment")}</NavLink>
          <NavLink to="/dau-tu">{t("nav.investment")}</NavLink>
          <NavLink to="/thong-ke">{t("nav.statistics")}</NavLink>
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
            lang={lang === "vi" ? "en" : "vi"}
            title={t("app.languageLabel")}
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
        {error ? <NotFound /> : <Outlet />}
      </main>
    </>
  );
}
