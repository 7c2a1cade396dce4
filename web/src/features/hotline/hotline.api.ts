import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HotlineChannel, HotlineStatus } from '#domain/operations';
import { useApi } from '../../api/api-context.tsx';

export interface HotlineCall {
  id: string;
  receivedAt: string;
  channel: HotlineChannel;
  anonymous: boolean;
  caller: string | null;
  callerPhone: string | null;
  about: string | null;
  subject: string;
  handler: string | null;
  actionTaken: string | null;
  status: HotlineStatus;
  stale: boolean;
  childId: string | null;
  caseId: string | null;
  version: number;
}

export interface HotlineCallInput {
  id: string;
  channel: HotlineChannel;
  anonymous: boolean;
  caller?: string | null;
  callerPhone?: string | null;
  about?: string | null;
  subject: string;
  handler?: string | null;
}

const key = ['hotline'] as const;

export function useHotline(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, { org }],
    queryFn: ({ signal }) =>
      api.get<{ hotline: string | null; items: HotlineCall[] }>('/api/hotline', {
        query: { org, limit: 200 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useLogCall() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HotlineCallInput) => api.post<HotlineCall>('/api/hotline', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateCall() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...patch
    }: {
      id: string;
      version: number;
      status?: HotlineStatus;
      actionTaken?: string | null;
    }) => api.patch<HotlineCall>(`/api/hotline/${id}`, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useOpenCaseFromCall() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, childName }: { id: string; childName: string }) =>
      api.post<HotlineCall>(`/api/hotline/${id}/case`, { childName }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export interface QuickChildInput {
  surname: string;
  name: string;
  birthDate: string;
  classLabel: string;
}

/** Puts the child the call is about on the list (proposed, source hotline) and opens the child's case. */
export function usePutChildOnList() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, child }: { id: string; child: QuickChildInput }) =>
      api.post<HotlineCall>(`/api/hotline/${id}/child`, { newChild: child, openCase: true }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['children'] });
    },
  });
}
