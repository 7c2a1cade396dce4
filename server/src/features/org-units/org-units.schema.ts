import { z } from 'zod';
import { Version } from '../../http/common.schema.ts';

// Letters, digits, '.' and '-': codes build materialised paths, which must never contain LIKE wildcards.
export const OrgCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u)
  .transform((s) => s.toUpperCase());

export const OrgUnitType = z.enum(['republic', 'region', 'district', 'school']);
export type OrgUnitType = z.infer<typeof OrgUnitType>;

/** Which type a child unit has under a parent of each type. */
export const CHILD_TYPE: Record<OrgUnitType, OrgUnitType | null> = {
  republic: 'region',
  region: 'district',
  district: 'school',
  school: null,
};

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const OrgUnitDto = z.object({
  id: z.string(),
  code: z.string(),
  parentCode: z.string().nullable(),
  type: OrgUnitType,
  path: z.string(),
  nameRu: z.string(),
  nameKk: z.string(),
  address: z.string().nullable(),
  director: z.string().nullable(),
  phone: z.string().nullable(),
  hotline: z.string().nullable(),
  version: z.number(),
});
export type OrgUnitDto = z.infer<typeof OrgUnitDto>;

const editable = {
  nameRu: Text(300),
  nameKk: Text(300),
  address: OptionalText(500),
  director: OptionalText(200),
  phone: OptionalText(50),
  hotline: OptionalText(50),
};

export const OrgUnitCreate = z.strictObject({
  code: OrgCode,
  parentCode: OrgCode,
  type: OrgUnitType,
  ...editable,
});
export type OrgUnitCreate = z.infer<typeof OrgUnitCreate>;

export const OrgUnitPatch = z.strictObject({
  version: Version,
  nameRu: editable.nameRu.optional(),
  nameKk: editable.nameKk.optional(),
  address: editable.address,
  director: editable.director,
  phone: editable.phone,
  hotline: editable.hotline,
});
export type OrgUnitPatch = z.infer<typeof OrgUnitPatch>;

export const CodeParams = z.object({ code: z.string().max(40) });
