import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { NotFound } from "../components/not-found.tsx";
import { RequirePermission } from "../components/require-permission.tsx";
import { Loading } from "../components/status.tsx";
import { AuditPage } from "../features/admin/audit-page.tsx";
import { TokensPage } from "../features/admin/tokens-page.tsx";
import { UsersPage } from "../features/admin/users-page.tsx";
import { LoginPage } from "../features/auth/login-page.tsx";
import { EnterprisePage } from "../features/enterprises/enterprise-page.tsx";
import { EnterprisesPage } from "../features/enterprises/enterprises-page.tsx";
import { CasePage } from "../features/environment/case-page.tsx";
import { CasesPage } from "../features/environment/cases-page.tsx";
import { ExceedancesPage } from "../features/environment/exceedances-page.tsx";
import { NewStationPage } from "../features/environment/new-station-page.tsx";
import { StationPage } from "../features/environment/station-page.tsx";
import { StationsPage } from "../features/environment/stations-page.tsx";
import { HomePage } from "../features/home/home-page.tsx";
import { CataloguePage } from "../features/investment/catalogue-page.tsx";
import { CatalogueVersionPage } from "../features/investment/catalogue-version-page.tsx";
import { OverduePage } from "../features/investment/overdue-page.tsx";
import { ReportFormPage } from "../features/investment/report-form-page.tsx";
import { ReportsPage } from "../features/investment/reports-page.tsx";
import { ReviewQueuePage } from "../features/investment/review-queue-page.tsx";
import { ScreeningDetailPage } from "../features/investment/screening-detail-page.tsx";
import { ScreeningPage } from "../features/investment/screening-page.tsx";
import { SupervisionCasePage } from "../features/investment/supervision-case-page.tsx";
import { SupervisionCasesPage } from "../features/investment/supervision-cases-page.tsx";
import { SupervisionPage } from "../features/investment/supervision-page.tsx";
import { communesGeoJsonQuery, zonesGeoJsonQuery } from "../features/map/api.ts";
import { OpenDataPage } from "../features/opendata/open-data-page.tsx";
import { ProjectPage } from "../features/projects/project-page.tsx";
import { ProjectsPage } from "../features/projects/projects-page.tsx";
import { DashboardPage } from "../features/statistics/dashboard-page.tsx";
import { IipExplorerPage } from "../features/statistics/iip-explorer-page.tsx";
import { IipPage } from "../features/statistics/iip-page.tsx";
import { IndicatorPage } from "../features/statistics/indicator-page.tsx";
import { IndicatorsPage } from "../features/statistics/indicators-page.tsx";
import { ProductionDetailPage } from "../features/statistics/production-detail-page.tsx";
import { ProductionFormPage } from "../features/statistics/production-form-page.tsx";
import { ProductionPage } from "../features/statistics/production-page.tsx";
import { ProductionQueuePage } from "../features/statistics/production-queue-page.tsx";
import { StructurePage } from "../features/statistics/structure-page.tsx";
import { CompanyFilePage } from "../features/workspace/company-file-page.tsx";
import { WorkspacePage } from "../features/workspace/workspace-page.tsx";
import { ZonePage } from "../features/zones/zone-page.tsx";
import { ZonesPage } from "../features/zones/zones-page.tsx";
import { Layout } from "./layout.tsx";
import { queryClient } from "./query-client.ts";

/** A page behind a permission: the API refuses anyway; this says so in words instead of a broken page. */
const guarded = (permission: string, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

// MapLibre is most of the app's weight: it loads only when the map is opened.
const MapPage = lazy(() => import("../features/map/map-page.tsx"));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <Layout error />,
    children: [
      { path: "/", element: <HomePage /> },
      {
        path: "/ban-do",
        // Start the map's data while its code (MapLibre) is still downloading, not after.
        loader: () => {
          void queryClient.prefetchQuery(zonesGeoJsonQuery);
          void queryClient.prefetchQuery(communesGeoJsonQuery);
          return null;
        },
        element: (
          <Suspense fallback={<Loading />}>
            <MapPage />
          </Suspense>
        ),
      },
      { path: "/khu", element: <ZonesPage /> },
      { path: "/khu/:code", element: <ZonePage /> },
      { path: "/doanh-nghiep", element: <EnterprisesPage /> },
      { path: "/doanh-nghiep/:taxCode", element: <EnterprisePage /> },
      { path: "/du-an", element: <ProjectsPage /> },
      { path: "/du-an/:irc", element: <ProjectPage /> },
      { path: "/du-lieu-mo", element: <OpenDataPage /> },
      { path: "/moi-truong", element: <StationsPage /> },
      {
        path: "/moi-truong/tram-moi",
        element: (
          <RequirePermission permission="station.manage">
            <NewStationPage />
          </RequirePermission>
        ),
      },
      { path: "/moi-truong/tram/:code", element: <StationPage /> },
      { path: "/moi-truong/vuot-gioi-han", element: <ExceedancesPage /> },
      {
        path: "/moi-truong/vu-viec",
        element: (
          <RequirePermission permission="case.read">
            <CasesPage />
          </RequirePermission>
        ),
      },
      {
        path: "/moi-truong/vu-viec/:code",
        element: (
          <RequirePermission permission="case.read">
            <CasePage />
          </RequirePermission>
        ),
      },
      { path: "/dau-tu", element: <Navigate to="/dau-tu/danh-muc" replace /> },
      { path: "/dau-tu/danh-muc", element: <CataloguePage /> },
      { path: "/dau-tu/danh-muc/:code", element: <CatalogueVersionPage /> },
      { path: "/dau-tu/sang-loc", element: guarded("screening.run", <ScreeningPage />) },
      { path: "/dau-tu/sang-loc/:code", element: guarded("screening.read", <ScreeningDetailPage />) },
      { path: "/dau-tu/giam-sat", element: guarded("supervision.read", <SupervisionPage />) },
      { path: "/dau-tu/giam-sat/vu-viec", element: guarded("supervision.read", <SupervisionCasesPage />) },
      {
        path: "/dau-tu/giam-sat/vu-viec/:code",
        element: guarded("supervision.read", <SupervisionCasePage />),
      },
      { path: "/dau-tu/bao-cao", element: guarded("report.read", <ReportsPage />) },
      { path: "/dau-tu/bao-cao/cho-duyet", element: guarded("report.review", <ReviewQueuePage />) },
      { path: "/dau-tu/bao-cao/qua-han", element: guarded("report.read", <OverduePage />) },
      { path: "/dau-tu/bao-cao/nop", element: guarded("report.submit", <ReportFormPage />) },
      { path: "/thong-ke", element: <DashboardPage /> },
      { path: "/thong-ke/chi-tieu", element: <IndicatorsPage /> },
      { path: "/thong-ke/chi-tieu/:code", element: <IndicatorPage /> },
      { path: "/thong-ke/tinh-iip", element: <IipPage /> },
      { path: "/thong-ke/san-luong", element: guarded("production.read", <ProductionPage />) },
      { path: "/thong-ke/san-luong/nop", element: guarded("production.submit", <ProductionFormPage />) },
      {
        path: "/thong-ke/san-luong/cho-duyet",
        element: guarded("production.review", <ProductionQueuePage />),
      },
      { path: "/thong-ke/san-luong/:id", element: guarded("production.read", <ProductionDetailPage />) },
      { path: "/thong-ke/iip", element: <IipExplorerPage /> },
      { path: "/thong-ke/co-cau", element: <StructurePage /> },
      { path: "/dang-nhap", element: <LoginPage /> },
      { path: "/lam-viec", element: <WorkspacePage /> },
      { path: "/lam-viec/doanh-nghiep/:taxCode", element: <CompanyFilePage /> },
      {
        path: "/lam-viec/nguoi-dung",
        element: (
          <RequirePermission permission="user.read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: "/lam-viec/khoa-api",
        element: (
          <RequirePermission permission="token.manage">
            <TokensPage />
          </RequirePermission>
        ),
      },
      {
        path: "/lam-viec/nhat-ky",
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
