// Rules of the campaign's operations that the server and the web app share: what counts as overdue, how a plan
// moves to the next year, and the codes of hotline channels, plan statuses and follow-up steps.

export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const HOTLINE_CHANNELS = ['phone', 'sms', 'messenger', 'email', 'in_person', 'other'] as const;
export type HotlineChannel = (typeof HOTLINE_CHANNELS)[number];

export const HOTLINE_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];

/** Follow-up steps of a non-attendance case; `attends_school` confirms the child is back and closes the case. */
export const CASE_STEP_KINDS = [
  'home_visit',
  'family_talk',
  'help_given',
  'referral_kdn',
  'referral_social',
  'other',
  'attends_school',
] as const;
export type CaseStepKind = (typeof CASE_STEP_KINDS)[number];

export const CASE_SOURCES = ['raid', 'teacher', 'hotline'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** An open hotline call older than this many days stands out. */
export const HOTLINE_STALE_DAYS = 3;
/** Days until the next follow-up of a case when the step does not name a date. */
export const CASE_FOLLOW_UP_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;
/** 'YYYY-MM-DD' plus n days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day a year later; 29 February becomes 28 February. */
export function shiftYear(date: string, years = 1): string {
  const year = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** A plan item stands out when its end date has passed and it is neither done nor cancelled. */
export function isPlanItemOverdue(item: { status: PlanStatus; to: string }, today: string): boolean {
  return (item.status === 'planned' || item.status === 'in_progress') && item.to < today;
}

/** An unclosed call received more than three days ago stands out. */
export function isCallStale(call: { status: HotlineStatus; receivedAt: string }, now: Date): boolean {
  return (
    call.status !== 'closed' && now.getTime() - Date.parse(call.receivedAt) > HOTLINE_STALE_DAYS * DAY_MS
  );
}

/** An open case whose next follow-up date has passed. */
export function isFollowUpOverdue(
  c: { status: 'open' | 'closed'; dueOn: string | null },
  today: string,
): boolean {
  return c.status === 'open' && c.dueOn !== null && c.dueOn < today;
}

/** Hotline calls move forward only: open → in progress → closed (or straight to closed). */
export function canMoveCall(from: HotlineStatus, to: HotlineStatus): boolean {
  return HOTLINE_STATUSES.indexOf(to) >= HOTLINE_STATUSES.indexOf(from);
}
