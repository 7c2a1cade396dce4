import { Alert, Button, Checkbox, Group, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { useErrorText } from '../../api/use-error-text.ts';
import { useNeedItems } from './children.api.ts';
import type { NeedItem } from './children.types.ts';

type Draft = Pick<NeedItem, 'nameKk' | 'nameRu' | 'nameEn' | 'hasSize' | 'defaultCost' | 'active'>;

function ItemRow({ item }: { item: NeedItem }) {
  const { t: tc } = useTranslation('children');
  const api = useApi();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(item);
  const save = useMutation({
    mutationFn: () =>
      api.patch<NeedItem>(`/api/need-items/${encodeURIComponent(item.id)}`, {
        ...draft,
        version: item.version,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['need-items'] }),
  });
  const changed =
    JSON.stringify(draft) !==
    JSON.stringify({
      nameKk: item.nameKk,
      nameRu: item.nameRu,
      nameEn: item.nameEn,
      hasSize: item.hasSize,
      defaultCost: item.defaultCost,
      active: item.active,
    });
  return (
    <Table.Tr data-testid={`need-item-${item.code}`}>
      <Table.Td>{item.code}</Table.Td>
      {(['nameKk', 'nameRu', 'nameEn'] as const).map((k) => (
        <Table.Td key={k}>
          <TextInput
            size="xs"
            aria-label={tc(`items.${k}`)}
            value={draft[k]}
            onChange={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Checkbox
          aria-label={tc('items.hasSize')}
          checked={draft.hasSize}
          onChange={(e) => setDraft({ ...draft, hasSize: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          aria-label={tc('items.defaultCost')}
          min={0}
          value={draft.defaultCost ?? ''}
          onChange={(v) => setDraft({ ...draft, defaultCost: typeof v === 'number' ? v : null })}
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={tc('items.active')}
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Button size="xs" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
          {tc('form.save')}
        </Button>
        {save.error && (
          <Alert color="red" p={4} mt={4}>
            {errorText(save.error)}
          </Alert>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The need-items catalogue, translated names and default costs, edited by an administrator. */
export function NeedItemsAdmin() {
  const { t: tc } = useTranslation('children');
  const items = useNeedItems();
  return (
    <Stack data-testid="need-items-admin">
      <Title order={4}>{tc('items.title')}</Title>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tc('items.code')}</Table.Th>
              <Table.Th>{tc('items.nameKk')}</Table.Th>
              <Table.Th>{tc('items.nameRu')}</Table.Th>
              <Table.Th>{tc('items.nameEn')}</Table.Th>
              <Table.Th>{tc('items.hasSize')}</Table.Th>
              <Table.Th>{tc('items.defaultCost')}</Table.Th>
              <Table.Th>{tc('items.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items.data ?? []).map((item) => (
              <ItemRow key={`${item.id}-${item.version}`} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group />
    </Stack>
  );
}
