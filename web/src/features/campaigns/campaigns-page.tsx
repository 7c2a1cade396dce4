import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { kazakhstanTime } from '#domain/clock';
import { ApiError } from '../../api/api-error.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import {
  useCampaigns,
  useCloseCampaign,
  useEditCampaign,
  useOpenCampaign,
  useReopenCampaign,
  type Campaign,
} from './campaigns.api.ts';

function OpenForm({ orgCode, onDone }: { orgCode: string; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const open = useOpenCampaign();
  const thisYear = kazakhstanTime().year;
  const [year, setYear] = useState(thisYear);
  const [from, setFrom] = useState(`${thisYear}-08-01`);
  const [to, setTo] = useState(`${thisYear}-09-30`);
  const [mottoKk, setMottoKk] = useState('');
  const [mottoRu, setMottoRu] = useState('');
  const [goals, setGoals] = useState('');
  const fields = open.error instanceof ApiError ? open.error.fields : {};
  return (
    <Card withBorder data-testid="campaign-form">
      <Stack gap="xs">
        <NumberInput
          label={t('operations:campaigns.year')}
          value={year}
          onChange={(v) => {
            const y = Number(v) || year;
            setYear(y);
            setFrom(`${y}-08-01`);
            setTo(`${y}-09-30`);
          }}
          w={140}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('operations:campaigns.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={fields.from}
          />
          <TextInput
            type="date"
            label={t('operations:campaigns.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={fields.to}
          />
        </Group>
        <TextInput
          label={t('operations:campaigns.mottoKk')}
          value={mottoKk}
          onChange={(e) => setMottoKk(e.currentTarget.value)}
        />
        <TextInput
          label={t('operations:campaigns.mottoRu')}
          value={mottoRu}
          onChange={(e) => setMottoRu(e.currentTarget.value)}
        />
        <Textarea
          label={t('operations:campaigns.goals')}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
          rows={3}
        />
        {open.isError && <Alert color="red">{errorText(open.error)}</Alert>}
        <Group>
          <Button
            onClick={() =>
              open.mutate(
                {
                  orgCode,
                  year,
                  from,
                  to,
                  mottoKk: mottoKk || null,
                  mottoRu: mottoRu || null,
                  goals: goals || null,
                },
                { onSuccess: onDone },
              )
            }
            loading={open.isPending}
            data-testid="campaign-open"
          >
            {t('operations:campaigns.open')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('operations:common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function EditForm({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const edit = useEditCampaign();
  const [from, setFrom] = useState(campaign.from);
  const [to, setTo] = useState(campaign.to);
  const [mottoKk, setMottoKk] = useState(campaign.mottoKk ?? '');
  const [mottoRu, setMottoRu] = useState(campaign.mottoRu ?? '');
  const [goals, setGoals] = useState(campaign.goals ?? '');
  const fields = edit.error instanceof ApiError ? edit.error.fields : {};
  return (
    <Stack gap="xs" data-testid="campaign-edit-form">
      <Group grow>
        <TextInput
          type="date"
          label={t('operations:campaigns.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={fields.from}
        />
        <TextInput
          type="date"
          label={t('operations:campaigns.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={fields.to}
        />
      </Group>
      <TextInput
        label={t('operations:campaigns.mottoKk')}
        value={mottoKk}
        onChange={(e) => setMottoKk(e.currentTarget.value)}
      />
      <TextInput
        label={t('operations:campaigns.mottoRu')}
        value={mottoRu}
        onChange={(e) => setMottoRu(e.currentTarget.value)}
      />
      <Textarea
        label={t('operations:campaigns.goals')}
        value={goals}
        onChange={(e) => setGoals(e.currentTarget.value)}
        rows={3}
      />
      {edit.isError && <Alert color="red">{errorText(edit.error)}</Alert>}
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() =>
            edit.mutate(
              {
                id: campaign.id,
                version: campaign.version,
                from,
                to,
                mottoKk: mottoKk || null,
                mottoRu: mottoRu || null,
                goals: goals || null,
              },
              { onSuccess: onDone },
            )
          }
          loading={edit.isPending}
        >
          {t('operations:campaigns.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('operations:common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const close = useCloseCampaign();
  const reopen = useReopenCampaign();
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const motto =
    lang === 'kk' ? (campaign.mottoKk ?? campaign.mottoRu) : (campaign.mottoRu ?? campaign.mottoKk);
  return (
    <Card withBorder data-testid="campaign-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={4}>{t('operations:campaigns.heading', { year: campaign.year })}</Title>
          <Badge color={campaign.status === 'open' ? 'green' : 'gray'}>
            {t(`operations:campaigns.status.${campaign.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {formatDate(campaign.from, lang)} – {formatDate(campaign.to, lang)} ·{' '}
          {lang === 'kk' ? campaign.orgNameKk : campaign.orgNameRu}
        </Text>
        {motto && <Text fs="italic">«{motto}»</Text>}
        {campaign.goals && <Text size="sm">{campaign.goals}</Text>}
        {editing && <EditForm campaign={campaign} onDone={() => setEditing(false)} />}
        {campaign.canManage && campaign.status === 'open' && !editing && (
          <Button
            size="xs"
            variant="light"
            w="fit-content"
            onClick={() => setEditing(true)}
            data-testid="campaign-edit"
          >
            {t('operations:campaigns.edit')}
          </Button>
        )}
        {campaign.canManage &&
          (campaign.status === 'open' ? (
            <Button
              size="xs"
              variant="light"
              color="gray"
              w="fit-content"
              onClick={() => close.mutate({ id: campaign.id, version: campaign.version })}
              data-testid="campaign-close"
            >
              {t('operations:campaigns.close')}
            </Button>
          ) : (
            <Group gap="xs" align="flex-end">
              <TextInput
                size="xs"
                label={t('operations:campaigns.reopenReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Button
                size="xs"
                disabled={!reason.trim()}
                onClick={() => reopen.mutate({ id: campaign.id, version: campaign.version, reason })}
              >
                {t('operations:campaigns.reopen')}
              </Button>
            </Group>
          ))}
        {(close.isError || reopen.isError) && (
          <Alert color="red">{errorText(close.error ?? reopen.error)}</Alert>
        )}
      </Stack>
    </Card>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useSession();
  const { unit } = useCurrentOrg();
  const list = useCampaigns(unit.code);
  const [opening, setOpening] = useState(false);
  const mayOpen =
    me.role === 'admin' || me.role === 'officer' || me.role === 'coordinator' || me.role === 'director';
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={2}>{t('operations:campaigns.title')}</Title>
        {mayOpen && !opening && (
          <Button onClick={() => setOpening(true)} data-testid="campaign-new">
            {t('operations:campaigns.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('operations:campaigns.hint')}
      </Text>
      {opening && <OpenForm orgCode={unit.code} onDone={() => setOpening(false)} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{errorText(list.error)}</Alert>
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('operations:campaigns.empty')}</Text>
      ) : (
        list.data.map((c) => <CampaignCard key={c.id} campaign={c} />)
      )}
    </Stack>
  );
}
