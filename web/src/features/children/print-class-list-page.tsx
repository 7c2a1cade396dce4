import { todayInKazakhstan } from '#domain/clock';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '#domain/dates';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { orgUnitName } from '../org-units/org-unit-name.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { categoryLabel, fullName } from './child-labels.ts';
import { useChildList } from './children.api.ts';
import { useChildFilters } from './children-filters.ts';
import './print.css';

/** The filtered list as a sheet of paper: the class list a teacher signs and pins up. */
export function PrintClassListPage() {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { unit: scope } = useCurrentOrg();
  const { filters, search } = useChildFilters(scope.code);
  const list = useChildList({ ...filters, sort: filters.sort === 'name' ? 'class' : filters.sort }, 500);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // A class list is printed whole: fetch every page.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const children = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack className="children-print">
      <Group justify="space-between" className="no-print">
        <Button variant="default" onClick={() => void navigate(`/children${search}`)}>
          {tc('card.back')}
        </Button>
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
          disabled={hasNextPage}
          data-testid="print-now"
        >
          {tc('list.print')}
        </Button>
      </Group>
      <Title order={3}>
        {orgUnitName(scope, lang)}
        {filters.class ? ` — ${filters.class}` : ''}
      </Title>
      <Text size="sm">{tc('print.subtitle', { date: formatDate(todayInKazakhstan(), lang, 'long') })}</Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{errorText(list.error)}</Alert>
      ) : (
        <table className="print-table" data-testid="print-table">
          <thead>
            <tr>
              <th>№</th>
              <th>{tc('fields.fullName')}</th>
              <th>{tc('fields.class')}</th>
              <th>{tc('fields.birthDate')}</th>
              <th>{tc('fields.categories')}</th>
              <th>{tc('fields.guardians')}</th>
              <th>{tc('print.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {children.map((c, i) => (
              <tr key={c.id}>
                <td>{i + 1}</td>
                <td>{fullName(c)}</td>
                <td>{c.classLabel}</td>
                <td>{formatDate(c.birthDate, lang, 'short')}</td>
                <td>
                  {[...c.categories.map((k) => k.code), ...(c.notAttending ? ['not_attending'] : [])]
                    .map((k) => categoryLabel(k, lang))
                    .join(', ')}
                </td>
                <td>{c.guardians.map((g) => [g.name, g.phone].filter(Boolean).join(', ')).join('; ')}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Stack>
  );
}
