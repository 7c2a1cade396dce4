import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../features/auth/auth.api.ts';
import { PasswordDialog } from '../../features/auth/password-dialog.tsx';
import { useSession } from '../../features/auth/session-context.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [passwordOpen, setPasswordOpen] = useState(false);

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('userMenu.label')} data-testid="user-menu">
            <Avatar name={me.name} color="initials" size={34} />
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="dark" truncate="end">
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {me.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${me.role}`)}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconKey size={16} />}
            onClick={() => setPasswordOpen(true)}
            data-testid="change-password"
          >
            {t('userMenu.changePassword')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            color="red"
            data-testid="sign-out"
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })
            }
          >
            {t('userMenu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PasswordDialog opened={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
