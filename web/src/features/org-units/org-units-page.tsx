import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#domain/money';
import type { OrgUnit } from '../../api/types.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from './current-org.tsx';
import { OrgUnitFormModal } from './org-unit-form.tsx';
import { orgUnitName } from './org-unit-name.ts';
import { useOrgUnitList } from './org-units.api.ts';

type Editing = { unit: OrgUnit | null } | null;

const depthOf = (unit: OrgUnit) => unit.path.split('/').filter(Boolean).length;

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const { unit: scope } = useCurrentOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useOrgUnitList({ org: scope.code, q });
  const [editing, setEditing] = useState<Editing>(null);

  const units = list.data?.pages.flatMap((page) => page.items) ?? [];
  const scopeDepth = depthOf(scope);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('orgUnits.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ unit: null })}
          data-testid="org-unit-add"
        >
          {t('orgUnits.add')}
        </Button>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('orgUnits.search')}
        aria-label={t('orgUnits.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {errorText(list.error)}
        </Alert>
      ) : units.length === 0 ? (
        <Text c="dimmed">{t('orgUnits.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orgUnits.fields.name')}</Table.Th>
                  <Table.Th>{t('orgUnits.fields.code')}</Table.Th>
                  <Table.Th>{t('orgUnits.fields.type')}</Table.Th>
                  <Table.Th>{t('orgUnits.fields.director')}</Table.Th>
                  <Table.Th>{t('orgUnits.fields.phone')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((unit) => (
                  <Table.Tr key={unit.code} data-testid={`org-unit-row-${unit.code}`}>
                    <Table.Td
                      style={{ paddingInlineStart: 12 + 20 * Math.max(0, depthOf(unit) - scopeDepth) }}
                    >
                      {orgUnitName(unit, lang)}
                    </Table.Td>
                    <Table.Td>{unit.code}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={unit.type === 'school' ? 'teal' : 'blue'}>
                        {t(`orgTypes.${unit.type}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{unit.director || t('common.none')}</Table.Td>
                    <Table.Td>{unit.phone || t('common.none')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing({ unit })}
                        data-testid={`org-unit-edit-${unit.code}`}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('orgUnits.shown', { count: units.length, countText: formatNumber(units.length, lang) })}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
      {editing && (
        <OrgUnitFormModal unit={editing.unit} defaultParent={scope} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
