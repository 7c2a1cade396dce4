import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';

export function useSetupStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['setup', 'status'],
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/api/setup/status', { signal }),
    staleTime: Infinity,
  });
}

export interface SetupInput {
  token: string;
  name: string;
  email: string;
  password: string;
}

export function useCreateFirstAdmin() {
  const api = useApi();
  return useMutation({ mutationFn: (input: SetupInput) => api.post<{ ok: true }>('/api/setup', input) });
}
