import { Alert, Button, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { formatNumber } from '#domain/money';
import { useLang } from '../../i18n/use-lang.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { useTrace, type ReportParams } from './reports.api.ts';
import type { TraceTarget } from './reports.types.ts';

/** The records one figure of the report is made of. */
export function TraceDrawer({
  params,
  target,
  onClose,
}: {
  params: ReportParams;
  target: TraceTarget | null;
  onClose: () => void;
}) {
  const { t: tr } = useTranslation('reports');
  const lang = useLang();
  const trace = useTrace(params, target);
  const first = trace.data?.pages[0];
  const items = trace.data?.pages.flatMap((p) => p.items) ?? [];
  // Records of one school need no column naming it.
  const manyUnits = new Set(items.map((r) => r.orgCode)).size > 1;
  const errorText = useErrorText();
  // Metric keys contain dots ("fv.students"), so the labels are read as one object rather than by path.
  const metrics = tr('metric', { returnObjects: true }) as Record<string, string>;
  const metric = target ? (metrics[target.metric] ?? target.metric) : '';
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={tr('ui.trace.title', { metric })}
    >
      {trace.isPending && <Loader size="sm" />}
      {trace.error && <Alert color="red">{errorText(trace.error)}</Alert>}
      {first && (
        <Stack gap="xs">
          <Text fw={600}>
            {tr('ui.trace.count', {
              count: first.total,
              countText: formatNumber(first.total, lang),
            })}
          </Text>
          {items.length === 0 ? (
            <Text c="dimmed">{tr('ui.trace.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={manyUnits ? 480 : 300}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tr('ui.trace.date')}</Table.Th>
                    <Table.Th>{tr('ui.trace.record')}</Table.Th>
                    {manyUnits && <Table.Th>{tr('ui.trace.org')}</Table.Th>}
                    <Table.Th ta="right">{tr('ui.trace.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={`${r.kind}-${r.id}`}>
                      <Table.Td>{r.date ? formatDate(r.date, lang, 'short') : ''}</Table.Td>
                      <Table.Td>
                        {tr(`ui.trace.kind.${r.kind}`)}: {r.label}
                      </Table.Td>
                      {manyUnits && <Table.Td>{r.orgName}</Table.Td>}
                      <Table.Td ta="right">{r.amount === null ? '' : formatNumber(r.amount, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {first.total > items.length && (
            <Text c="dimmed" size="sm">
              {tr('ui.trace.more', {
                shown: formatNumber(items.length, lang),
                total: formatNumber(first.total, lang),
              })}
            </Text>
          )}
          {trace.hasNextPage && (
            <Button
              variant="light"
              loading={trace.isFetchingNextPage}
              onClick={() => void trace.fetchNextPage()}
            >
              {tr('ui.trace.next')}
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
