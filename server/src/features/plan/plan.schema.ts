import { z } from 'zod';
import { PLAN_STATUSES } from '#domain/operations';
import { Version } from '../../http/common.schema.ts';
import { IsoDate } from '../campaigns/campaigns.schema.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const Year = z.coerce.number().int().min(2000).max(2100);

export const PlanStatus = z.enum(PLAN_STATUSES);

export const EvidenceDto = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().nullable(),
  createdAt: z.string(),
});
export type EvidenceDto = z.infer<typeof EvidenceDto>;

export const PlanItemDto = z.object({
  id: z.string(),
  campaignId: z.string(),
  orgPath: z.string(),
  position: z.number(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  responsible: z.string(),
  status: PlanStatus,
  notes: z.string().nullable(),
  overdue: z.boolean(),
  evidence: z.array(EvidenceDto),
  version: z.number(),
});
export type PlanItemDto = z.infer<typeof PlanItemDto>;

export const PlanDto = z.object({
  year: z.number(),
  campaign: z
    .object({ id: z.string(), status: z.enum(['open', 'closed']), from: z.string(), to: z.string() })
    .nullable(),
  approval: z.object({ approvedBy: z.string(), approvedAt: z.string() }).nullable(),
  items: z.array(PlanItemDto),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanQuery = z.object({ org: z.string().trim().max(40).optional(), year: Year });
export const PlanPrintQuery = PlanQuery.extend({ lang: z.enum(['kk', 'ru', 'en']).optional() });

export const PlanItemCreate = z.strictObject({
  /** A client-made UUID v7: sending the same item twice creates it once. */
  id: z.uuid().optional(),
  year: Year,
  title: Text(1000),
  from: IsoDate,
  to: IsoDate,
  responsible: Text(300),
  status: PlanStatus.optional(),
  notes: OptionalText(2000),
});
export type PlanItemCreate = z.infer<typeof PlanItemCreate>;

export const PlanItemPatch = z.strictObject({
  version: Version,
  title: Text(1000).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  responsible: Text(300).optional(),
  status: PlanStatus.optional(),
  notes: OptionalText(2000),
});
export type PlanItemPatch = z.infer<typeof PlanItemPatch>;

export const PlanYearBody = z.strictObject({ year: Year });
export const EvidenceLink = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export const IdParams = z.object({ id: z.string().max(60) });
