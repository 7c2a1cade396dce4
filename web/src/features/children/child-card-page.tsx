import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '#domain/dates';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { fullName, schoolName } from './child-labels.ts';
import { ChildForm } from './child-form.tsx';
import { useChild, useChildHistory } from './children.api.ts';
import { NeedsEditor } from './needs-editor.tsx';
import { StatusActions } from './status-actions.tsx';
import { StatusBadge } from './status-badge.tsx';

function History({ id }: { id: string }) {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const history = useChildHistory(id);
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {(history.data ?? []).map((h, i) => (
        <Timeline.Item key={i} title={tc(`status.${h.to}`)}>
          <Text size="sm" c="dimmed">
            {formatDate(h.at.slice(0, 10), lang, 'short')} · {h.actor}
          </Text>
          {h.reason && <Text size="sm">{h.reason}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A child's card (each opening is an audited view) or, at /children/new, the form for a new child. */
export function ChildCardPage() {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { unit: scope } = useCurrentOrg();
  const { id } = useParams();
  const isNew = id === undefined;
  const child = useChild(isNew ? null : id);

  if (isNew) {
    return (
      <Stack>
        <Anchor component={Link} to="/children">
          {tc('card.back')}
        </Anchor>
        <Title order={2}>{tc('card.new')}</Title>
        <ChildForm
          child={null}
          schoolCode={scope.type === 'school' ? scope.code : undefined}
          onSaved={(saved) => void navigate(`/children/${saved.id}`, { replace: true })}
        />
      </Stack>
    );
  }
  if (child.isPending) return <PageLoader />;
  if (child.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(child.error)}
      </Alert>
    );
  }
  const c = child.data;
  return (
    <Stack>
      <Anchor component={Link} to="/children">
        {tc('card.back')}
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} data-testid="child-title">
              {fullName(c)}
            </Title>
            <Text c="dimmed">
              {schoolName(c, lang)} · {c.classLabel} · {formatDate(c.birthDate, lang, 'short')}
            </Text>
            <Group gap="xs">
              <StatusBadge status={c.status} />
              {c.possibleDuplicate && (
                <Badge color="orange" variant="light">
                  {tc('list.possibleDuplicate')}
                </Badge>
              )}
              {c.rejectReason && <Text size="sm">{tc('card.rejectReason', { reason: c.rejectReason })}</Text>}
            </Group>
          </Stack>
          <StatusActions child={c} onChanged={() => undefined} />
        </Group>
      </Paper>
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{tc('card.data')}</Tabs.Tab>
          <Tabs.Tab value="needs" data-testid="child-tab-needs">
            {tc('card.needs')}
          </Tabs.Tab>
          <Tabs.Tab value="history">{tc('card.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          {/* A fresh form whenever a new version arrives (after a status change, say). */}
          <ChildForm key={c.version} child={c} onSaved={() => undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="needs" pt="md">
          <NeedsEditor childId={c.id} editable={c.editable} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History id={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
