import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { NAV_ITEMS } from '../../app/layout/nav-items.ts';
import { ComingSoonPage } from './coming-soon-page.tsx';
import { useTranslation } from 'react-i18next';

/** An address the app does not know, or a section of the navigation that is not built yet. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const soon = NAV_ITEMS.find((item) => item.comingSoon && item.path === pathname);
  if (soon) return <ComingSoonPage section={soon.key} />;
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapQuestion size={32} />}
      title={t('notFound.title')}
      description={t('notFound.description')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
