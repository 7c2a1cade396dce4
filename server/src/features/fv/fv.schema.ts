import { z } from 'zod';
import { Version } from '../../http/common.schema.ts';

/** Tenge as a number or as people write it ("1 196 448"); parsed by the service with parseTenge. */
export const TengeInput = z.union([z.number(), z.string().max(40)]);

export const Year = z.coerce.number().int().min(2000).max(2100);

export const PmDto = z.object({ year: z.number(), amount: z.number(), version: z.number() });
export type PmDto = z.infer<typeof PmDto>;

export const PmPut = z.strictObject({ amount: TengeInput, version: Version.optional() });
export type PmPut = z.infer<typeof PmPut>;

export const YearParams = z.object({ year: Year });

export const FvRowDto = z.object({
  orgCode: z.string(),
  orgNameRu: z.string(),
  orgNameKk: z.string(),
  year: z.number(),
  /** null when no allocation has been recorded for the school and year. */
  allocated: z.number().nullable(),
  /** ФВ aid in effect (reversed rows and their reversals left out). */
  decided: z.number(),
  /** The part of `decided` whose handover has its proof attached. */
  paid: z.number(),
  left: z.number(),
  students: z.number(),
  version: z.number().nullable(),
});
export type FvRowDto = z.infer<typeof FvRowDto>;

export const FvListDto = z.object({
  year: z.number(),
  pm: z.number().nullable(),
  items: z.array(FvRowDto),
  total: z.object({
    allocated: z.number(),
    decided: z.number(),
    paid: z.number(),
    left: z.number(),
    students: z.number(),
  }),
});
export type FvListDto = z.infer<typeof FvListDto>;

export const FvQuery = z.object({ org: z.string().trim().max(40).optional(), year: Year.optional() });

export const FvParams = z.object({ org: z.string().max(40), year: Year });

export const FvPut = z.strictObject({ allocated: TengeInput, version: Version.optional() });
export type FvPut = z.infer<typeof FvPut>;
