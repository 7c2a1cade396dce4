import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type { Page } from '../../api/types.ts';
import type {
  AidLine,
  ChildOption,
  Fairness,
  FvList,
  FvRow,
  Handover,
  HandoverCheck,
  HandoverInput,
  AidWarning,
  Pledge,
  Sponsor,
  SponsorHistory,
  SponsorInput,
} from './help.types.ts';

const helpKey = ['help'] as const;

export function useFv(org: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'fv', org, year],
    queryFn: ({ signal }) => api.get<FvList>('/api/fv', { query: { org, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePutFv() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      org,
      year,
      allocated,
      version,
    }: {
      org: string;
      year: number;
      allocated: string;
      version: number | null;
    }) =>
      api.request<FvRow>('PUT', `/api/fv/${encodeURIComponent(org)}/${year}`, {
        body: { allocated, ...(version !== null && { version }) },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useSponsors(org: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'sponsors', org, q],
    queryFn: ({ signal }) =>
      api.get<Page<Sponsor>>('/api/sponsors', { query: { org, q, limit: 500 }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

export function useSponsorHistory(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'sponsor-history', id],
    queryFn: ({ signal }) => api.get<SponsorHistory>(`/api/sponsors/${id}/history`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateSponsor() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SponsorInput) => api.post<Sponsor>('/api/sponsors', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useMergeSponsor() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keepId, duplicateId }: { keepId: string; duplicateId: string }) =>
      api.post<Sponsor>(`/api/sponsors/${keepId}/merge`, { duplicateId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function usePledges(org: string, overdue: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'pledges', org, overdue],
    queryFn: ({ signal }) =>
      api.get<Page<Pledge>>('/api/pledges', {
        query: { org, limit: 500, ...(overdue && { overdue: 'true' }) },
        signal,
      }),
    select: (page) => page.items,
  });
}

export function usePledgeAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      pledge,
      action,
      date,
      reason,
    }: {
      pledge: Pledge;
      action: 'deliver' | 'cancel';
      date?: string;
      reason?: string;
    }) =>
      action === 'deliver'
        ? api.post(`/api/pledges/${pledge.id}/deliver`, { version: pledge.version, date })
        : api.post(`/api/pledges/${pledge.id}/cancel`, { version: pledge.version, reason }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useAidLines(org: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'aid', org, year],
    queryFn: ({ signal }) => api.get<Page<AidLine>>('/api/aid', { query: { org, year, limit: 500 }, signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

export function useCheckHandover() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: HandoverInput) => api.post<HandoverCheck>('/api/aid/check', input),
  });
}

export function useRecordHandover() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HandoverInput) =>
      api.post<{ handover: Handover; warnings: AidWarning[] }>('/api/aid/handovers', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useReverseAid() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post(`/api/aid/${id}/reverse`, { reason }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useFairness(org: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'fairness', org, year],
    queryFn: ({ signal }) => api.get<Fairness>('/api/aid/fairness', { query: { org, year }, signal }),
  });
}

/** Children of the school on the approved list, for picking whom a handover goes to. */
export function useApprovedChildren(org: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'children', org, q],
    queryFn: ({ signal }) =>
      api.get<Page<ChildOption>>('/api/children', {
        query: { org, q, status: 'approved', limit: 500 },
        signal,
      }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

/** Attaches the scanned act of transfer (PDF, JPEG or PNG) to a handover. */
export function useUploadProof() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handoverId, file }: { handoverId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/api/aid/handovers/${handoverId}/proofs`, form);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export interface PledgeInput {
  sponsorId: string;
  form: string;
  amount?: string;
  childIds: string[];
  description?: string;
  dueDate: string;
}

export function useCreatePledge() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PledgeInput) => api.post<Pledge>('/api/pledges', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export function useUpdateSponsor() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sponsor, patch }: { sponsor: Sponsor; patch: Partial<SponsorInput> }) =>
      api.patch<Sponsor>(`/api/sponsors/${sponsor.id}`, { version: sponsor.version, ...patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}

export interface Pm {
  year: number;
  amount: number;
  version: number;
}

export function usePmList() {
  const api = useApi();
  return useQuery({
    queryKey: [...helpKey, 'pm'],
    queryFn: ({ signal }) => api.get<{ items: Pm[] }>('/api/reference/pm', { signal }),
    select: (r) => r.items,
  });
}

/** Sets the subsistence minimum of a year (admins only). */
export function usePutPm() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, amount, version }: { year: number; amount: string; version?: number }) =>
      api.request<Pm>('PUT', `/api/reference/pm/${year}`, { body: { amount, ...(version && { version }) } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpKey }),
  });
}
