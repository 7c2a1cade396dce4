import { z } from 'zod';
import { isValidDate } from '#domain/dates';
import { Version } from '../../http/common.schema.ts';

/** A calendar date 'YYYY-MM-DD' that exists (shared by the campaign operations features). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return isValidDate(y!, m!, d!);
  });

const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CampaignStatus = z.enum(['open', 'closed']);

export const CampaignDto = z.object({
  id: z.string(),
  orgCode: z.string(),
  orgPath: z.string(),
  orgNameRu: z.string(),
  orgNameKk: z.string(),
  year: z.number(),
  from: z.string(),
  to: z.string(),
  mottoRu: z.string().nullable(),
  mottoKk: z.string().nullable(),
  goals: z.string().nullable(),
  status: CampaignStatus,
  closedAt: z.string().nullable(),
  /** Whether the viewer may edit, close or reopen it. */
  canManage: z.boolean(),
  version: z.number(),
});
export type CampaignDto = z.infer<typeof CampaignDto>;

export const CampaignCreate = z.strictObject({
  /** The unit it is opened for (and every school below it); the viewer's own unit when left out. */
  orgCode: z.string().trim().max(40).optional(),
  year: z.number().int().min(2000).max(2100),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  mottoRu: OptionalText(500),
  mottoKk: OptionalText(500),
  goals: OptionalText(4000),
});
export type CampaignCreate = z.infer<typeof CampaignCreate>;

export const CampaignPatch = z.strictObject({
  version: Version,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  mottoRu: OptionalText(500),
  mottoKk: OptionalText(500),
  goals: OptionalText(4000),
});
export type CampaignPatch = z.infer<typeof CampaignPatch>;

export const CampaignClose = z.strictObject({ version: Version });
export const CampaignReopen = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(1000),
});

export const CampaignListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const CampaignEffectiveQuery = z.object({
  org: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const IdParams = z.object({ id: z.string().max(60) });
