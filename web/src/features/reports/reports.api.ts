import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type { Dashboard, PublicCampaign, ReportView, TraceResult, TraceTarget } from './reports.types.ts';

export interface ReportParams {
  org: string;
  year: number;
  lang: string;
}

export function useReportView(p: ReportParams | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'view', p],
    queryFn: ({ signal }) =>
      api.get<ReportView>('/api/reports/view', {
        query: { org: p!.org, campaign: p!.year, lang: p!.lang },
        signal,
      }),
    enabled: p !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The records behind a figure, a page at a time (the server counts them once, for the first page). */
export function useTrace(p: ReportParams, target: TraceTarget | null) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['reports', 'trace', p, target],
    queryFn: ({ pageParam, signal }) =>
      api.get<TraceResult>('/api/reports/trace', {
        query: { org: p.org, campaign: p.year, lang: p.lang, ...target, limit: 100, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: target !== null,
  });
}

export function useDashboard(org: string, year: number | undefined, lang: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'dashboard', org, year, lang],
    queryFn: ({ signal }) =>
      api.get<Dashboard>('/api/reports/dashboard', { query: { org, campaign: year, lang }, signal }),
    retry: false,
  });
}

export function usePublicCampaign(code: string, year: number, lang: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['public', 'campaign', code, year, lang],
    queryFn: ({ signal }) =>
      api.get<PublicCampaign>(`/api/public/campaigns/${encodeURIComponent(code)}/${year}`, {
        query: { lang },
        signal,
      }),
    retry: false,
  });
}

/** The address of a report file; the browser downloads it with the session cookie. */
export function reportFileHref(p: ReportParams, format: 'md' | 'docx' | 'pdf' | 'xlsx'): string {
  const q = new URLSearchParams({ org: p.org, campaign: String(p.year), lang: p.lang, format });
  return `/api/reports?${q.toString()}`;
}

export function useReportYears(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'years', org],
    queryFn: ({ signal }) => api.get<{ years: number[] }>('/api/reports/years', { query: { org }, signal }),
    retry: false,
  });
}
