import { Alert, Button, Center, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../../app/layout/app-layout.tsx';
import { PageLoader } from '../../app/page-loader.tsx';
import { useErrorText } from '../../api/use-error-text.ts';
import type { Me } from '../../api/types.ts';
import { NAMESPACES } from '../../i18n/i18n.ts';
import { rememberLanguage } from '../../i18n/language.ts';
import { CurrentOrgProvider } from '../org-units/current-org.tsx';
import { useMe } from './auth.api.ts';
import { SessionProvider } from './session-context.tsx';

/** The gate of the signed-in part: no session, no page. */
export function RequireAuth() {
  // Every namespace of the user's language, before any signed-in page renders (suspends until they are in; the
  // sign-in page needed only `ui`).
  const { t } = useTranslation(NAMESPACES);
  const errorText = useErrorText();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Center mih="60vh" p="md">
        <Stack align="center">
          <Alert color="red" role="alert">
            {errorText(me.error)}
          </Alert>
          <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    const target = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }

  return (
    <SessionProvider me={me.data}>
      <ProfileLanguage me={me.data} />
      <CurrentOrgProvider key={me.data.id}>
        <AppLayout />
      </CurrentOrgProvider>
    </SessionProvider>
  );
}

/** The profile's language wins once per signed-in user: it follows them from one computer to another. */
function ProfileLanguage({ me }: { me: Me }) {
  const { i18n } = useTranslation();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    if (me.lang !== i18n.language) void i18n.changeLanguage(me.lang);
    rememberLanguage(me.lang);
  }, [me.id, me.lang, i18n]);
  return null;
}
