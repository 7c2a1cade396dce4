import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { useSetupStatus } from '../setup/setup.api.ts';
import { useMe, useSignIn } from './auth.api.ts';
import { AuthFrame } from './auth-frame.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const me = useMe();
  const setup = useSetupStatus();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pickedLang, setPickedLang] = useState<Lang | null>(null);

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password, pickedLang });
  };

  const fields = signIn.error instanceof ApiError ? signIn.error.fields : {};

  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle')} onPickLanguage={setPickedLang}>
      {setup.data?.needed && (
        <Alert color="yellow" data-testid="setup-needed">
          {t('signIn.setupNeeded')}
        </Alert>
      )}
      {signIn.error && (
        <Alert color="red" role="alert" data-testid="sign-in-error">
          {errorText(signIn.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fields.email}
          required
          mb="sm"
          data-testid="sign-in-email"
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fields.password}
          required
          mb="md"
          data-testid="sign-in-password"
        />
        <Button type="submit" fullWidth loading={signIn.isPending} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}

/** Only paths inside this app: a crafted ?next= must not send people elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
