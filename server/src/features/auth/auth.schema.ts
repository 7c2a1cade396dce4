import { z } from 'zod';
import { ROLES } from '../../access/rules.ts';
import { OrgUnitDto } from '../org-units/org-units.schema.ts';

export const RoleSchema = z.enum(ROLES);
export const LangSchema = z.enum(['kk', 'ru', 'en']);
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const NewPassword = z.string().min(10).max(200);

export const LoginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const MeDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  lang: z.string(),
  classes: z.array(z.string()),
  orgUnit: OrgUnitDto,
});
export type MeDto = z.infer<typeof MeDto>;

export const MeResponse = z.object({ user: MeDto, csrfToken: z.string().optional() });
export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export const MePatchBody = z.strictObject({ lang: LangSchema });

export const TokenCreateBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const TokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
