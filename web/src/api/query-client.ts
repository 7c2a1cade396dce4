import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../features/auth/auth.api.ts';
import { ApiError } from './api-error.ts';

/**
 * Query defaults for slow school connections: retry only what may succeed on a second try, and treat a 401
 * anywhere as "the session has ended" so the app returns to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => sessionEnded(error) }),
    mutationCache: new MutationCache({ onError: (error) => sessionEnded(error) }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });

  function sessionEnded(error: unknown) {
    if (error instanceof ApiError && error.status === 401 && client.getQueryData(meQueryKey)) {
      client.setQueryData(meQueryKey, null);
    }
  }

  return client;
}
