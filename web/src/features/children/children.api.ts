import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type {
  Child,
  DuplicateFlag,
  Transfer,
  ChildFilters,
  ChildInput,
  ChildPage,
  HistoryEntry,
  Need,
  NeedItem,
  NeedStatus,
  NeedsSummary,
  SavedChild,
  StatusAction,
} from './children.types.ts';

const childrenKey = ['children'] as const;
export const PAGE_SIZE = 100;

/** The query string of a filtered list; the export link and the printed list use the very same one. */
export function filterQuery(f: ChildFilters) {
  return {
    org: f.org,
    q: f.q,
    class: f.class,
    category: f.category,
    status: f.status,
    need: f.need,
    sort: f.sort,
  };
}

export function exportHref(f: ChildFilters, lang: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filterQuery(f), lang })) if (v) params.set(k, v);
  return `/api/children/export.xlsx?${params.toString()}`;
}

export function useChildList(filters: ChildFilters, limit = PAGE_SIZE) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...childrenKey, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<ChildPage>('/api/children', {
        query: { ...filterQuery(filters), limit, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useChild(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'one', id],
    queryFn: ({ signal }) => api.get<Child>(`/api/children/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    // Every fetch of a card is an audited view: don't refetch it behind the user's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useChildHistory(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'history', id],
    queryFn: ({ signal }) =>
      api.get<HistoryEntry[]>(`/api/children/${encodeURIComponent(id)}/history`, { signal }),
  });
}

export function useSaveChild() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string | null; input: ChildInput; version?: number }) =>
      id === null
        ? api.post<SavedChild>('/api/children', input)
        : api.patch<SavedChild>(`/api/children/${encodeURIComponent(id)}`, { ...input, version }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...childrenKey, 'one', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: [...childrenKey, 'list'] });
    },
  });
}

export function useChangeStatus(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; action: StatusAction; reason?: string }) =>
      api.post<Child>(`/api/children/${encodeURIComponent(id)}/status`, input),
    onSuccess: (child) => {
      queryClient.setQueryData([...childrenKey, 'one', id], child);
      void queryClient.invalidateQueries({ queryKey: [...childrenKey, 'history', id] });
      return queryClient.invalidateQueries({ queryKey: [...childrenKey, 'list'] });
    },
  });
}

export function useRequestTransfer() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: { iin: string; classLabel: string }) =>
      api.post<unknown>('/api/children/transfers', input),
  });
}

export function useNeedItems() {
  const api = useApi();
  return useQuery({
    queryKey: ['need-items'],
    queryFn: ({ signal }) => api.get<NeedItem[]>('/api/need-items', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useChildNeeds(childId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'needs', childId],
    queryFn: ({ signal }) =>
      api.get<Need[]>(`/api/children/${encodeURIComponent(childId)}/needs`, { signal }),
  });
}

export function useNeedMutations(childId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const base = `/api/children/${encodeURIComponent(childId)}/needs`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...childrenKey, 'needs', childId] });
  return {
    add: useMutation({
      mutationFn: (input: {
        itemId: string;
        size: string | null;
        quantity: number;
        estCost: string | null;
      }) => api.post<Need>(base, input),
      onSettled: refresh,
    }),
    update: useMutation({
      mutationFn: ({
        need,
        patch,
      }: {
        need: Need;
        patch: Partial<Pick<Need, 'status' | 'size' | 'quantity'>>;
      }) => api.patch<Need>(`${base}/${encodeURIComponent(need.id)}`, { ...patch, version: need.version }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (need: Need) => api.request<void>('DELETE', `${base}/${encodeURIComponent(need.id)}`),
      onSettled: refresh,
    }),
  };
}

export function useNeedsSummary(org: string, status: NeedStatus) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'needs-summary', org, status],
    queryFn: ({ signal }) =>
      api.get<NeedsSummary>('/api/children/needs-summary', { query: { org, status }, signal }),
  });
}

export function useTransfers(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'transfers', org],
    queryFn: ({ signal }) => api.get<Transfer[]>('/api/children/transfers', { query: { org }, signal }),
  });
}

export function useDecideTransfer() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'decline' }) =>
      api.post<Transfer>(`/api/children/transfers/${encodeURIComponent(id)}/decision`, { decision }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenKey }),
  });
}

export function useDuplicates(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...childrenKey, 'duplicates', org],
    queryFn: ({ signal }) => api.get<DuplicateFlag[]>('/api/children/duplicates', { query: { org }, signal }),
  });
}

export function useResolveDuplicate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'distinct' | 'same' }) =>
      api.post<unknown>(`/api/children/duplicates/${encodeURIComponent(id)}/resolve`, { decision }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenKey }),
  });
}
