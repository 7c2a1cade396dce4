import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { useChangePassword } from './auth.api.ts';

export const MIN_PASSWORD_LENGTH = 10;

type Field = 'currentPassword' | 'newPassword' | 'repeat';

export function PasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setErrors({});
    setFormError(null);
    change.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.currentPassword = t('common.required');
    if (next.length < MIN_PASSWORD_LENGTH) found.newPassword = t('password.tooShort');
    else if (next !== repeat) found.repeat = t('password.mismatch');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;

    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.done') });
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) {
            setErrors({ currentPassword: errorText(error) });
          } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
            setErrors({
              currentPassword: error.fields.currentPassword,
              newPassword: error.fields.newPassword,
            });
            setFormError(error.message || null);
          } else {
            setFormError(errorText(error));
          }
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            required
            data-autofocus
          />
          <PasswordInput
            label={t('password.new')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            required
          />
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
