import { z } from 'zod';
import { Version } from '../../http/common.schema.ts';
import { Email, LangSchema, NewPassword, RoleSchema } from '../auth/auth.schema.ts';
import { OrgCode } from '../org-units/org-units.schema.ts';

export const ClassLabel = z.string().trim().min(1).max(10);

export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  orgUnitCode: z.string(),
  classes: z.array(z.string()),
  disabled: z.boolean(),
  lang: z.string(),
  version: z.number(),
});
export type UserDto = z.infer<typeof UserDto>;

export const UserCreate = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  orgCode: OrgCode,
  password: NewPassword,
  lang: LangSchema.optional(),
  classes: z.array(ClassLabel).max(30).optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserPatch = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  orgCode: OrgCode.optional(),
  disabled: z.boolean().optional(),
  classes: z.array(ClassLabel).max(30).optional(),
  password: NewPassword.optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

export const IdParams = z.object({ id: z.string().max(64) });
