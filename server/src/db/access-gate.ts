import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from './schema.ts';

/** Who is asking. Built once per request from the session or API token (or by the CLI) and passed down. */
export interface Viewer {
  userId: string | null;
  email: string;
  name: string;
  role: Role;
  lang: string;
  orgUnitId: string;
  orgCode: string;
  /** Materialised path of the viewer's unit, e.g. `/KZ/KRG/BAL/SCH-12/`. Everything visible starts with it. */
  orgPath: string;
  /** Class labels a teacher is responsible for ("5А"); empty for other roles. */
  classes: string[];
  via: 'session' | 'token' | 'cli' | 'public';
}

/** The CLI acts as the operator of the whole installation. */
export function cliViewer(): Viewer {
  return {
    userId: null,
    email: 'cli',
    name: 'cli',
    role: 'admin',
    lang: 'ru',
    orgUnitId: '',
    orgCode: '',
    orgPath: '/',
    classes: [],
    via: 'cli',
  };
}

// Codes are limited to letters, digits, '.' and '-' (see org-units.schema.ts), so a path never holds a LIKE
// wildcard and the prefix needs no escaping.
const SAFE_PATH = /^\/([\p{L}\p{N}.-]+\/)*$/u;

/**
 * The one place that decides what a viewer may see: rows whose org path starts with the viewer's path.
 * Every repository that reads records of org units filters with this, so no route can forget it.
 */
export function withinScope(column: string, scopePath: string): Expression<SqlBool> {
  if (!SAFE_PATH.test(scopePath)) throw new Error(`unsafe org path: ${scopePath}`);
  return sql<SqlBool>`${sql.ref(column)} like ${scopePath + '%'}`;
}

/** Whether a path lies within the viewer's scope (its own unit or below). */
export function canSee(viewer: Viewer, path: string): boolean {
  return path.startsWith(viewer.orgPath);
}

/** Roles that may change records of a school (officers above schools only read). */
export const SCHOOL_WRITERS: readonly Role[] = ['admin', 'coordinator', 'director', 'teacher'];
/** Roles that manage org units and users for the units below them. */
export const UNIT_MANAGERS: readonly Role[] = ['admin', 'officer'];
