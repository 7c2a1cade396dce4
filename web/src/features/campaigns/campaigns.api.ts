import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';

export interface Campaign {
  id: string;
  orgCode: string;
  orgNameRu: string;
  orgNameKk: string;
  year: number;
  from: string;
  to: string;
  mottoRu: string | null;
  mottoKk: string | null;
  goals: string | null;
  status: 'open' | 'closed';
  canManage: boolean;
  version: number;
}

export interface CampaignInput {
  orgCode?: string;
  year: number;
  from?: string;
  to?: string;
  mottoRu?: string | null;
  mottoKk?: string | null;
  goals?: string | null;
}

const key = ['campaigns'] as const;

export function useCampaigns(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, { org }],
    queryFn: ({ signal }) => api.get<{ items: Campaign[] }>('/api/campaigns', { query: { org }, signal }),
    select: (r) => r.items,
  });
}

function useCampaignMutation<V>(fn: (api: ReturnType<typeof useApi>, v: V) => Promise<unknown>) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(api, v),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useOpenCampaign = () =>
  useCampaignMutation((api, v: CampaignInput) => api.post('/api/campaigns', v));
export const useEditCampaign = () =>
  useCampaignMutation(
    (api, { id, ...patch }: { id: string; version: number } & Omit<CampaignInput, 'year' | 'orgCode'>) =>
      api.patch(`/api/campaigns/${id}`, patch),
  );
export const useCloseCampaign = () =>
  useCampaignMutation((api, { id, version }: { id: string; version: number }) =>
    api.post(`/api/campaigns/${id}/close`, { version }),
  );
export const useReopenCampaign = () =>
  useCampaignMutation((api, { id, version, reason }: { id: string; version: number; reason: string }) =>
    api.post(`/api/campaigns/${id}/reopen`, { version, reason }),
  );
