import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseStepKind } from '#domain/operations';
import { useApi } from '../../api/api-context.tsx';

export interface CaseStep {
  id: string;
  kind: CaseStepKind;
  doneOn: string;
  byWhom: string;
  notes: string | null;
  nextOn: string | null;
}

export interface NonAttendanceCase {
  id: string;
  childId: string | null;
  childName: string;
  source: 'raid' | 'teacher' | 'hotline';
  openedOn: string;
  dueOn: string | null;
  status: 'open' | 'closed';
  closedOn: string | null;
  overdue: boolean;
  steps: CaseStep[];
  version: number;
}

export function useCases(org: string, status: 'open' | 'closed' | 'all') {
  const api = useApi();
  return useQuery({
    queryKey: ['cases', { org, status }],
    queryFn: ({ signal }) =>
      api.get<{ items: NonAttendanceCase[] }>('/api/cases', { query: { org, status }, signal }),
    select: (r) => r.items,
    placeholderData: keepPreviousData,
  });
}
