import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { AuthFrame } from '../auth/auth-frame.tsx';
import { MIN_PASSWORD_LENGTH } from '../auth/password-dialog.tsx';
import { useCreateFirstAdmin, useSetupStatus } from './setup.api.ts';

type Field = 'name' | 'email' | 'password' | 'repeat';

/** First start: the one-time link the server printed creates the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useSetupStatus();
  const create = useCreateFirstAdmin();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    email: '',
    password: '',
    repeat: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((old) => ({ ...old, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.name.trim()) found.name = t('common.required');
    if (!values.email.trim()) found.email = t('common.required');
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = t('password.tooShort');
    else if (values.password !== values.repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { token, name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => queryClient.setQueryData(['setup', 'status'], { needed: false }),
        onError: (error) => {
          if (error instanceof ApiError) setErrors(error.fields);
        },
      },
    );
  };

  const goToSignIn = (
    <Button component={Link} to="/sign-in" data-testid="go-to-sign-in">
      {t('setup.goToSignIn')}
    </Button>
  );

  let body;
  if (create.isSuccess) {
    body = (
      <Stack>
        <Alert color="green">{t('setup.done')}</Alert>
        {goToSignIn}
      </Stack>
    );
  } else if (status.isPending) {
    body = <PageLoader />;
  } else if (status.data && !status.data.needed) {
    body = (
      <Stack>
        <Alert color="blue">{t('setup.notNeeded')}</Alert>
        {goToSignIn}
      </Stack>
    );
  } else if (!token) {
    body = <Alert color="yellow">{t('setup.noToken')}</Alert>;
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.error && (
            <Alert color="red" role="alert">
              {errorText(create.error)}
            </Alert>
          )}
          <TextInput
            label={t('setup.name')}
            autoComplete="name"
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            required
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            autoComplete="username"
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            required
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={errors.password}
            required
          />
          <PasswordInput
            label={t('setup.passwordRepeat')}
            autoComplete="new-password"
            value={values.repeat}
            onChange={set('repeat')}
            error={errors.repeat}
            required
          />
          <Button type="submit" loading={create.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.intro')}>
      {body}
    </AuthFrame>
  );
}
