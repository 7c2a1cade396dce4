import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { formatNumber, formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { categoryLabel } from '../children/child-labels.ts';
import { useFairness } from './help.api.ts';

/** Approved children still without help (ranked), and children helped twice in the same way. */
export function FairnessPanel({ org, year }: { org: string; year: number }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const fair = useFairness(org, year);
  if (fair.isPending) return <PageLoader />;
  if (fair.isError) return <Alert color="red">{errorText(fair.error)}</Alert>;
  const cats = (codes: string[]) => codes.map((c) => categoryLabel(c, lang)).join(', ');
  const kind = (k: string) =>
    ['money', 'goods', 'certificate', 'service'].includes(k) ? th(`ui.forms.${k}`) : k;
  return (
    <Stack>
      <Title order={4}>{th('ui.fairness.withoutHelp')}</Title>
      {fair.data.withoutHelp.length === 0 ? (
        <Text c="dimmed">{th('ui.fairness.none')}</Text>
      ) : (
        <Table striped data-testid="fair-without">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.fairness.child')}</Table.Th>
              <Table.Th>{th('ui.fairness.class')}</Table.Th>
              <Table.Th>{th('ui.fairness.categories')}</Table.Th>
              <Table.Th ta="right">{th('ui.fairness.needs')}</Table.Th>
              <Table.Th ta="right">{th('ui.fairness.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fair.data.withoutHelp.map((c) => (
              <Table.Tr key={c.childId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.classLabel}</Table.Td>
                <Table.Td>{cats(c.categories)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.openNeeds, lang)}</Table.Td>
                <Table.Td ta="right">{formatTenge(c.needCost, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>{th('ui.fairness.twice')}</Title>
      {fair.data.twice.length === 0 ? (
        <Text c="dimmed">{th('ui.fairness.none')}</Text>
      ) : (
        <Table striped data-testid="fair-twice">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.fairness.child')}</Table.Th>
              <Table.Th>{th('ui.fairness.class')}</Table.Th>
              <Table.Th>{th('ui.fairness.kind')}</Table.Th>
              <Table.Th>{th('ui.fairness.sources')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fair.data.twice.map((c) => (
              <Table.Tr key={`${c.childId}-${c.kind}`}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.classLabel}</Table.Td>
                <Table.Td>{kind(c.kind)}</Table.Td>
                <Table.Td>
                  {c.sources
                    .map(
                      (s) =>
                        `${s.source === 'fv' ? th('ui.handover.sourceFv') : s.sponsorName} (${formatDate(s.date, lang, 'short')})`,
                    )
                    .join('; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
