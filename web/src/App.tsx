// The shell (header, menu by role, language switch, logout, <main>) and the routes of CONTRACT.md.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { Loading } from "./components/Loading";
import { Forbidden } from "./components/Forbidden";
import { useLang, useT } from "./i18n";
import { homePath, mayOpen, menuPages, pagePaths, useSession, type PageName } from "./session";
import LoginPage from "./pages/LoginPage";

// Pages load on first use, so the login page does not wait for the charts library.
const OverviewPage = lazy(() => import("./pages/OverviewPage"));
const ComparePage = lazy(() => import("./pages/ComparePage"));
const ImportPage = lazy(() => import("./pages/ImportPage"));
const RegionPage = lazy(() => import("./pages/RegionPage"));
const MePage = lazy(() => import("./pages/MePage"));
const ForecastPage = lazy(() => import("./pages/ForecastPage"));

const navTestIds: Record<PageName, string> = {
  overview: "nav-overview",
  compare: "nav-compare",
  import: "nav-import",
  region: "nav-region",
  forecast: "nav-forecast",
  me: "nav-me",
};

function Header() {
  const t = useT();
  const [lang, setLang] = useLang();
  const { user, role, logout } = useSession();
  const navigate = useNavigate();

  async function onLogout() {
    await logout();
    navigate("/logg-inn", { replace: true });
  }

  return (
    <header className="app-header">
      <div className="header-inner">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">K</span>
          <span className="brand-text">
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-tagline">{t("app.tagline")}</span>
          </span>
        </a>
        {user ? (
          <nav className="main-nav" aria-label={t("nav.label")}>
            <ul>
              {menuPages(role).map((page) => (
                <li key={page}>
                  <NavLink to={pagePaths[page]} data-testid={navTestIds[page]}>{t(`nav.${page}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          {user ? (
            <span className="user-name" data-testid="user-name" title={t(`role.${user.role}`)}>
              {user.display_name || user.username}
            </span>
          ) : null}
          <button type="button" className="button button-ghost" data-testid="lang-switch"
                  lang={lang === "nb" ? "en" : "nb"} onClick={() => setLang(lang === "nb" ? "en" : "nb")}>
            {t("lang.switch")}
          </button>
          {user ? (
            <button type="button" className="button button-ghost" data-testid="logout" onClick={onLogout}>
              {t("nav.logout")}
            </button>
          ) : null}
        </div>
      </div>
    </header>
  );
}

/** Renders the page if the role may open it; anonymous users go to login and come back. */
function Guard({ page, children }: { page: PageName; children: ReactNode }) {
  const { user, role } = useSession();
  const location = useLocation();
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/logg-inn?neste=${next}`} replace />;
  }
  if (!mayOpen(role, page)) return <Forbidden />;
  return <>{children}</>;
}

function Home() {
  const { user, role } = useSession();
  return <Navigate to={user ? homePath(role) : "/logg-inn"} replace />;
}

function NotFound() {
  const t = useT();
  return (
    <section className="page-narrow">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
    </section>
  );
}

export function App() {
  const t = useT();
  const { loaded } = useSession();
  const location = useLocation();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t("app.skip")}</a>
      <Header />
      <main id="main" className="app-main" tabIndex={-1}>
        {!loaded ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/logg-inn" element={<LoginPage />} />
            <Route path="/oversikt" element={<Guard page="overview"><OverviewPage /></Guard>} />
            <Route path="/sammenligning" element={<Guard page="compare"><ComparePage /></Guard>} />
            <Route path="/import" element={<Guard page="import"><ImportPage /></Guard>} />
            <Route path="/region" element={<Guard page="region"><RegionPage /></Guard>} />
            <Route path="/fremskrivning" element={<Guard page="forecast"><ForecastPage /></Guard>} />
            <Route path="/meg" element={<Guard page="me"><MePage /></Guard>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
          </Suspense>
        )}
      </main>
      <footer className="app-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </div>
  );
}
