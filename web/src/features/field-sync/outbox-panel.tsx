import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from './outbox.ts';

/** What has not reached the server yet: waiting entries, and refusals the user must see and settle. */
export function OutboxPanel({
  entries,
  isOnline,
  onRetry,
  onDismiss,
  onFlush,
}: {
  entries: OutboxEntry[];
  isOnline: boolean;
  onRetry: (id: string) => void;
  onDismiss: (id: string) => void;
  onFlush: () => void;
}) {
  const { t } = useTranslation();
  const pending = entries.filter((e) => e.state === 'pending');
  const problems = entries.filter((e) => e.state !== 'pending');
  if (entries.length === 0 && isOnline) return null;
  return (
    <Stack gap="xs" data-testid="outbox">
      {!isOnline && (
        <Alert color="gray" icon={<IconCloudOff size={18} />} data-testid="offline-note">
          {t('operations:sync.offline')}
        </Alert>
      )}
      {pending.length > 0 && (
        <Group justify="space-between" gap="xs">
          <Text size="sm" data-testid="outbox-pending">
            {t('operations:sync.pending', { count: pending.length })}
          </Text>
          <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onFlush}>
            {t('operations:sync.sendNow')}
          </Button>
        </Group>
      )}
      {problems.map((e) => (
        <Alert
          key={e.id}
          color={e.state === 'conflict' ? 'orange' : 'red'}
          title={e.label}
          data-testid={`outbox-problem-${e.state}`}
        >
          <Stack gap={4}>
            <Badge color={e.state === 'conflict' ? 'orange' : 'red'} variant="light">
              {t(`operations:sync.state.${e.state}`)}
            </Badge>
            <Text size="sm">{e.message || t('operations:sync.refused')}</Text>
            {Object.entries(e.fields ?? {}).map(([field, message]) => (
              <Text size="xs" key={field}>
                {field}: {message}
              </Text>
            ))}
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => onRetry(e.id)}>
                {t('operations:sync.retry')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => onDismiss(e.id)}>
                {t('operations:sync.dismiss')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
