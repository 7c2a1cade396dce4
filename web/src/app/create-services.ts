import type { Lang } from '#domain/lang';
import { ApiClient } from '../api/client.ts';
import { createQueryClient } from '../api/query-client.ts';
import { createI18n } from '../i18n/i18n.ts';
import type { AppServices } from './app-providers.tsx';

export function createServices(lang: Lang): AppServices {
  const i18n = createI18n(lang);
  const api = new ApiClient({ getLanguage: () => i18n.language });
  return { i18n, api, queryClient: createQueryClient() };
}
