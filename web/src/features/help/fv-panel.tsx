import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { DocLinks } from './doc-links.tsx';
import { PmEditor } from './pm-editor.tsx';
import { useFv, usePutFv } from './help.api.ts';
import type { FvRow } from './help.types.ts';

/** Each school's fund of universal education for the year: allocated, decided, paid with proof, left. */
export function FvPanel({ org, year }: { org: string; year: number }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const me = useSession();
  const fv = useFv(org, year);
  const put = usePutFv();
  const [editing, setEditing] = useState<FvRow | null>(null);
  const [amount, setAmount] = useState('');
  if (fv.isPending) return <PageLoader />;
  if (fv.isError) return <Alert color="red">{errorText(fv.error)}</Alert>;
  const name = (r: FvRow) => (lang === 'kk' ? r.orgNameKk : r.orgNameRu);
  const money = (n: number | null) => (n === null ? th('ui.fv.notSet') : formatTenge(n, lang));
  return (
    <Stack>
      {me.role === 'admin' && <PmEditor key={year} year={year} />}
      {fv.data.pm !== null && <Text>{th('ui.fv.pm', { year, pm: formatTenge(fv.data.pm, lang) })}</Text>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="fv-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.fv.school')}</Table.Th>
              <Table.Th ta="right">{th('ui.fv.allocated')}</Table.Th>
              <Table.Th ta="right">{th('ui.fv.decided')}</Table.Th>
              <Table.Th ta="right">{th('ui.fv.paid')}</Table.Th>
              <Table.Th ta="right">{th('ui.fv.left')}</Table.Th>
              <Table.Th ta="right">{th('ui.fv.students')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fv.data.items.map((r) => (
              <Table.Tr key={r.orgCode}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{name(r)}</Text>
                    <DocLinks
                      label={th('ui.fv.decision')}
                      path="/api/documents/fv-decision"
                      query={{ org: r.orgCode, year: String(year) }}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">{money(r.allocated)}</Table.Td>
                <Table.Td ta="right">{formatTenge(r.decided, lang)}</Table.Td>
                <Table.Td ta="right">{formatTenge(r.paid, lang)}</Table.Td>
                <Table.Td ta="right" c={r.left < 0 ? 'red' : undefined}>
                  {formatTenge(r.left, lang)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(r.students, lang)}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="xs"
                    aria-label={th('ui.fv.edit')}
                    onClick={() => {
                      setEditing(r);
                      setAmount(r.allocated === null ? '' : formatNumber(r.allocated, lang));
                      put.reset();
                    }}
                  >
                    <IconPencil size={16} />
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{th('ui.fv.total')}</Table.Th>
              <Table.Th ta="right">{formatTenge(fv.data.total.allocated, lang)}</Table.Th>
              <Table.Th ta="right">{formatTenge(fv.data.total.decided, lang)}</Table.Th>
              <Table.Th ta="right">{formatTenge(fv.data.total.paid, lang)}</Table.Th>
              <Table.Th ta="right">{formatTenge(fv.data.total.left, lang)}</Table.Th>
              <Table.Th ta="right">{formatNumber(fv.data.total.students, lang)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? name(editing) : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!editing) return;
            put.mutate(
              { org: editing.orgCode, year, allocated: amount, version: editing.version },
              { onSuccess: () => setEditing(null) },
            );
          }}
        >
          <Stack>
            <TextInput
              label={th('ui.fv.allocated')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
            />
            {put.isError && <Alert color="red">{errorText(put.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {th('ui.fv.cancel')}
              </Button>
              <Button type="submit" loading={put.isPending}>
                {th('ui.fv.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
