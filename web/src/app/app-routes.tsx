import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from './page-loader.tsx';

/**
 * Each page is its own chunk, fetched when the user first opens it: the sign-in page on an office PC over a slow
 * line downloads the shell and itself, not the whole app. (`npm run bundle-size` prints what each page costs.)
 */
function page<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const SignInPage = page(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage');
const SetupPage = page(() => import('../features/setup/setup-page.tsx'), 'SetupPage');
const PublicCampaignPage = page(
  () => import('../features/reports/public-campaign-page.tsx'),
  'PublicCampaignPage',
);
// The signed-in shell (session, navigation, layout) is a chunk of its own too: the sign-in page does not need it.
const RequireAuth = page(() => import('../features/auth/require-auth.tsx'), 'RequireAuth');
const RequireAdministrator = page(() => import('../features/auth/require-role.tsx'), 'RequireAdministrator');
const DashboardPage = page(() => import('../features/dashboard/dashboard-page.tsx'), 'DashboardPage');
const ChildrenRoutes = page(() => import('../features/children/children-routes.tsx'), 'ChildrenRoutes');
const AidRoutes = page(() => import('../features/help/help-routes.tsx'), 'AidRoutes');
const SponsorsPage = page(() => import('../features/help/sponsors-page.tsx'), 'SponsorsPage');
const ImportPage = page(() => import('../features/import/import-page.tsx'), 'ImportPage');
const CampaignsPage = page(() => import('../features/campaigns/campaigns-page.tsx'), 'CampaignsPage');
const PlanPage = page(() => import('../features/plan/plan-page.tsx'), 'PlanPage');
const MaterialsPage = page(() => import('../features/materials/materials-page.tsx'), 'MaterialsPage');
const HotlinePage = page(() => import('../features/hotline/hotline-page.tsx'), 'HotlinePage');
const RaidsPage = page(() => import('../features/raids/raids-page.tsx'), 'RaidsPage');
const CasesPage = page(() => import('../features/cases/cases-page.tsx'), 'CasesPage');
const ReportPage = page(() => import('../features/reports/report-page.tsx'), 'ReportPage');
const OrgUnitsPage = page(() => import('../features/org-units/org-units-page.tsx'), 'OrgUnitsPage');
const UsersPage = page(() => import('../features/users/users-page.tsx'), 'UsersPage');
const NotFoundPage = page(() => import('../features/coming-soon/not-found-page.tsx'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/public/:code/:year" element={<PublicCampaignPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<DashboardPage />} />
          <Route path="/children/*" element={<ChildrenRoutes />} />
          <Route path="/aid/*" element={<AidRoutes />} />
          <Route path="/sponsors" element={<SponsorsPage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/campaigns" element={<CampaignsPage />} />
          <Route path="/plan" element={<PlanPage />} />
          <Route path="/materials" element={<MaterialsPage />} />
          <Route path="/hotline" element={<HotlinePage />} />
          <Route path="/raids" element={<RaidsPage />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/reports" element={<ReportPage />} />
          <Route element={<RequireAdministrator />}>
            <Route path="/org-units" element={<OrgUnitsPage />} />
            <Route path="/users" element={<UsersPage />} />
          </Route>
          {/* Also the sections of the navigation not built yet (NAV_ITEMS' comingSoon). */}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
