import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type { Page, User, UserInput, UserPatch } from '../../api/types.ts';

export const usersKey = ['users'] as const;

export function useUserList({ org, q }: { org: string; q: string }) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', { org, q }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<User>>('/api/users', { query: { org, q, limit: 100, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<User>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      api.patch<User>(`/api/users/${encodeURIComponent(id)}`, patch),
    // After a conflict as well: the list then shows what the other person saved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
