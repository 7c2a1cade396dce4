// The shapes the server promises under /api. Kept in one place so every feature reads the same contract.

import type { Lang } from '#domain/lang';

export type { Lang };

export const ROLES = ['admin', 'officer', 'coordinator', 'teacher', 'director'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_UNIT_TYPES = ['republic', 'region', 'district', 'school'] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export interface OrgUnit {
  id: string;
  code: string;
  parentCode: string | null;
  type: OrgUnitType;
  path: string;
  nameRu: string;
  nameKk: string;
  address: string | null;
  director: string | null;
  phone: string | null;
  hotline: string | null;
  version: number;
}

/** A new unit always sits under a parent; its type follows from the parent's. */
export type OrgUnitInput = Omit<OrgUnit, 'id' | 'path' | 'version' | 'parentCode'> & { parentCode: string };

/** What can change on an existing unit: its place in the tree and its code cannot. */
export type OrgUnitPatch = Partial<
  Pick<OrgUnit, 'nameRu' | 'nameKk' | 'address' | 'director' | 'phone' | 'hotline'>
> & {
  version: number;
};

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  lang: Lang;
  orgUnit: OrgUnit;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgUnitCode: string;
  /** Classes a teacher is responsible for ("5А"); a teacher sees only their children. */
  classes: string[];
  disabled: boolean;
  lang: Lang;
  version: number;
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  orgCode: string;
  password: string;
  classes?: string[];
}

export interface UserPatch {
  name?: string;
  role?: Role;
  orgCode?: string;
  disabled?: boolean;
  classes?: string[];
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
