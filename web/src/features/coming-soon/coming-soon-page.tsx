import { Button, EmptyState } from '@mantine/core';
import { IconHammer } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../../app/layout/nav-items.ts';

/** A section of the campaign that is not built yet: a friendly note instead of a broken page. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      variant="light"
      icon={<IconHammer size={32} />}
      title={t('comingSoon.title', { section: t(`nav.${section}`) })}
      description={t('comingSoon.description')}
      data-testid="coming-soon"
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
