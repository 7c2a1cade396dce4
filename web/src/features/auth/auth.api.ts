import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { ApiError, type ApiClient } from '../../api/client.ts';
import type { Lang, Me } from '../../api/types.ts';

export const meQueryKey = ['auth', 'me'] as const;

interface MeResponse {
  user: Me;
  csrfToken: string;
}

/** Who is signed in, or null. Also picks up the CSRF token every later write sends. */
async function fetchMe(api: ApiClient): Promise<Me | null> {
  try {
    const { user, csrfToken } = await api.get<MeResponse>('/api/auth/me');
    api.setCsrfToken(csrfToken);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      api.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: meQueryKey, queryFn: () => fetchMe(api), staleTime: 60_000 });
}

export interface SignInInput {
  email: string;
  password: string;
  /** A language the person picked on the sign-in page; it becomes their profile's language. */
  pickedLang: Lang | null;
}

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password, pickedLang }: SignInInput): Promise<Me> => {
      await api.post<{ user: Me }>('/api/auth/login', { email, password });
      let me = await fetchMe(api);
      if (!me) throw new ApiError(401, 'unauthorized', '');
      if (pickedLang && pickedLang !== me.lang) {
        me = (await api.patch<{ user: Me }>('/api/auth/me', { lang: pickedLang })).user;
      }
      return me;
    },
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      api.setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useChangePassword() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', input),
  });
}

export function useSaveProfileLanguage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lang: Lang) => api.patch<{ user: Me }>('/api/auth/me', { lang }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
