// What one child adds to the report cube, computed from its own records only. A child's contribution to a unit is
// 1 for every figure it counts in there (so a child helped in two schools counts once in the district above both)
// plus the tenge and the number of records. Pure code: the repository reads a child's rows and writes the
// difference between its old and new contribution; the property test holds the result to buildReport.
import type { ChildMark } from '#domain/categories';
import { monthOf } from '#domain/dates';
import { categoryKeys } from '#domain/report/build-report';
import type { ChildStatus } from '#domain/report/report-input';
import { parseItems, toAidForm } from '../aid-row-fields.ts';

/** Bumped whenever what is stored changes meaning; a database with another version rebuilds its facts. */
export const FACTS_VERSION = '1';

/** The figures of the cube. Year 0 holds `children` and `needs`, every other dim belongs to a campaign year. */
export const DIM = {
  total: 'total',
  fv: 'fv',
  sponsors: 'sp',
  /** key YYYY-MM, ФВ only */
  month: 'month',
  form: 'form',
  /** key a category code or 'none' */
  category: 'category',
  /** key the sponsor id */
  sponsor: 'sponsor',
  /** key the item code; amount is the quantity */
  item: 'item',
  /** key 'YYYY-MM-DD|fv' or '|sp'; the tenge handed over that day */
  day: 'day',
  /** key YYYY-MM-DD: the children first helped (within the unit) that day */
  first: 'first',
  /** children on the approved list of the unit who were helped in it */
  coverage: 'coverage',
  /** key listed | proposed | rejected | notAttending (year 0) */
  children: 'children',
  /** key the item code: children on the approved list with that need open; amount is the quantity (year 0) */
  needs: 'needs',
} as const;
export type Dim = (typeof DIM)[keyof typeof DIM];

/** [tenge, records] per "dim\tkey", for one unit where the child has records. */
type Part = Record<string, [number, number]>;

/** What a child adds in one year: its records summed per school (units derive from the schools). */
export interface ChildYearState {
  /** The unit the child is on the list of now (for coverage), or null. */
  cur: string | null;
  listed: boolean;
  units: Record<string, Part>;
}

export interface ChildSourceRow {
  id: string;
  unitId: string;
  status: ChildStatus;
  notAttending: boolean;
  categories: readonly string[];
  /** Open needs by item code. */
  openNeeds: readonly { item: string; quantity: number }[];
}

export interface AidSourceRow {
  id: string;
  unitId: string;
  year: number;
  date: string;
  source: string;
  sponsorId: string | null;
  form: string;
  amount: number;
  items: string;
  reverses: string | null;
}

const SEP = '\t';
const isListed = (status: ChildStatus) => status === 'approved' || status === 'helped';

function add(part: Part, dim: Dim, key: string, amount: number, records = 1) {
  const k = `${dim}${SEP}${key}`;
  const v = part[k];
  if (v) {
    v[0] += amount;
    v[1] += records;
  } else part[k] = [amount, records];
}

/** The states of a child per year (0 for the lists), from its current record and all its aid rows. */
export function childStates(
  child: ChildSourceRow | undefined,
  aid: readonly AidSourceRow[],
): Map<number, ChildYearState> {
  const states = new Map<number, ChildYearState>();
  const listed = child !== undefined && isListed(child.status);
  if (child) {
    const part: Part = {};
    if (listed) add(part, DIM.children, 'listed', 0, 0);
    if (child.status === 'proposed' || child.status === 'rejected')
      add(part, DIM.children, child.status, 0, 0);
    if (child.status !== 'archived' && child.notAttending) add(part, DIM.children, 'notAttending', 0, 0);
    if (listed) for (const n of child.openNeeds) add(part, DIM.needs, n.item, n.quantity, 1);
    if (Object.keys(part).length > 0)
      states.set(0, { cur: child.unitId, listed, units: { [child.unitId]: part } });
  }
  // Reversed rows and the rows reversing them cancel out, exactly as effectiveAid does.
  const reversed = new Set(aid.flatMap((a) => (a.reverses ? [a.reverses] : [])));
  // Unknown codes are dropped by categoryKeys, as in the report.
  const categories = categoryKeys({ categories: (child?.categories ?? []) as readonly ChildMark[] });
  for (const a of aid) {
    if (a.reverses || reversed.has(a.id)) continue;
    let state = states.get(a.year);
    if (!state) {
      state = { cur: child?.unitId ?? null, listed, units: {} };
      states.set(a.year, state);
    }
    const part = (state.units[a.unitId] ??= {});
    const sponsor = a.source === 'sponsor' && a.sponsorId ? a.sponsorId : null;
    add(part, DIM.total, '', a.amount);
    if (sponsor) {
      add(part, DIM.sponsors, '', a.amount);
      add(part, DIM.sponsor, sponsor, a.amount);
    } else {
      add(part, DIM.fv, '', a.amount);
      add(part, DIM.month, monthOf(a.date), a.amount);
    }
    add(part, DIM.form, toAidForm(a.form), a.amount);
    for (const c of categories) add(part, DIM.category, c, a.amount);
    for (const i of parseItems(a.items)) add(part, DIM.item, i.item, i.quantity);
    add(part, DIM.day, `${a.date}|${sponsor ? 'sp' : 'fv'}`, a.amount);
  }
  return states;
}

/** students, tenge, records per "unit\tdim\tkey". */
export type Contribution = Map<string, [number, number, number]>;

/**
 * What a state adds to the cube: every unit at and above the units holding its records gets 1 student per figure
 * the child counts in there, and the summed tenge and records. `ancestors` gives a unit and the units above it.
 */
export function contribution(
  state: ChildYearState,
  ancestors: (unitId: string) => readonly string[],
  out: Contribution = new Map(),
  sign = 1,
): Contribution {
  const merged = new Map<string, Map<string, [number, number]>>();
  for (const [unitId, part] of Object.entries(state.units)) {
    for (const unit of ancestors(unitId)) {
      let m = merged.get(unit);
      if (!m) merged.set(unit, (m = new Map<string, [number, number]>()));
      for (const [k, [amount, records]] of Object.entries(part)) {
        const v = m.get(k);
        if (v) {
          v[0] += amount;
          v[1] += records;
        } else m.set(k, [amount, records]);
      }
    }
  }
  const bump = (key: string, students: number, amount: number, records: number) => {
    const v = out.get(key);
    if (v) {
      v[0] += sign * students;
      v[1] += sign * amount;
      v[2] += sign * records;
    } else out.set(key, [sign * students, sign * amount, sign * records]);
  };
  const curUnits = new Set(state.cur ? ancestors(state.cur) : []);
  for (const [unit, m] of merged) {
    let first: string | null = null;
    for (const [k, [amount, records]] of m) {
      bump(`${unit}${SEP}${k}`, 1, amount, records);
      if (k.startsWith(`${DIM.day}${SEP}`)) {
        const day = k.slice(DIM.day.length + 1, DIM.day.length + 11);
        if (first === null || day < first) first = day;
      }
    }
    if (first !== null) bump(`${unit}${SEP}${DIM.first}${SEP}${first}`, 1, 0, 0);
    if (state.listed && curUnits.has(unit) && m.has(`${DIM.total}${SEP}`))
      bump(`${unit}${SEP}${DIM.coverage}${SEP}`, 1, 0, 0);
  }
  return out;
}

export function splitContributionKey(key: string): { unitId: string; dim: string; key: string } {
  const [unitId, dim, ...rest] = key.split(SEP);
  return { unitId: unitId!, dim: dim!, key: rest.join(SEP) };
}

export function encodeState(state: ChildYearState): string {
  return JSON.stringify(state);
}

export function decodeState(text: string): ChildYearState {
  return JSON.parse(text) as ChildYearState;
}
