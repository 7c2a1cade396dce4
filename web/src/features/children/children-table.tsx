import { Badge, Card, Group, Text, UnstyledButton } from '@mantine/core';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '#domain/dates';
import { useLang } from '../../i18n/use-lang.ts';
import { categoryLabel, fullName } from './child-labels.ts';
import type { Child } from './children.types.ts';
import { StatusBadge } from './status-badge.tsx';

interface ChildrenTableProps {
  items: Child[];
  hasNextPage: boolean;
  fetchingNext: boolean;
  fetchNextPage: () => void;
  /** Cards instead of table rows, for phones. */
  narrow: boolean;
  onOpen: (child: Child) => void;
}

const COLUMNS = '2.4fr 1.1fr 0.6fr 1fr 1.6fr 1fr 0.5fr';

/**
 * Only the rows in view are in the page, so a school of 10 000 children scrolls as lightly as one of 10. The
 * next page is fetched when the last loaded row comes into view.
 */
export function ChildrenTable({
  items,
  hasNextPage,
  fetchingNext,
  fetchNextPage,
  narrow,
  onOpen,
}: ChildrenTableProps) {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (narrow ? 112 : 44),
    overscan: 12,
    // Before layout (and in tests) the box measures 0: assume a screenful rather than render nothing.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width || 1024, height: 640 }),
      ),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems.at(-1);

  useEffect(() => {
    if (last && last.index >= items.length - 1 && hasNextPage && !fetchingNext) fetchNextPage();
  }, [last, items.length, hasNextPage, fetchingNext, fetchNextPage]);

  const categories = (child: Child) =>
    [...child.categories.map((c) => c.code), ...(child.notAttending ? ['not_attending'] : [])].map((code) => (
      <Badge key={code} size="xs" variant="light" color={code === 'not_attending' ? 'red' : 'blue'}>
        {categoryLabel(code, lang)}
      </Badge>
    ));

  return (
    <div role="table" aria-label={tc('list.title')} aria-rowcount={items.length} data-testid="children-table">
      {!narrow && (
        <div role="rowgroup">
          <div
            role="row"
            style={{
              display: 'grid',
              gridTemplateColumns: COLUMNS,
              gap: 8,
              padding: '6px 8px',
              fontWeight: 600,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <div role="columnheader">{tc('fields.fullName')}</div>
            <div role="columnheader">{tc('fields.iin')}</div>
            <div role="columnheader">{tc('fields.class')}</div>
            <div role="columnheader">{tc('fields.birthDate')}</div>
            <div role="columnheader">{tc('fields.categories')}</div>
            <div role="columnheader">{tc('fields.status')}</div>
            <div role="columnheader">{tc('fields.needs')}</div>
          </div>
        </div>
      )}
      <div
        ref={scrollRef}
        role="rowgroup"
        style={{ height: 'min(70vh, 720px)', overflowY: 'auto', contain: 'strict' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const child = items[row.index]!;
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start}px)`,
            };
            return narrow ? (
              <div
                key={child.id}
                role="row"
                aria-rowindex={row.index + 1}
                data-index={row.index}
                ref={virtualizer.measureElement}
                style={{ ...style, padding: '4px 0' }}
              >
                <Card withBorder padding="sm" role="cell">
                  <UnstyledButton
                    onClick={() => onOpen(child)}
                    data-testid={`child-row-${child.id}`}
                    w="100%"
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>{fullName(child)}</Text>
                      <StatusBadge status={child.status} />
                    </Group>
                    <Text size="sm" c="dimmed">
                      {child.classLabel} · {formatDate(child.birthDate, lang, 'short')} ·{' '}
                      {child.iin ?? tc('list.noIin')}
                    </Text>
                    <Group gap={4} mt={4}>
                      {categories(child)}
                    </Group>
                  </UnstyledButton>
                </Card>
              </div>
            ) : (
              <div
                key={child.id}
                role="row"
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(child);
                }}
                aria-rowindex={row.index + 1}
                onClick={() => onOpen(child)}
                data-testid={`child-row-${child.id}`}
                style={{
                  ...style,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  gap: 8,
                  alignItems: 'center',
                  height: row.size,
                  padding: '0 8px',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  boxSizing: 'border-box',
                  cursor: 'pointer',
                  fontSize: 'var(--mantine-font-size-sm)',
                }}
              >
                <div role="cell" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {fullName(child)}
                    {child.possibleDuplicate && (
                      <IconAlertTriangle
                        size={14}
                        color="var(--mantine-color-orange-6)"
                        aria-label={tc('list.possibleDuplicate')}
                        style={{ marginInlineStart: 4 }}
                      />
                    )}
                  </Text>
                </div>
                <div role="cell">
                  <Text size="sm" ff="monospace">
                    {child.iin ?? '—'}
                  </Text>
                </div>
                <div role="cell">{child.classLabel}</div>
                <div role="cell">{formatDate(child.birthDate, lang, 'short')}</div>
                <div role="cell">
                  <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
                    {categories(child)}
                  </Group>
                </div>
                <div role="cell">
                  <StatusBadge status={child.status} />
                </div>
                <div role="cell">{child.openNeeds > 0 ? child.openNeeds : ''}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
