import { Suspense } from 'react';
import { PageLoader } from '../page-loader.tsx';
import { AppShell, Box, Burger, Divider, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canAdminister, useSession } from '../../features/auth/session-context.tsx';
import { useSaveProfileLanguage } from '../../features/auth/auth.api.ts';
import { OrgSwitcher } from '../../features/org-units/org-switcher.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NAV_ITEMS, type NavItem } from './nav-items.ts';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const [navOpen, nav] = useDisclosure(false);
  const saveLanguage = useSaveProfileLanguage();
  const location = useLocation();

  const admin = canAdminister(me.role);
  const sections = NAV_ITEMS.filter((item) => !item.admin);
  const adminSections = admin ? NAV_ITEMS.filter((item) => item.admin) : [];

  const link = (item: NavItem) => (
    <NavLink
      key={item.key}
      component={Link}
      to={item.path}
      label={t(`nav.${item.key}`)}
      leftSection={<item.icon size={18} stroke={1.6} />}
      active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
      onClick={nav.close}
      data-testid={`nav-${item.key}`}
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="sm" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('nav.close') : t('nav.open')}
              data-testid="nav-burger"
            />
            <Text
              component="h1"
              m={0}
              fw={700}
              fz={{ base: 'md', sm: 'xl' }}
              c="blue.8"
              truncate="end"
              data-testid="app-name"
            >
              {t('app.name')}
            </Text>
          </Group>
          <Box visibleFrom="sm" style={{ flex: 1, maxWidth: 420, minWidth: 0 }}>
            <OrgSwitcher />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch onPick={(lang) => saveLanguage.mutate(lang)} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <Box hiddenFrom="sm" pb="xs">
          <OrgSwitcher />
        </Box>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.label')}>
            {sections.map(link)}
            {adminSections.length > 0 && (
              <>
                <Divider my="xs" />
                <Text size="xs" c="dimmed" tt="uppercase" fw={600} px="sm" pb={4}>
                  {t('nav.administration')}
                </Text>
                {adminSections.map(link)}
              </>
            )}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <Notifications position="top-right" />
      <AppShell.Main>
        {/* A page's chunk loads inside the shell: the navigation stays while it arrives. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
