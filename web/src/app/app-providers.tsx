import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/api-context.tsx';
import type { ApiClient } from '../api/client.ts';
import { theme } from './theme.ts';

export interface AppServices {
  i18n: I18n;
  api: ApiClient;
  queryClient: QueryClient;
}

/**
 * Everything a page needs around it; the app and the tests build it the same way. (The toasts' container is in the
 * signed-in layout: only signed-in pages show toasts, and the sign-in page need not download it.)
 */
export function AppProviders({
  services,
  env = 'default',
  children,
}: {
  services: AppServices;
  /** 'test' turns off Mantine's transitions and portals. */
  env?: 'default' | 'test';
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={services.i18n}>
      <ApiProvider client={services.api}>
        <QueryClientProvider client={services.queryClient}>
          <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
            {children}
          </MantineProvider>
        </QueryClientProvider>
      </ApiProvider>
    </I18nextProvider>
  );
}
