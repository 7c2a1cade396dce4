import { useFocusYear } from '../reports/use-focus-year.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { PLAN_STATUSES, type PlanStatus } from '#domain/operations';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import {
  useAddEvidenceLink,
  useAddPlanItem,
  useApprovePlan,
  useCopyPlan,
  usePlan,
  useUpdatePlanItem,
  useUploadEvidence,
  type PlanItem,
} from './plan.api.ts';

function AddItem({ year }: { year: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddPlanItem();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(`${year}-08-01`);
  const [to, setTo] = useState(`${year}-08-01`);
  const [responsible, setResponsible] = useState('');
  return (
    <Card withBorder>
      <Stack gap="xs">
        <TextInput
          label={t('operations:plan.activity')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="plan-title"
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('operations:plan.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('operations:plan.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t('operations:plan.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
        {add.isError && <Alert color="red">{errorText(add.error)}</Alert>}
        <Button
          onClick={() =>
            add.mutate(
              { year, title, from, to, responsible },
              {
                onSuccess: () => {
                  setTitle('');
                  setResponsible('');
                },
              },
            )
          }
          loading={add.isPending}
          disabled={!title.trim() || !responsible.trim()}
          data-testid="plan-add"
        >
          {t('operations:plan.add')}
        </Button>
      </Stack>
    </Card>
  );
}

function Evidence({ item, canWrite }: { item: PlanItem; canWrite: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const link = useAddEvidenceLink();
  const upload = useUploadEvidence();
  const [url, setUrl] = useState('');
  return (
    <Stack gap={4}>
      {item.evidence.map((e) => (
        <Anchor
          key={e.id}
          href={e.kind === 'file' ? `/api/plan/evidence/${e.id}` : (e.url ?? '#')}
          target="_blank"
          size="sm"
        >
          {e.kind === 'file' ? e.fileName : e.url}
        </Anchor>
      ))}
      {canWrite && (
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            aria-label={t('operations:plan.link')}
          />
          <Button
            size="xs"
            variant="light"
            disabled={!url}
            onClick={() => link.mutate({ id: item.id, url }, { onSuccess: () => setUrl('') })}
          >
            {t('operations:plan.addLink')}
          </Button>
          <FileButton
            accept="application/pdf,image/jpeg,image/png"
            onChange={(file) => file && upload.mutate({ id: item.id, file })}
          >
            {(props) => (
              <Button size="xs" variant="subtle" {...props}>
                {t('operations:plan.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {(link.isError || upload.isError) && (
        <Text size="xs" c="red">
          {errorText(link.error ?? upload.error)}
        </Text>
      )}
    </Stack>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession();
  const errorText = useErrorText();
  const { unit } = useCurrentOrg();
  const focus = useFocusYear(unit.code);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? focus.year;
  const setYear = setPicked;
  const plan = usePlan(unit.code, year);
  const update = useUpdatePlanItem();
  const copy = useCopyPlan();
  const approve = useApprovePlan();
  const closed = plan.data?.campaign?.status === 'closed';
  const canWrite =
    unit.type === 'school' && ['coordinator', 'director', 'admin'].includes(me.role) && !closed;
  const failure = update.error ?? copy.error ?? approve.error;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('operations:plan.title')}</Title>
        <Group gap="xs">
          <NumberInput
            aria-label={t('operations:common.year')}
            value={year}
            onChange={(v) => setYear(Number(v) || year)}
            w={110}
          />
          <Button
            component="a"
            href={`/api/plan/print?year=${year}&lang=${lang}&org=${encodeURIComponent(unit.code)}`}
            target="_blank"
            variant="light"
            leftSection={<IconPrinter size={16} />}
            data-testid="plan-print"
          >
            {t('operations:plan.print')}
          </Button>
        </Group>
      </Group>
      {plan.data && !plan.data.campaign && (
        <Alert color="yellow">{t('operations:plan.noCampaign', { year })}</Alert>
      )}
      {closed && <Alert color="gray">{t('operations:plan.closed', { year })}</Alert>}
      {plan.data?.approval ? (
        <Badge color="green" size="lg" data-testid="plan-approved">
          {t('operations:plan.approved', {
            name: plan.data.approval.approvedBy,
            date: formatDate(plan.data.approval.approvedAt.slice(0, 10), lang, 'short'),
          })}
        </Badge>
      ) : (
        me.role === 'director' &&
        plan.data?.campaign &&
        !closed && (
          <Button
            color="green"
            onClick={() => approve.mutate(year)}
            loading={approve.isPending}
            w="fit-content"
            data-testid="plan-approve"
          >
            {t('operations:plan.approve')}
          </Button>
        )
      )}
      {failure && <Alert color="red">{errorText(failure)}</Alert>}
      {plan.isPending ? (
        <PageLoader />
      ) : plan.isError ? (
        <Alert color="red">{errorText(plan.error)}</Alert>
      ) : plan.data.items.length === 0 ? (
        <Stack align="flex-start">
          <Text c="dimmed">{t('operations:plan.empty')}</Text>
          {canWrite && plan.data.campaign && (
            <Button onClick={() => copy.mutate(year)} loading={copy.isPending} data-testid="plan-copy">
              {t('operations:plan.copy', { year: year - 1 })}
            </Button>
          )}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="plan-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№</Table.Th>
                <Table.Th>{t('operations:plan.activity')}</Table.Th>
                <Table.Th>{t('operations:plan.dates')}</Table.Th>
                <Table.Th>{t('operations:plan.responsible')}</Table.Th>
                <Table.Th>{t('operations:plan.status')}</Table.Th>
                <Table.Th>{t('operations:plan.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.data.items.map((item, i) => (
                <Table.Tr
                  key={item.id}
                  data-overdue={item.overdue || undefined}
                  bg={item.overdue ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    {item.title}
                    {item.overdue && (
                      <Badge color="red" ml="xs" size="sm">
                        {t('operations:plan.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(item.from, lang, 'short')}
                    {item.to !== item.from ? ` – ${formatDate(item.to, lang, 'short')}` : ''}
                  </Table.Td>
                  <Table.Td>{item.responsible}</Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('operations:plan.status')}
                        value={item.status}
                        onChange={(e) =>
                          update.mutate({
                            id: item.id,
                            version: item.version,
                            status: e.currentTarget.value as PlanStatus,
                          })
                        }
                        data={PLAN_STATUSES.map((s) => ({
                          value: s,
                          label: t(`operations:planStatus.${s}`),
                        }))}
                      />
                    ) : (
                      t(`operations:planStatus.${item.status}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Evidence item={item} canWrite={canWrite} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && plan.data?.campaign && <AddItem year={year} />}
    </Stack>
  );
}
