import { z } from 'zod';
import { PARTICIPANT_KINDS, PLACE_KINDS } from '#domain/raid-codes';
import { Version } from '../../http/common.schema.ts';
import { IsoDate } from '../campaigns/campaigns.schema.ts';

const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const PlaceKind = z.enum(PLACE_KINDS);
export const ParticipantKind = z.enum(PARTICIPANT_KINDS);

export const RaidPlace = z.strictObject({ kind: PlaceKind, name: OptionalText(300) });
export const RaidParticipant = z.strictObject({
  kind: ParticipantKind,
  count: z.number().int().min(0).max(10_000),
  organisations: OptionalText(500),
});
/** A new child typed on the spot: put on the school's list as "proposed" with the registry's checks. */
export const QuickChildInput = z.strictObject({
  surname: z.string().max(100),
  name: z.string().max(100),
  patronymic: OptionalText(100),
  birthDate: z.string().max(10),
  classLabel: z.string().max(10),
  address: OptionalText(500),
});

/** A child found: one of the registry (childId) or a new quick record (newChild). */
export const RaidChildInput = z.strictObject({
  childId: z.string().max(60).nullable().optional(),
  newChild: QuickChildInput.nullable().optional(),
  reason: z.string().trim().max(1000).optional(),
  action: OptionalText(1000),
});

export const RaidDto = z.object({
  id: z.string(),
  orgPath: z.string(),
  campaignId: z.string().nullable(),
  heldOn: z.string(),
  timeFrom: z.string().nullable(),
  timeTo: z.string().nullable(),
  notes: z.string().nullable(),
  places: z.array(z.object({ kind: PlaceKind, name: z.string().nullable() })),
  participants: z.array(
    z.object({ kind: ParticipantKind, count: z.number(), organisations: z.string().nullable() }),
  ),
  children: z.array(
    z.object({
      id: z.string(),
      childId: z.string().nullable(),
      fullName: z.string(),
      reason: z.string(),
      action: z.string().nullable(),
      caseId: z.string().nullable(),
    }),
  ),
  createdBy: z.string(),
  version: z.number(),
});
export type RaidDto = z.infer<typeof RaidDto>;

export const RaidCreate = z.strictObject({
  /** A client-made UUID v7 (offline entry): the same id twice records one raid. */
  id: z.uuid().optional(),
  heldOn: IsoDate,
  timeFrom: Time.nullable().optional(),
  timeTo: Time.nullable().optional(),
  notes: OptionalText(4000),
  places: z.array(RaidPlace).max(30).default([]),
  participants: z.array(RaidParticipant).max(30).default([]),
  children: z.array(RaidChildInput).max(100).default([]),
});
export type RaidCreate = z.infer<typeof RaidCreate>;

export const RaidPatch = z.strictObject({
  version: Version,
  timeFrom: Time.nullable().optional(),
  timeTo: Time.nullable().optional(),
  notes: OptionalText(4000),
  places: z.array(RaidPlace).max(30).optional(),
  participants: z.array(RaidParticipant).max(30).optional(),
});
export type RaidPatch = z.infer<typeof RaidPatch>;

export const RaidListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const IdParams = z.object({ id: z.string().max(60) });
