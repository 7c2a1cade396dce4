import { z } from 'zod';
import { FILE_FORMATS } from './render/render-report.ts';

export const REPORT_FORMATS = ['json', ...FILE_FORMATS] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const TRACE_METRICS = [
  'fv.students',
  'fv.amount',
  'sponsors.students',
  'sponsors.amount',
  'total.students',
  'total.amount',
  'children.listed',
  'children.proposed',
  'children.notAttending',
  'raids.count',
  'raids.childrenFound',
  'raids.returnedToSchool',
  'hotline.calls',
  'hotline.closed',
  'plan.items',
  'plan.done',
] as const;
export type TraceMetric = (typeof TRACE_METRICS)[number];

const Year = z.coerce.number().int().min(2000).max(2100);
const Code = z.string().trim().max(40);

// lang and format are checked by the service, so a wrong one gets a 400 that names the supported values.
export const ReportQuery = z.object({
  org: Code.optional(),
  campaign: Year,
  lang: z.string().max(10).optional(),
  format: z.string().max(10).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const TraceQuery = z.object({
  org: Code.optional(),
  campaign: Year,
  metric: z.enum(TRACE_METRICS),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  sponsor: z.string().max(64).optional(),
  category: z.string().max(40).optional(),
  form: z.string().max(40).optional(),
  lang: z.string().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** The `next` of the page before. */
  cursor: z.string().max(2000).optional(),
});
export type TraceQuery = z.infer<typeof TraceQuery>;

export const TraceRecord = z.object({
  kind: z.enum(['aid', 'child', 'raid', 'hotline', 'plan']),
  id: z.string(),
  date: z.string().nullable(),
  label: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  amount: z.number().nullable(),
});
export type TraceRecord = z.infer<typeof TraceRecord>;

export const TraceResult = z.object({
  metric: z.enum(TRACE_METRICS),
  /** The figure as the report states it, so the screen can show both side by side. */
  value: z.number(),
  /** How many records there are in all (a page shows at most `limit`). */
  total: z.number(),
  items: z.array(TraceRecord),
  /** The cursor of the next page, null on the last. */
  next: z.string().nullable(),
});
export type TraceResult = z.infer<typeof TraceResult>;

export const OverviewQuery = z.object({
  org: Code.optional(),
  campaign: Year.optional(),
  lang: z.string().max(10).optional(),
});

export const PublicParams = z.object({ code: Code, year: Year });
export const PublicQuery = z.object({ lang: z.string().max(10).optional() });

export const PublicCampaign = z.object({
  org: z.object({ code: z.string(), name: z.string(), hotline: z.string().nullable() }),
  campaign: z.object({
    year: z.number(),
    from: z.string(),
    to: z.string(),
    motto: z.string().nullable(),
    closed: z.boolean(),
  }),
  totals: z.object({
    students: z.number().nullable(),
    amount: z.number().nullable(),
    fvAmount: z.number().nullable(),
    sponsorsAmount: z.number().nullable(),
    sponsors: z.number(),
  }),
  sponsors: z.array(z.string()),
  anonymousSponsors: z.number(),
  needs: z.array(
    z.object({ item: z.string(), name: z.string(), children: z.number(), quantity: z.number() }),
  ),
  /** Groups of fewer children than this are never shown. */
  minGroup: z.number(),
});
export type PublicCampaign = z.infer<typeof PublicCampaign>;
