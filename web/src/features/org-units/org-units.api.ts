import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type { OrgUnit, OrgUnitInput, OrgUnitPatch, Page } from '../../api/types.ts';

const orgUnitsKey = ['org-units'] as const;

export interface OrgUnitListParams {
  org: string;
  q: string;
  limit?: number;
}

export function useOrgUnitList({ org, q, limit = 100 }: OrgUnitListParams) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...orgUnitsKey, 'list', { org, q, limit }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OrgUnit>>('/api/org-units', { query: { org, q, limit, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short list for pickers (org switcher, parent unit, a user's unit), searched on the server. */
export function useOrgUnitOptions(org: string, q: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...orgUnitsKey, 'options', { org, q }],
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnit>>('/api/org-units', { query: { org, q, limit: 50 }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrgUnit(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...orgUnitsKey, 'one', code],
    queryFn: ({ signal }) => api.get<OrgUnit>(`/api/org-units/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: code !== null,
  });
}

export function useCreateOrgUnit() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgUnitInput) => api.post<OrgUnit>('/api/org-units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgUnitsKey }),
  });
}

export function useUpdateOrgUnit() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: OrgUnitPatch }) =>
      api.patch<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`, patch),
    // Refresh after a conflict too: the form then shows what the other person saved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: orgUnitsKey }),
  });
}
