import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  IconArrowsExchange,
  IconDownload,
  IconListDetails,
  IconPlus,
  IconPrinter,
  IconSearch,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CATEGORY_CODES } from '#domain/categories';
import { formatNumber } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { categoryLabel, itemName } from './child-labels.ts';
import { exportHref, useChildList, useNeedItems } from './children.api.ts';
import { useChildFilters } from './children-filters.ts';
import { ChildrenTable } from './children-table.tsx';
import { CHILD_SORTS, CHILD_STATUSES } from './children.types.ts';

export function ChildrenPage() {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const me = useSession();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { unit: scope } = useCurrentOrg();
  const { filters, set, update, search } = useChildFilters(scope.code);
  const [text, setText] = useState(filters.q);
  const [q] = useDebouncedValue(text.trim(), 300);
  const [classText, setClassText] = useState(filters.class);
  const [cls] = useDebouncedValue(classText.trim(), 300);
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const list = useChildList(filters);
  const items = useNeedItems();

  // The search boxes write to the address once typing pauses (both at once: updates do not queue).
  useEffect(() => {
    if (q !== filters.q || cls !== filters.class) update({ q, class: cls });
  }, [q, cls]); // eslint-disable-line react-hooks/exhaustive-deps

  const children = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? null;
  const mayAdd = me.role !== 'officer' && scope.type === 'school';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{tc('list.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconListDetails size={16} />}
            onClick={() => void navigate('/children/needs-summary')}
          >
            {tc('summary.open')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} />}
            onClick={() => void navigate('/children/requests')}
          >
            {tc('requests.open')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => void navigate(`/children/print${search}`)}
            data-testid="children-print"
          >
            {tc('list.print')}
          </Button>
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} />}
            href={exportHref(filters, lang)}
            download
            data-testid="children-export"
          >
            {tc('list.export')}
          </Button>
          {mayAdd && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => void navigate('/children/new')}
              data-testid="child-add"
            >
              {tc('list.add')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }} spacing="xs">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={tc('list.search')}
          aria-label={tc('list.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="children-search"
        />
        <TextInput
          placeholder={tc('fields.class')}
          aria-label={tc('fields.class')}
          value={classText}
          onChange={(e) => setClassText(e.currentTarget.value)}
          data-testid="children-class"
        />
        <Select
          placeholder={tc('fields.categories')}
          aria-label={tc('fields.categories')}
          clearable
          value={filters.category || null}
          onChange={(v) => set('category', v ?? '')}
          data={[...CATEGORY_CODES, 'not_attending'].map((code) => ({
            value: code,
            label: categoryLabel(code, lang),
          }))}
          data-testid="children-category"
        />
        <Select
          placeholder={tc('fields.status')}
          aria-label={tc('fields.status')}
          clearable
          value={filters.status || null}
          onChange={(v) => set('status', v ?? '')}
          data={CHILD_STATUSES.map((s) => ({ value: s, label: tc(`status.${s}`) }))}
          data-testid="children-status"
        />
        <Select
          placeholder={tc('fields.needs')}
          aria-label={tc('fields.needs')}
          clearable
          value={filters.need || null}
          onChange={(v) => set('need', v ?? '')}
          data={(items.data ?? []).map((i) => ({ value: i.code, label: itemName(i, lang) }))}
          data-testid="children-need"
        />
        <Select
          aria-label={tc('list.sort')}
          value={filters.sort}
          onChange={(v) => set('sort', v ?? 'name')}
          data={CHILD_SORTS.map((s) => ({ value: s, label: tc(`sort.${s.replace('-', 'desc_')}`) }))}
          allowDeselect={false}
          data-testid="children-sort"
        />
      </SimpleGrid>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {errorText(list.error)}
        </Alert>
      ) : children.length === 0 ? (
        <Text c="dimmed" data-testid="children-empty">
          {tc('list.empty')}
        </Text>
      ) : (
        <>
          <ChildrenTable
            items={children}
            hasNextPage={list.hasNextPage}
            fetchingNext={list.isFetchingNextPage}
            fetchNextPage={() => void list.fetchNextPage()}
            narrow={narrow}
            onOpen={(child) => void navigate(`/children/${child.id}`)}
          />
          <Text size="sm" c="dimmed" data-testid="children-count">
            {tc('list.shown', {
              count: children.length,
              shown: formatNumber(children.length, lang),
              total: formatNumber(total ?? children.length, lang),
            })}
          </Text>
        </>
      )}
    </Stack>
  );
}
