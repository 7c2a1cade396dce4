import { z } from 'zod';
import { AID_FORMS, NEED_ITEMS } from '#domain/aid-codes';
import { TengeInput, Year } from '../fv/fv.schema.ts';

export const AidForm = z.enum(AID_FORMS);
export const AidSource = z.enum(['fv', 'sponsor']);
export const AidItem = z.strictObject({
  item: z.enum(NEED_ITEMS),
  quantity: z.number().int().min(1).max(1000),
});

export const HandoverLineInput = z.strictObject({
  childId: z.string().max(64),
  amount: TengeInput.optional(),
  items: z.array(AidItem).max(20).optional(),
});

export const HandoverInput = z.strictObject({
  orgCode: z.string().trim().max(40).optional(),
  /** 'YYYY-MM-DD' or 'DD.MM.YYYY'. */
  date: z.string().trim().max(20),
  source: AidSource,
  sponsorId: z.string().max(64).optional(),
  form: AidForm,
  note: z.string().trim().max(2000).optional(),
  lines: z.array(HandoverLineInput).min(1).max(1000),
});
export type HandoverInput = z.infer<typeof HandoverInput>;

export const AidWarning = z.object({
  /** 1-based line of the handover; 0 for the handover as a whole. */
  row: z.number(),
  childId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type AidWarning = z.infer<typeof AidWarning>;

export const AidLineDto = z.object({
  id: z.string(),
  handoverId: z.string(),
  orgCode: z.string(),
  childId: z.string(),
  childName: z.string(),
  classLabel: z.string(),
  date: z.string(),
  source: AidSource,
  sponsorId: z.string().nullable(),
  sponsorName: z.string().nullable(),
  form: AidForm,
  amount: z.number(),
  /** `label`: the words written for an item recorded as «другое» by an import. */
  items: z.array(z.object({ item: z.string(), quantity: z.number(), label: z.string().optional() })),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** A ФВ row whose child still has no current document proving the category. */
  proofWarning: z.enum(['proofMissing', 'proofExpired']).nullable(),
});
export type AidLineDto = z.infer<typeof AidLineDto>;

export const ProofDto = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});

export const HandoverDto = z.object({
  id: z.string(),
  orgCode: z.string(),
  date: z.string(),
  year: z.number(),
  source: AidSource,
  sponsorId: z.string().nullable(),
  sponsorName: z.string().nullable(),
  form: AidForm,
  note: z.string().nullable(),
  pledgeId: z.string().nullable(),
  recordedBy: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
  /** Of the lines in effect. */
  students: z.number(),
  total: z.number(),
  lines: z.array(AidLineDto),
  proofs: z.array(ProofDto),
});
export type HandoverDto = z.infer<typeof HandoverDto>;

export const HandoverResult = z.object({ handover: HandoverDto, warnings: z.array(AidWarning) });

export const HandoverCheck = z.object({
  warnings: z.array(AidWarning),
  pm: z.number().nullable(),
  total: z.number(),
  fv: z.object({ allocated: z.number(), used: z.number(), left: z.number() }).nullable(),
});

export const AidListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  year: Year.optional(),
  childId: z.string().max(64).optional(),
  sponsorId: z.string().max(64).optional(),
  source: AidSource.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(500).optional(),
});
export type AidListQuery = z.infer<typeof AidListQuery>;

export const Reverse = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

const TotalsLine = { students: z.number(), amount: z.number(), records: z.number() };
export const AidTotalsDto = z.object({
  year: z.number(),
  total: z.object(TotalsLine),
  bySource: z.array(z.object({ source: AidSource, ...TotalsLine })),
  bySponsor: z.array(z.object({ sponsorId: z.string(), name: z.string(), ...TotalsLine })),
  byMonth: z.array(z.object({ month: z.string(), ...TotalsLine })),
  byCategory: z.array(z.object({ category: z.string(), ...TotalsLine })),
  byForm: z.array(z.object({ form: z.string(), ...TotalsLine })),
});

export const FairnessQuery = z.object({ org: z.string().trim().max(40).optional(), year: Year.optional() });

const FairChild = {
  childId: z.string(),
  orgCode: z.string(),
  name: z.string(),
  classLabel: z.string(),
  categories: z.array(z.string()),
};
export const FairnessDto = z.object({
  year: z.number(),
  withoutHelp: z.array(z.object({ ...FairChild, openNeeds: z.number(), needCost: z.number() })),
  twice: z.array(
    z.object({
      ...FairChild,
      kind: z.string(),
      sources: z.array(z.object({ source: AidSource, sponsorName: z.string().nullable(), date: z.string() })),
    }),
  ),
});

export const IdParams = z.object({ id: z.string().max(64) });
