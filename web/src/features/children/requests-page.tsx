import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '#domain/dates';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { useDecideTransfer, useDuplicates, useResolveDuplicate, useTransfers } from './children.api.ts';

/**
 * What waits for a person's decision: transfers between schools (the school holding the child accepts or
 * declines) and probable duplicates among children without an IIN.
 */
export function RequestsPage() {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const { unit: scope } = useCurrentOrg();
  const transfers = useTransfers(scope.code);
  const duplicates = useDuplicates(scope.code);
  const decide = useDecideTransfer();
  const resolve = useResolveDuplicate();
  const failure = decide.error ?? resolve.error ?? transfers.error ?? duplicates.error;
  return (
    <Stack>
      <Anchor component={Link} to="/children">
        {tc('card.back')}
      </Anchor>
      <Title order={2}>{tc('requests.title')}</Title>
      {failure && (
        <Alert color="red" role="alert">
          {errorText(failure)}
        </Alert>
      )}
      <Title order={4}>{tc('requests.transfers')}</Title>
      {(transfers.data ?? []).length === 0 ? (
        <Text c="dimmed">{tc('requests.noTransfers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="transfers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tc('fields.fullName')}</Table.Th>
                <Table.Th>{tc('requests.from')}</Table.Th>
                <Table.Th>{tc('requests.to')}</Table.Th>
                <Table.Th>{tc('fields.class')}</Table.Th>
                <Table.Th>{tc('requests.requested')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(transfers.data ?? []).map((tr) => (
                <Table.Tr key={tr.id} data-testid={`transfer-${tr.id}`}>
                  <Table.Td>{tr.childName ?? tc('requests.unseenChild')}</Table.Td>
                  <Table.Td>{tr.fromSchoolCode ?? '—'}</Table.Td>
                  <Table.Td>{tr.toSchoolCode}</Table.Td>
                  <Table.Td>{tr.classLabel}</Table.Td>
                  <Table.Td>
                    {formatDate(tr.requestedAt.slice(0, 10), lang, 'short')} · {tr.requestedBy}
                  </Table.Td>
                  <Table.Td>
                    {tr.decidable ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          onClick={() => decide.mutate({ id: tr.id, decision: 'accept' })}
                          data-testid={`transfer-accept-${tr.id}`}
                        >
                          {tc('requests.accept')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => decide.mutate({ id: tr.id, decision: 'decline' })}
                        >
                          {tc('requests.decline')}
                        </Button>
                      </Group>
                    ) : (
                      <Badge
                        variant="light"
                        color={
                          tr.status === 'accepted' ? 'teal' : tr.status === 'declined' ? 'red' : 'yellow'
                        }
                      >
                        {tc(`requests.status.${tr.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={4}>{tc('requests.duplicates')}</Title>
      {(duplicates.data ?? []).length === 0 ? (
        <Text c="dimmed">{tc('requests.noDuplicates')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="duplicates">
            <Table.Tbody>
              {(duplicates.data ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  {[d.child, d.other].map((c, i) =>
                    c ? (
                      <Table.Td key={c.id}>
                        <Anchor component={Link} to={`/children/${c.id}`}>
                          {c.fullName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {formatDate(c.birthDate, lang, 'short')} · {c.classLabel} · {c.schoolCode}
                        </Text>
                      </Table.Td>
                    ) : (
                      <Table.Td key={`elsewhere-${i}`}>
                        <Text size="sm" c="dimmed">
                          {tc('requests.elsewhere')}
                        </Text>
                      </Table.Td>
                    ),
                  )}
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => resolve.mutate({ id: d.id, decision: 'distinct' })}
                      >
                        {tc('requests.distinct')}
                      </Button>
                      <Button
                        size="xs"
                        color="orange"
                        onClick={() => resolve.mutate({ id: d.id, decision: 'same' })}
                      >
                        {tc('requests.same')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
