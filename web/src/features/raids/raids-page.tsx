import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatDate } from '#domain/dates';
import { useErrorText } from '../../api/use-error-text.ts';
import { useFocusYear } from '../reports/use-focus-year.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { OutboxPanel } from '../field-sync/outbox-panel.tsx';
import { useOutbox } from '../field-sync/use-outbox.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { RaidForm } from './raid-form.tsx';
import { useRaids, useRefreshOperations, type RaidInput } from './raids.api.ts';

export function RaidsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const { unit } = useCurrentOrg();
  const focus = useFocusYear(unit.code);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? focus.year;
  const setYear = setPicked;
  const raids = useRaids(unit.code, year);
  const refresh = useRefreshOperations();
  const box = useOutbox(refresh);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<'sent' | 'queued' | null>(null);
  const labels = COMMON_MESSAGES[lang];
  const isSchool = unit.type === 'school';

  const save = async (raid: RaidInput) => {
    const result = await box.submit({
      id: raid.id,
      method: 'POST',
      path: '/api/raids',
      body: raid,
      label: t('operations:raids.entryLabel', { date: formatDate(raid.heldOn, lang, 'short') }),
    });
    setNotice(result);
    setAdding(false);
  };

  return (
    <Stack maw={720}>
      <Group justify="space-between">
        <Title order={2}>{t('operations:raids.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/cases" variant="subtle">
            {t('operations:cases.title')}
          </Button>
          {isSchool && !adding && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              data-testid="raid-new"
            >
              {t('operations:raids.new')}
            </Button>
          )}
        </Group>
      </Group>
      <OutboxPanel
        entries={box.entries}
        isOnline={box.isOnline}
        onRetry={(id) => {
          box.retry(id);
          void box.flush();
        }}
        onDismiss={box.dismiss}
        onFlush={() => void box.flush()}
      />
      {notice && (
        <Alert
          color={notice === 'sent' ? 'green' : 'gray'}
          withCloseButton
          onClose={() => setNotice(null)}
          data-testid="raid-notice"
        >
          {t(`operations:sync.${notice}`)}
        </Alert>
      )}
      {adding ? (
        <RaidForm org={unit.code} onSubmit={save} />
      ) : (
        <>
          <NumberInput
            label={t('operations:common.year')}
            value={year}
            onChange={(v) => setYear(Number(v) || year)}
            w={140}
          />
          {raids.isPending ? (
            <PageLoader />
          ) : raids.isError ? (
            <Alert color="red">{errorText(raids.error)}</Alert>
          ) : raids.data.length === 0 ? (
            <Text c="dimmed">{t('operations:raids.empty')}</Text>
          ) : (
            raids.data.map((raid) => (
              <Card key={raid.id} withBorder data-testid="raid-card">
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Text fw={600}>
                      {formatDate(raid.heldOn, lang)}
                      {raid.timeFrom ? `, ${raid.timeFrom}${raid.timeTo ? `–${raid.timeTo}` : ''}` : ''}
                    </Text>
                    <Badge variant="light">
                      {t('operations:raids.found', { count: raid.children.length })}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {raid.places
                      .map((p) => `${labels.placeKind[p.kind]}${p.name ? ` (${p.name})` : ''}`)
                      .join('; ')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {raid.participants
                      .map(
                        (p) =>
                          `${labels.participantKind[p.kind]}: ${p.count}${p.organisations ? ` (${p.organisations})` : ''}`,
                      )
                      .join('; ')}
                  </Text>
                  {raid.children.map((c) => (
                    <Text size="sm" key={c.id}>
                      • {c.fullName} — {c.reason}
                      {c.action ? ` → ${c.action}` : ''}
                    </Text>
                  ))}
                </Stack>
              </Card>
            ))
          )}
        </>
      )}
    </Stack>
  );
}
