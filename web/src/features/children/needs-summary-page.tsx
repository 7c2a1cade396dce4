import { Alert, Anchor, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { itemName } from './child-labels.ts';
import { useNeedsSummary } from './children.api.ts';
import { NeedItemsAdmin } from './need-items-admin.tsx';
import { NEED_STATUSES, type NeedStatus } from './children.types.ts';

/** The school's shopping list: how many of each item and size, and what it is estimated to cost. */
export function NeedsSummaryPage() {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const { unit: scope } = useCurrentOrg();
  const me = useSession();
  const [status, setStatus] = useState<NeedStatus>('open');
  const summary = useNeedsSummary(scope.code, status);
  return (
    <Stack>
      <Anchor component={Link} to="/children">
        {tc('card.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{tc('summary.title')}</Title>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v)}
          data={NEED_STATUSES.map((s) => ({ value: s, label: tc(`needStatus.${s}`) }))}
        />
      </Group>
      {summary.isPending ? (
        <PageLoader />
      ) : summary.isError ? (
        <Alert color="red" role="alert">
          {errorText(summary.error)}
        </Alert>
      ) : (
        <>
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="needs-summary">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tc('needs.item')}</Table.Th>
                  <Table.Th>{tc('needs.size')}</Table.Th>
                  <Table.Th ta="right">{tc('needs.quantity')}</Table.Th>
                  <Table.Th ta="right">{tc('summary.children')}</Table.Th>
                  <Table.Th ta="right">{tc('needs.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.data.rows.map((r) => (
                  <Table.Tr key={`${r.itemId}-${r.size ?? ''}`}>
                    <Table.Td>{itemName(r, lang)}</Table.Td>
                    <Table.Td>{r.size ?? ''}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.quantity, lang)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.children, lang)}</Table.Td>
                    <Table.Td ta="right">{formatTenge(r.estCost, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{tc('summary.total')}</Table.Th>
                  <Table.Th />
                  <Table.Th ta="right">{formatNumber(summary.data.totalQuantity, lang)}</Table.Th>
                  <Table.Th ta="right">{formatNumber(summary.data.children, lang)}</Table.Th>
                  <Table.Th ta="right">{formatTenge(summary.data.totalEstCost, lang)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          {summary.data.rows.length === 0 && <Text c="dimmed">{tc('needs.empty')}</Text>}
        </>
      )}
      {me.role === 'admin' && <NeedItemsAdmin />}
    </Stack>
  );
}
