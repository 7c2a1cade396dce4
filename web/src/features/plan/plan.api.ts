import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanStatus } from '#domain/operations';
import { useApi } from '../../api/api-context.tsx';

export interface PlanItem {
  id: string;
  title: string;
  from: string;
  to: string;
  responsible: string;
  status: PlanStatus;
  overdue: boolean;
  evidence: { id: string; kind: 'file' | 'link'; url: string | null; fileName: string | null }[];
  version: number;
}

export interface Plan {
  year: number;
  campaign: { id: string; status: 'open' | 'closed'; from: string; to: string } | null;
  approval: { approvedBy: string; approvedAt: string } | null;
  items: PlanItem[];
}

const key = ['plan'] as const;

export function usePlan(org: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, { org, year }],
    queryFn: ({ signal }) => api.get<Plan>('/api/plan', { query: { org, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

function usePlanMutation<V>(fn: (api: ReturnType<typeof useApi>, v: V) => Promise<unknown>) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(api, v),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useAddPlanItem = () =>
  usePlanMutation((api, v: { year: number; title: string; from: string; to: string; responsible: string }) =>
    api.post('/api/plan', v),
  );
export const useUpdatePlanItem = () =>
  usePlanMutation((api, { id, ...patch }: { id: string; version: number; status?: PlanStatus }) =>
    api.patch(`/api/plan/${id}`, patch),
  );
export const useCopyPlan = () => usePlanMutation((api, year: number) => api.post('/api/plan/copy', { year }));
export const useApprovePlan = () =>
  usePlanMutation((api, year: number) => api.post('/api/plan/approve', { year }));
export const useAddEvidenceLink = () =>
  usePlanMutation((api, { id, url }: { id: string; url: string }) =>
    api.post(`/api/plan/${id}/links`, { url }),
  );
export const useUploadEvidence = () =>
  usePlanMutation((api, { id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/plan/${id}/evidence`, form);
  });
