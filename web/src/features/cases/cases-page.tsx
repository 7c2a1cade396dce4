import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { OutboxPanel } from '../field-sync/outbox-panel.tsx';
import { useOutbox } from '../field-sync/use-outbox.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { useRefreshOperations } from '../raids/raids.api.ts';
import { CaseStepForm, type CaseStepInput } from './case-step-form.tsx';
import { useCases, type NonAttendanceCase } from './cases.api.ts';

/** Open non-attendance cases, oldest first, with overdue follow-ups standing out; steps are added on a phone. */
export function CasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession();
  const errorText = useErrorText();
  const { unit } = useCurrentOrg();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const cases = useCases(unit.code, status);
  const refresh = useRefreshOperations();
  const box = useOutbox(refresh);
  const [stepFor, setStepFor] = useState<string | null>(null);
  const canWrite = unit.type === 'school' && me.role !== 'officer';

  const addStep = async (c: NonAttendanceCase, step: CaseStepInput) => {
    await box.submit({
      id: step.id,
      method: 'POST',
      path: `/api/cases/${c.id}/steps`,
      body: step,
      label: `${c.childName}: ${t(`operations:cases.steps.${step.kind}`)}`,
    });
    setStepFor(null);
  };

  return (
    <Stack maw={720}>
      <Title order={2}>{t('operations:cases.title')}</Title>
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
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v)}
        data={(['open', 'closed', 'all'] as const).map((s) => ({
          value: s,
          label: t(`operations:cases.filter.${s}`),
        }))}
      />
      {cases.isPending ? (
        <PageLoader />
      ) : cases.isError ? (
        <Alert color="red">{errorText(cases.error)}</Alert>
      ) : cases.data.length === 0 ? (
        <Text c="dimmed">{t('operations:cases.empty')}</Text>
      ) : (
        cases.data.map((c) => (
          <Card
            key={c.id}
            withBorder
            data-testid="case-card"
            data-overdue={c.overdue || undefined}
            style={c.overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{c.childName}</Text>
                {c.status === 'closed' ? (
                  <Badge color="green">{t('operations:cases.attends')}</Badge>
                ) : c.overdue ? (
                  <Badge color="red" data-testid="case-overdue">
                    {t('operations:cases.overdue')}
                  </Badge>
                ) : (
                  <Badge variant="light">{t('operations:cases.open')}</Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t(`operations:cases.source.${c.source}`)} ·{' '}
                {t('operations:cases.openedOn', { date: formatDate(c.openedOn, lang, 'short') })}
                {c.dueOn && c.status === 'open'
                  ? ` · ${t('operations:cases.dueOn', { date: formatDate(c.dueOn, lang, 'short') })}`
                  : ''}
              </Text>
              {c.steps.map((s) => (
                <Text size="sm" key={s.id}>
                  {formatDate(s.doneOn, lang, 'short')} — {t(`operations:cases.steps.${s.kind}`)} ({s.byWhom})
                  {s.notes ? `: ${s.notes}` : ''}
                </Text>
              ))}
              {canWrite &&
                c.status === 'open' &&
                (stepFor === c.id ? (
                  <CaseStepForm openedOn={c.openedOn} defaultBy={me.name} onSubmit={(s) => addStep(c, s)} />
                ) : (
                  <Button variant="light" onClick={() => setStepFor(c.id)} data-testid="case-add-step">
                    {t('operations:cases.addStep')}
                  </Button>
                ))}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
