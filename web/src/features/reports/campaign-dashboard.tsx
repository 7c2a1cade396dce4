import { Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { useDashboard } from './reports.api.ts';
import { reportHref } from './report-href.ts';

// The charts are code-split: the first paint of the home page does not wait for them.
const DashboardCharts = lazy(() => import('./dashboard-charts.tsx'));

/** The campaign's progress for the current unit; shows nothing when the unit has no campaign yet. */
export function CampaignDashboard() {
  const { t: tr } = useTranslation('reports');
  const lang = useLang();
  const { unit } = useCurrentOrg();
  const dashboard = useDashboard(unit.code, undefined, lang);
  if (dashboard.isPending) return <Loader size="sm" />;
  if (!dashboard.data) return null;
  return (
    <Stack gap="sm">
      <Title order={3}>
        {tr('ui.dashboard.title')} — {dashboard.data.year}
      </Title>
      {dashboard.data.total.students === 0 && <Text c="dimmed">{tr('ui.dashboard.noData')}</Text>}
      <Suspense fallback={<Loader size="sm" />}>
        <DashboardCharts
          data={dashboard.data}
          lang={lang}
          unitHref={(code) => reportHref(code, dashboard.data.year, lang)}
        />
      </Suspense>
    </Stack>
  );
}
