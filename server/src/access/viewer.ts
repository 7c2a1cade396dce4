import type { Role } from './rules.ts';

/** Who is asking. Built once per request from the session or API token (or by the CLI) and passed down. */
export interface Viewer {
  userId: string | null;
  email: string;
  name: string;
  role: Role;
  lang: string;
  orgUnitId: string;
  orgCode: string;
  /** Materialised path of the viewer's unit, e.g. `/KZ/KRG/BAL/SCH-12/`. */
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
