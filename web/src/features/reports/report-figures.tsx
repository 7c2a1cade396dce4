import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '#domain/money';
import type { Lang } from '#domain/lang';
import type { Cell, ColumnKind, ReportTable, TraceTarget } from './reports.types.ts';

function cellText(cell: Cell, kind: ColumnKind, lang: Lang): string {
  if (cell === null || cell === '') return '—';
  if (typeof cell === 'number') return kind === 'text' ? String(cell) : formatNumber(cell, lang);
  return cell;
}

/** One table of the report; every figure with records behind it is a button that lists them. */
export function ReportTableView({
  table,
  lang,
  onTrace,
  unitHref,
}: {
  table: ReportTable;
  lang: Lang;
  onTrace: (target: TraceTarget) => void;
  unitHref: (code: string) => string;
}) {
  const marked = new Set(table.marked ?? []);
  const numeric = (kind: ColumnKind) => kind !== 'text';
  const renderCell = (cell: Cell, kind: ColumnKind, link: TraceTarget | null | undefined, bold: boolean) => {
    const text = cellText(cell, kind, lang);
    if (link && typeof cell === 'number') {
      return (
        <UnstyledButton
          onClick={() => onTrace(link)}
          c="blue.8"
          fw={bold ? 700 : 500}
          td="underline"
          style={{ textDecorationStyle: 'dotted' }}
          data-metric={link.metric}
        >
          {text}
        </UnstyledButton>
      );
    }
    return bold ? (
      <Text fw={700} span inherit>
        {text}
      </Text>
    ) : (
      text
    );
  };
  return (
    <Table.ScrollContainer minWidth={table.columns.length > 6 ? 900 : 420}>
      <Table striped withTableBorder fz="sm" data-table={table.id}>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c) => (
              <Table.Th key={c.header} ta={numeric(c.kind) ? 'right' : 'left'}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r} fs={marked.has(r) ? 'italic' : undefined}>
              {table.columns.map((c, i) => {
                const code = table.codes?.[r];
                const isName = table.id === 'units' && i === 1 && code;
                return (
                  <Table.Td key={i} ta={numeric(c.kind) ? 'right' : 'left'}>
                    {isName ? (
                      <Anchor component={Link} to={unitHref(code)}>
                        {cellText(row[i] ?? null, c.kind, lang)}
                      </Anchor>
                    ) : (
                      renderCell(row[i] ?? null, c.kind, table.links?.[r]?.[i], false)
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          {table.total && (
            <Table.Tr>
              {table.columns.map((c, i) => (
                <Table.Td key={i} ta={numeric(c.kind) ? 'right' : 'left'}>
                  {table.total?.[i] === null
                    ? ''
                    : renderCell(table.total?.[i] ?? null, c.kind, table.totalLinks?.[i], true)}
                </Table.Td>
              ))}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
