import type { Generated } from 'kysely';

// Row types of every table, as Kysely sees them. Each feature adds its tables here when it adds a migration.

export type OrgUnitType = 'republic' | 'region' | 'district' | 'school';
export type Role = 'admin' | 'officer' | 'coordinator' | 'teacher' | 'director';

export interface OrgUnitsTable {
  id: string;
  code: string;
  parent_id: string | null;
  type: OrgUnitType;
  path: string;
  name_ru: string;
  name_kk: string;
  name_en: string | null;
  address: string | null;
  director: string | null;
  phone: string | null;
  hotline: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  org_unit_id: string;
  /** JSON array of class labels ("5А") a teacher is responsible for. */
  classes: Generated<string>;
  password_hash: string | null;
  lang: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  org_path: string | null;
  ip: string | null;
  details: string | null;
}

export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
}
