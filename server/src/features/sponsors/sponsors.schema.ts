import { z } from 'zod';
import { SPONSOR_TYPES } from '#domain/sponsor-types';
import { ListQuery, Version } from '../../http/common.schema.ts';

export const SponsorType = z.enum(SPONSOR_TYPES);

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const SponsorDto = z.object({
  id: z.string(),
  orgCode: z.string(),
  name: z.string(),
  type: SponsorType,
  head: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  anonymous: z.boolean(),
  /** Whether the viewer may change it (it was registered by the viewer's unit or one below). */
  editable: z.boolean(),
  version: z.number(),
});
export type SponsorDto = z.infer<typeof SponsorDto>;

const editable = {
  name: Text(300),
  type: SponsorType,
  head: OptionalText(200),
  phone: OptionalText(50),
  email: OptionalText(200),
  address: OptionalText(500),
  notes: OptionalText(2000),
  anonymous: z.boolean().optional(),
};

export const SponsorCreate = z.strictObject({ ...editable, orgCode: z.string().trim().max(40).optional() });
export type SponsorCreate = z.infer<typeof SponsorCreate>;

export const SponsorPatch = z.strictObject({
  version: Version,
  name: editable.name.optional(),
  type: editable.type.optional(),
  head: editable.head,
  phone: editable.phone,
  email: editable.email,
  address: editable.address,
  notes: editable.notes,
  anonymous: editable.anonymous,
});
export type SponsorPatch = z.infer<typeof SponsorPatch>;

export const SponsorMerge = z.strictObject({ duplicateId: z.string().max(64) });

export const SponsorListQuery = ListQuery.extend({ type: SponsorType.optional() });
export type SponsorListQuery = z.infer<typeof SponsorListQuery>;

export const SponsorHistoryDto = z.object({
  sponsorId: z.string(),
  years: z.array(
    z.object({
      year: z.number(),
      students: z.number(),
      amount: z.number(),
      handovers: z.number(),
      byForm: z.array(z.object({ form: z.string(), students: z.number(), amount: z.number() })),
    }),
  ),
  pledges: z.object({ open: z.number(), delivered: z.number(), cancelled: z.number() }),
});

export const SponsorTypeDto = z.object({ code: SponsorType, kk: z.string(), ru: z.string(), en: z.string() });

export const IdParams = z.object({ id: z.string().max(64) });
