import { z } from 'zod';
import { CASE_SOURCES, CASE_STEP_KINDS } from '#domain/operations';
import { IsoDate } from '../campaigns/campaigns.schema.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CaseStepKind = z.enum(CASE_STEP_KINDS);
export const CaseSource = z.enum(CASE_SOURCES);

export const CaseStepDto = z.object({
  id: z.string(),
  kind: CaseStepKind,
  doneOn: z.string(),
  byWhom: z.string(),
  notes: z.string().nullable(),
  nextOn: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseStepDto = z.infer<typeof CaseStepDto>;

export const CaseDto = z.object({
  id: z.string(),
  orgPath: z.string(),
  campaignId: z.string().nullable(),
  childId: z.string().nullable(),
  childName: z.string(),
  source: CaseSource,
  sourceId: z.string().nullable(),
  openedOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  steps: z.array(CaseStepDto),
  version: z.number(),
});
export type CaseDto = z.infer<typeof CaseDto>;

export const CaseListQuery = z.object({
  org: z.string().trim().max(40).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const CaseCreate = z.strictObject({
  /** A client-made UUID v7 (offline entry): the same id twice opens one case. */
  id: z.uuid().optional(),
  childId: z.string().max(60).nullable().optional(),
  childName: Text(300).optional(),
  source: CaseSource.default('teacher'),
  openedOn: IsoDate,
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseStepCreate = z.strictObject({
  /** A client-made UUID v7 (offline entry): the same id twice records one step. */
  id: z.uuid().optional(),
  kind: CaseStepKind,
  doneOn: IsoDate,
  byWhom: Text(300),
  notes: OptionalText(2000),
  /** The next follow-up; a week after the step when left out. */
  nextOn: IsoDate.nullable().optional(),
});
export type CaseStepCreate = z.infer<typeof CaseStepCreate>;

export const IdParams = z.object({ id: z.string().max(60) });
