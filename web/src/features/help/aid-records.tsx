import { Alert, Badge, Button, FileButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { DocLinks } from './doc-links.tsx';
import { useAidLines, useReverseAid, useUploadProof } from './help.api.ts';
import type { AidLine } from './help.types.ts';

/** Every aid record of the year; a mistake is corrected only by a reversing entry with its reason. */
export function AidRecords({ org, year }: { org: string; year: number }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const lines = useAidLines(org, year);
  const reverse = useReverseAid();
  const upload = useUploadProof();
  const [target, setTarget] = useState<AidLine | null>(null);
  const [reason, setReason] = useState('');
  if (lines.isPending) return <PageLoader />;
  if (lines.isError) return <Alert color="red">{errorText(lines.error)}</Alert>;
  if (lines.data.length === 0) return <Text c="dimmed">{th('ui.records.empty')}</Text>;
  const seenHandovers = new Set<string>();
  return (
    <>
      {upload.isError && <Alert color="red">{errorText(upload.error)}</Alert>}
      {upload.isSuccess && <Alert color="green">{th('ui.records.proofSaved')}</Alert>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="aid-records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.records.date')}</Table.Th>
              <Table.Th>{th('ui.records.child')}</Table.Th>
              <Table.Th>{th('ui.records.class')}</Table.Th>
              <Table.Th>{th('ui.records.source')}</Table.Th>
              <Table.Th>{th('ui.records.form')}</Table.Th>
              <Table.Th ta="right">{th('ui.records.amount')}</Table.Th>
              <Table.Th>{th('ui.records.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.data.map((l) => {
              const firstOfHandover = !seenHandovers.has(l.handoverId);
              seenHandovers.add(l.handoverId);
              const struck = l.reverses !== null || l.reversedBy !== null;
              return (
                <Table.Tr key={l.id} td={struck ? 'line-through' : undefined}>
                  <Table.Td>{formatDate(l.date, lang, 'short')}</Table.Td>
                  <Table.Td>{l.childName}</Table.Td>
                  <Table.Td>{l.classLabel}</Table.Td>
                  <Table.Td>{l.source === 'fv' ? th('ui.handover.sourceFv') : l.sponsorName}</Table.Td>
                  <Table.Td>{th(`ui.forms.${l.form}`)}</Table.Td>
                  <Table.Td ta="right">{formatTenge(l.amount, lang)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {l.reverses !== null && (
                        <Badge color="gray">{th('ui.records.reversal', { reason: l.reason ?? '' })}</Badge>
                      )}
                      {l.reversedBy !== null && <Badge color="gray">{th('ui.records.reversed')}</Badge>}
                      {l.proofWarning !== null && (
                        <Badge color="yellow">{th(`ui.records.${l.proofWarning}`)}</Badge>
                      )}
                      {!struck && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            setTarget(l);
                            setReason('');
                            reverse.reset();
                          }}
                        >
                          {th('ui.records.reverse')}
                        </Button>
                      )}
                      {firstOfHandover && (
                        <DocLinks label={th('ui.records.act')} path={`/api/documents/act/${l.handoverId}`} />
                      )}
                      {firstOfHandover && (
                        <FileButton
                          accept="application/pdf,image/jpeg,image/png"
                          onChange={(file) => file && upload.mutate({ handoverId: l.handoverId, file })}
                        >
                          {(props) => (
                            <Button {...props} size="compact-xs" variant="light" loading={upload.isPending}>
                              {th('ui.records.proof')}
                            </Button>
                          )}
                        </FileButton>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={th('ui.records.reverse')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target) reverse.mutate({ id: target.id, reason }, { onSuccess: () => setTarget(null) });
          }}
        >
          <Stack>
            <Text size="sm">{target ? `${target.childName} · ${formatTenge(target.amount, lang)}` : ''}</Text>
            <TextInput
              required
              minLength={3}
              label={th('ui.records.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {reverse.isError && <Alert color="red">{errorText(reverse.error)}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={reverse.isPending}>
                {th('ui.records.reverse')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
