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
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { UserFormModal } from './user-form.tsx';
import { useUpdateUser, useUserList } from './users.api.ts';

type Editing = { user: User | null } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useSession();
  const { unit: scope } = useCurrentOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useUserList({ org: scope.code, q });
  const update = useUpdateUser();
  const [editing, setEditing] = useState<Editing>(null);

  const users = list.data?.pages.flatMap((page) => page.items) ?? [];

  const reload = async (id: string): Promise<User | null> => {
    const fresh = await list.refetch();
    return fresh.data?.pages.flatMap((page) => page.items).find((u) => u.id === id) ?? null;
  };

  const toggle = (user: User) => {
    update.mutate(
      { id: user.id, patch: { disabled: !user.disabled, version: user.version } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: saved.disabled ? t('users.disabledDone') : t('users.enabledDone'),
          }),
        onError: (error) =>
          notifications.show({
            color: error instanceof ApiError && error.isConflict ? 'orange' : 'red',
            message: error instanceof ApiError && error.isConflict ? t('errors.conflict') : errorText(error),
          }),
      },
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ user: null })}
          data-testid="user-add"
        >
          {t('users.add')}
        </Button>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('users.search')}
        aria-label={t('users.search')}
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
      ) : users.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.fields.name')}</Table.Th>
                  <Table.Th>{t('users.fields.email')}</Table.Th>
                  <Table.Th>{t('users.fields.role')}</Table.Th>
                  <Table.Th>{t('users.fields.orgUnit')}</Table.Th>
                  <Table.Th>{t('users.status.label')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((user) => (
                  <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                    <Table.Td>{user.orgUnitCode}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={user.disabled ? 'gray' : 'green'}>
                        {user.disabled ? t('users.status.disabled') : t('users.status.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setEditing({ user })}
                        >
                          {t('common.edit')}
                        </Button>
                        {user.id !== me.id && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color={user.disabled ? 'green' : 'red'}
                            onClick={() => toggle(user)}
                            loading={update.isPending && update.variables.id === user.id}
                            data-testid={`user-toggle-${user.email}`}
                          >
                            {user.disabled ? t('users.enable') : t('users.disable')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      {editing && (
        <UserFormModal
          user={editing.user}
          defaultOrg={scope}
          onClose={() => setEditing(null)}
          reload={reload}
        />
      )}
    </Stack>
  );
}
