import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { orgUnitName } from '../org-units/org-unit-name.ts';
import { CampaignDashboard } from '../reports/campaign-dashboard.tsx';
import { useFocusYear } from '../reports/use-focus-year.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession();
  const { unit } = useCurrentOrg();
  // The default dates of the campaign people work on now (the latest one this unit has).
  const { year } = useFocusYear(unit.code);

  return (
    <Stack maw={760}>
      <Title order={2}>{t('dashboard.welcome', { name: me.name })}</Title>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>{t('app.campaign')}</Text>
          <Text>
            {t('dashboard.campaignDates', {
              from: formatDate(`${year}-08-01`, lang, 'long'),
              to: formatDate(`${year}-09-30`, lang, 'long'),
            })}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap={4}>
          <Text data-testid="dashboard-org">
            {t('dashboard.orgUnit', { org: orgUnitName(me.orgUnit, lang) })}
          </Text>
          {unit.code !== me.orgUnit.code && (
            <Text c="dimmed">{t('dashboard.viewing', { org: orgUnitName(unit, lang) })}</Text>
          )}
          <Text c="dimmed">{t('dashboard.role', { role: t(`roles.${me.role}`) })}</Text>
        </Stack>
      </Card>
      <CampaignDashboard />
      <Text c="dimmed">{t('dashboard.intro')}</Text>
    </Stack>
  );
}
