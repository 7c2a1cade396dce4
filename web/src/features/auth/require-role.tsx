import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { canAdminister, useSession } from './session-context.tsx';

/** Org units and users: admins and education officers only. The server checks again. */
export function RequireAdministrator() {
  const { t } = useTranslation();
  const me = useSession();
  if (!canAdminister(me.role)) {
    return <EmptyState mt="xl" icon={<IconLock size={32} />} title={t('errors.forbidden')} />;
  }
  return <Outlet />;
}
