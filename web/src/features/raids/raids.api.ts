import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../api/api-context.tsx';
import type { ParticipantKind, PlaceKind } from '#domain/raid-codes';

export interface Raid {
  id: string;
  heldOn: string;
  timeFrom: string | null;
  timeTo: string | null;
  notes: string | null;
  places: { kind: PlaceKind; name: string | null }[];
  participants: { kind: ParticipantKind; count: number; organisations: string | null }[];
  children: {
    id: string;
    childId: string | null;
    fullName: string;
    reason: string;
    action: string | null;
    caseId: string | null;
  }[];
  version: number;
}

export interface RaidInput {
  id: string;
  heldOn: string;
  timeFrom?: string | null;
  timeTo?: string | null;
  notes?: string | null;
  places: { kind: PlaceKind; name?: string | null }[];
  participants: { kind: ParticipantKind; count: number; organisations?: string | null }[];
  children: {
    childId?: string | null;
    newChild?: { surname: string; name: string; birthDate: string; classLabel: string } | null;
    reason: string;
    action?: string | null;
  }[];
}

export interface RegistryChildOption {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  classLabel: string;
}

export function useRaids(org: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['raids', { org, year }],
    queryFn: ({ signal }) => api.get<{ items: Raid[] }>('/api/raids', { query: { org, year }, signal }),
    select: (r) => r.items,
    placeholderData: keepPreviousData,
  });
}

/** Children of the registry matching a search, for "found a child we know". */
export function useRegistrySearch(org: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['children', 'pick', { org, q }],
    queryFn: ({ signal }) =>
      api.get<{ items: RegistryChildOption[] }>('/api/children', { query: { org, q, limit: 20 }, signal }),
    select: (r) => r.items,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useRefreshOperations() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['raids'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  }, [queryClient]);
}
