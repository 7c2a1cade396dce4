import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { itemName } from './child-labels.ts';
import { useChildNeeds, useNeedItems, useNeedMutations } from './children.api.ts';
import { NEED_STATUSES } from './children.types.ts';

/** What one child needs: items from the catalogue, sizes where they matter, quantity, cost and status. */
export function NeedsEditor({ childId, editable }: { childId: string; editable: boolean }) {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const needs = useChildNeeds(childId);
  const items = useNeedItems();
  const { add, update, remove } = useNeedMutations(childId);
  const [itemId, setItemId] = useState<string | null>(null);
  const [size, setSize] = useState('');
  const [quantity, setQuantity] = useState<number>(1);
  const [cost, setCost] = useState('');
  const item = items.data?.find((i) => i.id === itemId);
  const byId = new Map((items.data ?? []).map((i) => [i.id, i]));
  const failure = add.error ?? update.error ?? remove.error;

  const submit = async () => {
    if (!itemId) return;
    await add.mutateAsync({
      itemId,
      size: item?.hasSize ? size.trim() || null : null,
      quantity,
      estCost: cost.trim() || null,
    });
    setItemId(null);
    setSize('');
    setQuantity(1);
    setCost('');
  };

  return (
    <Stack data-testid="needs-editor">
      {failure && (
        <Alert color="red" role="alert">
          {errorText(failure)}
        </Alert>
      )}
      {(needs.data ?? []).length === 0 ? (
        <Text c="dimmed">{tc('needs.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tc('needs.item')}</Table.Th>
                <Table.Th>{tc('needs.size')}</Table.Th>
                <Table.Th>{tc('needs.quantity')}</Table.Th>
                <Table.Th>{tc('needs.cost')}</Table.Th>
                <Table.Th>{tc('needs.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(needs.data ?? []).map((need) => {
                const it = byId.get(need.itemId);
                return (
                  <Table.Tr key={need.id} data-testid={`need-${need.itemCode}`}>
                    <Table.Td>{it ? itemName(it, lang) : need.itemCode}</Table.Td>
                    <Table.Td>{need.size ?? ''}</Table.Td>
                    <Table.Td>{need.quantity}</Table.Td>
                    <Table.Td>
                      {need.estCost === null ? '' : formatTenge(need.estCost * need.quantity, lang)}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={tc('needs.status')}
                        value={need.status}
                        disabled={!editable}
                        allowDeselect={false}
                        onChange={(v) =>
                          v && void update.mutateAsync({ need, patch: { status: v } }).catch(() => undefined)
                        }
                        data={NEED_STATUSES.map((s) => ({ value: s, label: tc(`needStatus.${s}`) }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      {editable && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={tc('needs.remove')}
                          onClick={() => void remove.mutateAsync(need).catch(() => undefined)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={tc('needs.item')}
            value={itemId}
            onChange={(v) => {
              setItemId(v);
              const chosen = items.data?.find((i) => i.id === v);
              setCost(chosen?.defaultCost ? String(chosen.defaultCost) : '');
            }}
            data={(items.data ?? [])
              .filter((i) => i.active)
              .map((i) => ({ value: i.id, label: itemName(i, lang) }))}
            data-testid="need-item"
          />
          {item?.hasSize && (
            <TextInput
              label={tc('needs.size')}
              value={size}
              onChange={(e) => setSize(e.currentTarget.value)}
              w={100}
              data-testid="need-size"
            />
          )}
          <NumberInput
            label={tc('needs.quantity')}
            value={quantity}
            onChange={(v) => setQuantity(typeof v === 'number' ? v : 1)}
            min={1}
            max={100}
            w={100}
          />
          <TextInput
            label={tc('needs.costEach')}
            value={cost}
            onChange={(e) => setCost(e.currentTarget.value)}
            w={140}
            inputMode="numeric"
          />
          <Button
            onClick={() => void submit().catch(() => undefined)}
            disabled={!itemId}
            loading={add.isPending}
            data-testid="need-add"
          >
            {tc('needs.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
