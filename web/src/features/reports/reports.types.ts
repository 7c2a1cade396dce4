import type { NarrativeDocument } from '#domain/report/narrative-document';
import type { Report } from '#domain/report/report';

export type { NarrativeDocument, Report };

export type ColumnKind = 'text' | 'count' | 'tenge' | 'rank';
export type Cell = string | number | null;

/** A table of the report as the server builds it (server/src/features/reports/render/report-tables.ts). */
export interface ReportTable {
  id: 'summary' | 'fvByMonth' | 'sponsors' | 'byCategory' | 'byForm' | 'items' | 'raids' | 'units';
  title: string;
  sheet: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: Cell[][];
  total?: Cell[];
  marked?: number[];
  links?: (TraceTarget | null)[][];
  totalLinks?: (TraceTarget | null)[];
  codes?: string[];
}

export interface ReportView {
  report: Report;
  narrative: NarrativeDocument;
  tables: ReportTable[];
  years: number[];
}

export type TraceMetric =
  | 'fv.students'
  | 'fv.amount'
  | 'sponsors.students'
  | 'sponsors.amount'
  | 'total.students'
  | 'total.amount'
  | 'children.listed'
  | 'children.proposed'
  | 'children.notAttending'
  | 'raids.count'
  | 'raids.childrenFound'
  | 'raids.returnedToSchool'
  | 'hotline.calls'
  | 'hotline.closed'
  | 'plan.items'
  | 'plan.done';

/** Which records to list behind a figure: the metric and, optionally, the row of a table it sits in. */
export interface TraceTarget {
  metric: TraceMetric;
  month?: string;
  sponsor?: string;
  category?: string;
  form?: string;
}

export interface TraceRecord {
  kind: 'aid' | 'child' | 'raid' | 'hotline' | 'plan';
  id: string;
  date: string | null;
  label: string;
  orgCode: string;
  orgName: string;
  amount: number | null;
}

export interface TraceResult {
  metric: TraceMetric;
  value: number;
  total: number;
  items: TraceRecord[];
  /** The cursor of the next page, null on the last. */
  next: string | null;
}

export interface Dashboard {
  org: { code: string; name: string; type: string };
  year: number;
  years: number[];
  weeks: { week: number; fv: number; sponsors: number; students: number }[];
  coverage: { listed: number; helped: number };
  categories: { category: string; students: number; amount: number }[];
  units: { code: string; name: string; students: number; amount: number; listed: number; closed: boolean }[];
  history: { year: number; students: number; amount: number }[];
  total: { students: number; amount: number };
}

export interface PublicCampaign {
  org: { code: string; name: string; hotline: string | null };
  campaign: { year: number; from: string; to: string; motto: string | null; closed: boolean };
  totals: {
    students: number | null;
    amount: number | null;
    fvAmount: number | null;
    sponsorsAmount: number | null;
    sponsors: number;
  };
  sponsors: string[];
  anonymousSponsors: number;
  needs: { item: string; name: string; children: number; quantity: number }[];
  minGroup: number;
}
