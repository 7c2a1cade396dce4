import { kazakhstanTime } from '#domain/clock';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { formatDate } from '#domain/dates';
import { HOTLINE_CHANNELS, type HotlineChannel } from '#domain/operations';
import { ApiError } from '../../api/api-error.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import {
  useHotline,
  useLogCall,
  useOpenCaseFromCall,
  usePutChildOnList,
  useUpdateCall,
  type HotlineCall,
} from './hotline.api.ts';

function CallForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const errorText = useErrorText();
  const log = useLogCall();
  const [channel, setChannel] = useState<HotlineChannel>('phone');
  const [anonymous, setAnonymous] = useState(false);
  const [caller, setCaller] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [about, setAbout] = useState('');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fields = log.error instanceof ApiError ? log.error.fields : {};

  const submit = () => {
    if (!subject.trim()) {
      setError(t('operations:raids.errors.required'));
      return;
    }
    setError(null);
    log.mutate(
      {
        id: uuidv7(),
        channel,
        anonymous,
        caller: anonymous ? null : caller.trim() || null,
        callerPhone: anonymous ? null : callerPhone.trim() || null,
        about: about.trim() || null,
        subject: subject.trim(),
        handler: me.name,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card withBorder data-testid="hotline-form">
      <Stack gap="xs">
        <NativeSelect
          label={t('operations:hotline.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as HotlineChannel)}
          data={HOTLINE_CHANNELS.map((c) => ({ value: c, label: t(`operations:hotline.channels.${c}`) }))}
        />
        <Checkbox
          label={t('operations:hotline.anonymous')}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {!anonymous && (
          <Group grow>
            <TextInput
              label={t('operations:hotline.caller')}
              value={caller}
              onChange={(e) => setCaller(e.currentTarget.value)}
            />
            <TextInput
              label={t('operations:hotline.callerPhone')}
              value={callerPhone}
              onChange={(e) => setCallerPhone(e.currentTarget.value)}
            />
          </Group>
        )}
        <TextInput
          label={t('operations:hotline.about')}
          value={about}
          onChange={(e) => setAbout(e.currentTarget.value)}
        />
        <Textarea
          label={t('operations:hotline.subject')}
          required
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={error ?? fields.subject}
          rows={3}
          data-testid="hotline-subject"
        />
        {log.isError && !fields.subject && <Alert color="red">{errorText(log.error)}</Alert>}
        <Group>
          <Button onClick={submit} loading={log.isPending} data-testid="hotline-save">
            {t('operations:hotline.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('operations:common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PutOnList({ call, onDone }: { call: HotlineCall; onDone: () => void }) {
  const { t } = useTranslation();
  const put = usePutChildOnList();
  const [child, setChild] = useState({ surname: '', name: '', birthDate: '', classLabel: '' });
  const fields = put.error instanceof ApiError ? put.error.fields : {};
  const field = (k: keyof typeof child, label: string, type = 'text') => (
    <TextInput
      type={type}
      label={label}
      value={child[k]}
      onChange={(e) => setChild({ ...child, [k]: e.currentTarget.value })}
      error={fields[`newChild.${k}`]}
    />
  );
  return (
    <Stack gap={6} data-testid="hotline-child-form">
      {field('surname', t('operations:raids.child.surname'))}
      {field('name', t('operations:raids.child.name'))}
      <Group grow>
        {field('birthDate', t('operations:raids.child.birthDate'), 'date')}
        {field('classLabel', t('operations:raids.child.classLabel'))}
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => put.mutate({ id: call.id, child }, { onSuccess: onDone })}
          loading={put.isPending}
        >
          {t('operations:hotline.putOnList')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('operations:common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function CallCard({ call, canWrite }: { call: HotlineCall; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const update = useUpdateCall();
  const openCase = useOpenCaseFromCall();
  const [action, setAction] = useState(call.actionTaken ?? '');
  const [putting, setPutting] = useState(false);
  const when = kazakhstanTime(call.receivedAt);
  return (
    <Card
      withBorder
      data-testid="hotline-call"
      style={call.stale ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {formatDate(when.date, lang, 'short')} {when.time} ·{' '}
            {t(`operations:hotline.channels.${call.channel}`)} ·{' '}
            {call.anonymous ? t('operations:hotline.anonymousShort') : call.caller}
          </Text>
          <Group gap={4}>
            {call.stale && (
              <Badge color="red" data-testid="hotline-stale">
                {t('operations:hotline.stale')}
              </Badge>
            )}
            <Badge variant="light">{t(`operations:hotline.status.${call.status}`)}</Badge>
          </Group>
        </Group>
        <Text fw={600}>{call.subject}</Text>
        {call.about && <Text size="sm">{call.about}</Text>}
        {call.actionTaken && (
          <Text size="sm">{t('operations:hotline.done', { text: call.actionTaken })}</Text>
        )}
        {canWrite && call.status !== 'closed' && (
          <Stack gap={6}>
            <TextInput
              aria-label={t('operations:hotline.actionTaken')}
              placeholder={t('operations:hotline.actionTaken')}
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
            />
            <Group gap="xs">
              {call.status === 'open' && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    update.mutate({
                      id: call.id,
                      version: call.version,
                      status: 'in_progress',
                      actionTaken: action || null,
                    })
                  }
                >
                  {t('operations:hotline.take')}
                </Button>
              )}
              <Button
                size="xs"
                onClick={() =>
                  update.mutate({
                    id: call.id,
                    version: call.version,
                    status: 'closed',
                    actionTaken: action || null,
                  })
                }
              >
                {t('operations:hotline.close')}
              </Button>
              {!call.childId && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setPutting(true)}
                  data-testid="hotline-put-child"
                >
                  {t('operations:hotline.putOnList')}
                </Button>
              )}
              {!call.caseId && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => openCase.mutate({ id: call.id, childName: call.about || call.subject })}
                >
                  {t('operations:hotline.openCase')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {putting && <PutOnList call={call} onDone={() => setPutting(false)} />}
        {(update.isError || openCase.isError) && (
          <Alert color="red">{errorText(update.error ?? openCase.error)}</Alert>
        )}
      </Stack>
    </Card>
  );
}

export function HotlinePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useSession();
  const { unit } = useCurrentOrg();
  const list = useHotline(unit.code);
  const [adding, setAdding] = useState(false);
  const canWrite = unit.type === 'school' && me.role !== 'officer';
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={2}>{t('operations:hotline.title')}</Title>
        {canWrite && !adding && (
          <Button onClick={() => setAdding(true)} data-testid="hotline-new">
            {t('operations:hotline.new')}
          </Button>
        )}
      </Group>
      {list.data?.hotline && (
        <Group gap="xs">
          <IconPhone size={18} />
          <Text fw={600} data-testid="hotline-number">
            {list.data.hotline}
          </Text>
        </Group>
      )}
      {adding && <CallForm onDone={() => setAdding(false)} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{errorText(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('operations:hotline.empty')}</Text>
      ) : (
        list.data.items.map((call) => <CallCard key={call.id} call={call} canWrite={canWrite} />)
      )}
    </Stack>
  );
}
