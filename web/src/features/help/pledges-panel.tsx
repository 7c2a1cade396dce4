import { todayInKazakhstan } from '#domain/clock';
import { Alert, Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { usePledgeAction, usePledges } from './help.api.ts';
import { PledgeForm } from './pledge-form.tsx';
import type { Pledge } from './help.types.ts';

/** Sponsors' promises: overdue ones stand out; delivering one records its aid, cancelling needs a reason. */
export function PledgesPanel({ org }: { org: string }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const pledges = usePledges(org, overdueOnly);
  const action = usePledgeAction();
  const [cancelling, setCancelling] = useState<Pledge | null>(null);
  const [reason, setReason] = useState('');
  const [adding, setAdding] = useState(false);
  const today = todayInKazakhstan();
  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={th('ui.pledges.overdueOnly')}
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
        />
        <Button size="xs" onClick={() => setAdding(true)}>
          {th('ui.pledges.add')}
        </Button>
      </Group>
      <PledgeForm org={org} opened={adding} onClose={() => setAdding(false)} />
      {action.isError && <Alert color="red">{errorText(action.error)}</Alert>}
      {pledges.isPending ? (
        <PageLoader />
      ) : pledges.isError ? (
        <Alert color="red">{errorText(pledges.error)}</Alert>
      ) : pledges.data.length === 0 ? (
        <Text c="dimmed">{th('ui.pledges.empty')}</Text>
      ) : (
        <Table striped data-testid="pledges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.pledges.sponsor')}</Table.Th>
              <Table.Th ta="right">{th('ui.pledges.amount')}</Table.Th>
              <Table.Th>{th('ui.pledges.due')}</Table.Th>
              <Table.Th>{th('ui.pledges.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pledges.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm">{p.sponsorName}</Text>
                  {p.description && (
                    <Text size="xs" c="dimmed">
                      {p.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{p.amount === null ? '' : formatTenge(p.amount, lang)}</Table.Td>
                <Table.Td>{formatDate(p.dueDate, lang, 'short')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{th(`ui.pledges.statuses.${p.status}`)}</Badge>
                    {p.overdue && <Badge color="red">{th('ui.pledges.overdue')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {p.status === 'open' && (
                    <Group gap="xs">
                      <Button
                        size="compact-xs"
                        disabled={p.childIds.length === 0}
                        loading={action.isPending}
                        onClick={() => action.mutate({ pledge: p, action: 'deliver', date: today })}
                      >
                        {th('ui.pledges.deliver')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setCancelling(p);
                          setReason('');
                        }}
                      >
                        {th('ui.pledges.cancel')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={th('ui.pledges.cancel')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (cancelling)
              action.mutate(
                { pledge: cancelling, action: 'cancel', reason },
                { onSuccess: () => setCancelling(null) },
              );
          }}
        >
          <Stack>
            <TextInput
              required
              minLength={3}
              label={th('ui.pledges.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={action.isPending}>
                {th('ui.pledges.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
