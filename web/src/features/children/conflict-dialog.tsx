import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { useLang } from '../../i18n/use-lang.ts';
import { categoryLabel } from './child-labels.ts';
import type { Child } from './children.types.ts';

const FIELDS = [
  'iin',
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'classLabel',
  'address',
  'notes',
  'notAttending',
  'status',
  'guardians',
  'categories',
  'consent',
] as const;
type Field = (typeof FIELDS)[number];

/** The fields someone else changed between the version we loaded and the one saved now. */
export function changedFields(base: Child, current: Child): Field[] {
  return FIELDS.filter((f) => JSON.stringify(base[f]) !== JSON.stringify(current[f]));
}

interface ConflictDialogProps {
  base: Child;
  current: Child;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onClose: () => void;
}

/** A 409: someone saved the child after we opened it. Shows what they changed; nothing is overwritten silently. */
export function ConflictDialog({ base, current, onTakeTheirs, onKeepMine, onClose }: ConflictDialogProps) {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const show = (field: Field, child: Child): string => {
    switch (field) {
      case 'birthDate':
        return formatDate(child.birthDate, lang, 'short');
      case 'notAttending':
        return child.notAttending ? tc('yes') : tc('no');
      case 'status':
        return tc(`status.${child.status}`);
      case 'guardians':
        return child.guardians.map((g) => [g.name, g.phone].filter(Boolean).join(', ')).join('; ');
      case 'categories':
        return child.categories.map((c) => categoryLabel(c.code, lang)).join(', ');
      case 'consent':
        return child.consent ? `${child.consent.by}, ${formatDate(child.consent.date, lang, 'short')}` : '';
      case 'iin':
      case 'surname':
      case 'name':
      case 'patronymic':
      case 'classLabel':
      case 'address':
      case 'notes':
        return child[field] ?? '';
    }
  };
  const fields = changedFields(base, current);
  return (
    <Modal opened onClose={onClose} title={tc('conflict.title')} size="lg">
      <Stack data-testid="child-conflict">
        <Text>
          {tc('conflict.text', {
            date: current.updatedAt ? formatDate(current.updatedAt.slice(0, 10), lang, 'short') : '',
          })}
        </Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('conflict.field')}</Table.Th>
              <Table.Th>{tc('conflict.was')}</Table.Th>
              <Table.Th>{tc('conflict.now')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f} data-testid={`conflict-${f}`}>
                <Table.Td>{tc(`fields.${f}`)}</Table.Td>
                <Table.Td>{show(f, base)}</Table.Td>
                <Table.Td fw={600}>{show(f, current)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeepMine} data-testid="conflict-keep-mine">
            {tc('conflict.keepMine')}
          </Button>
          <Button onClick={onTakeTheirs} data-testid="conflict-take-theirs">
            {tc('conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
