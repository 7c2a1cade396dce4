import type { i18n as I18n } from 'i18next';
import { ApiClient } from '../api/client.ts';
import { createQueryClient } from '../api/query-client.ts';
import type { AppServices } from './app-providers.tsx';

export function createServices(i18n: I18n): AppServices {
  const api = new ApiClient({ getLanguage: () => i18n.language });
  return { i18n, api, queryClient: createQueryClient() };
}
