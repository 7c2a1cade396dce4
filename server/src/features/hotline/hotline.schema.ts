import { z } from 'zod';
import { HOTLINE_CHANNELS, HOTLINE_STATUSES } from '#domain/operations';
import { Version } from '../../http/common.schema.ts';
import { QuickChildInput } from '../raids/raids.schema.ts';

const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const HotlineChannel = z.enum(HOTLINE_CHANNELS);
export const HotlineStatus = z.enum(HOTLINE_STATUSES);

export const HotlineCallDto = z.object({
  id: z.string(),
  orgPath: z.string(),
  campaignId: z.string().nullable(),
  receivedAt: z.string(),
  channel: HotlineChannel,
  anonymous: z.boolean(),
  caller: z.string().nullable(),
  callerPhone: z.string().nullable(),
  childId: z.string().nullable(),
  about: z.string().nullable(),
  subject: z.string(),
  handler: z.string().nullable(),
  actionTaken: z.string().nullable(),
  status: HotlineStatus,
  closedAt: z.string().nullable(),
  /** Not closed and older than three days. */
  stale: z.boolean(),
  caseId: z.string().nullable(),
  version: z.number(),
});
export type HotlineCallDto = z.infer<typeof HotlineCallDto>;

export const HotlineList = z.object({
  /** The school's hotline number (when the list is of one school). */
  hotline: z.string().nullable(),
  items: z.array(HotlineCallDto),
  nextCursor: z.string().nullable(),
});

export const HotlineListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  status: z.enum(['open', 'in_progress', 'closed', 'unclosed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});

export const HotlineCreate = z.strictObject({
  /** A client-made UUID v7 (offline entry): the same id twice logs one call. */
  id: z.uuid().optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  channel: HotlineChannel,
  anonymous: z.boolean().optional(),
  caller: OptionalText(300),
  callerPhone: OptionalText(50),
  childId: z.string().max(60).nullable().optional(),
  about: OptionalText(1000),
  /** Required; checked in the service so that a missing one gets a message that names it plainly. */
  subject: z.string().trim().max(2000).optional(),
  handler: OptionalText(300),
  actionTaken: OptionalText(4000),
  status: HotlineStatus.optional(),
});
export type HotlineCreate = z.infer<typeof HotlineCreate>;

export const HotlinePatch = z.strictObject({
  version: Version,
  about: OptionalText(1000),
  subject: z.string().trim().max(2000).optional(),
  childId: z.string().max(60).nullable().optional(),
  handler: OptionalText(300),
  actionTaken: OptionalText(4000),
  status: HotlineStatus.optional(),
});
export type HotlinePatch = z.infer<typeof HotlinePatch>;

export const HotlineCaseBody = z.strictObject({
  childId: z.string().max(60).nullable().optional(),
  childName: z.string().trim().min(1).max(300),
});

/** Puts the child a call is about on the school's list ("proposed", source hotline). */
export const HotlineChildBody = z.strictObject({
  newChild: QuickChildInput,
  /** Also open the child's non-attendance case. */
  openCase: z.boolean().optional(),
});

export const IdParams = z.object({ id: z.string().max(60) });
