import { z } from 'zod';
import { ListQuery, Version } from '../../http/common.schema.ts';
import { AidForm, HandoverLineInput, AidWarning } from '../aid/aid.schema.ts';
import { TengeInput } from '../fv/fv.schema.ts';

export const PledgeStatus = z.enum(['open', 'delivered', 'cancelled']);

export const PledgeDto = z.object({
  id: z.string(),
  orgCode: z.string(),
  sponsorId: z.string(),
  sponsorName: z.string(),
  description: z.string().nullable(),
  form: AidForm,
  amount: z.number().nullable(),
  childIds: z.array(z.string()),
  needIds: z.array(z.string()),
  dueDate: z.string(),
  status: PledgeStatus,
  statusReason: z.string().nullable(),
  handoverId: z.string().nullable(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type PledgeDto = z.infer<typeof PledgeDto>;

export const PledgeCreate = z.strictObject({
  orgCode: z.string().trim().max(40).optional(),
  sponsorId: z.string().max(64),
  form: AidForm,
  amount: TengeInput.optional(),
  childIds: z.array(z.string().max(64)).max(500).optional(),
  needIds: z.array(z.string().max(64)).max(2000).optional(),
  description: z.string().trim().max(2000).optional(),
  /** 'YYYY-MM-DD' or 'DD.MM.YYYY'. */
  dueDate: z.string().trim().max(20),
});
export type PledgeCreate = z.infer<typeof PledgeCreate>;

export const PledgeListQuery = ListQuery.extend({
  status: PledgeStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sponsorId: z.string().max(64).optional(),
});
export type PledgeListQuery = z.infer<typeof PledgeListQuery>;

export const PledgeCancel = z.strictObject({ version: Version, reason: z.string().trim().min(3).max(1000) });

export const PledgeDeliver = z.strictObject({
  version: Version,
  date: z.string().trim().max(20),
  note: z.string().trim().max(2000).optional(),
  /** Per-child amounts and items; when absent they come from the pledge (its children and needs, its amount). */
  lines: z.array(HandoverLineInput).min(1).max(1000).optional(),
});
export type PledgeDeliver = z.infer<typeof PledgeDeliver>;

export const PledgeDeliverResult = z.object({ pledge: PledgeDto, warnings: z.array(AidWarning) });

export const IdParams = z.object({ id: z.string().max(64) });
