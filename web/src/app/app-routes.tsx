import { Route, Routes } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { RequireAdministrator } from '../features/auth/require-role.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page.tsx';
import { NotFoundPage } from '../features/coming-soon/not-found-page.tsx';
import { ChildrenRoutes } from '../features/children/children-routes.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { ImportPage } from '../features/import/import-page.tsx';
import { CampaignsPage } from '../features/campaigns/campaigns-page.tsx';
import { CasesPage } from '../features/cases/cases-page.tsx';
import { HotlinePage } from '../features/hotline/hotline-page.tsx';
import { MaterialsPage } from '../features/materials/materials-page.tsx';
import { PlanPage } from '../features/plan/plan-page.tsx';
import { RaidsPage } from '../features/raids/raids-page.tsx';
import { PublicCampaignPage } from '../features/reports/public-campaign-page.tsx';
import { ReportPage } from '../features/reports/report-page.tsx';
import { OrgUnitsPage } from '../features/org-units/org-units-page.tsx';
import { SetupPage } from '../features/setup/setup-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { AidRoutes } from '../features/help/help-routes.tsx';
import { SponsorsPage } from '../features/help/sponsors-page.tsx';
import { NAV_ITEMS } from './layout/nav-items.ts';

export function AppRoutes() {
  return (
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
        {NAV_ITEMS.filter((item) => item.comingSoon).map((item) => (
          <Route key={item.key} path={item.path} element={<ComingSoonPage section={item.key} />} />
        ))}
        <Route element={<RequireAdministrator />}>
          <Route path="/org-units" element={<OrgUnitsPage />} />
          <Route path="/users" element={<UsersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
