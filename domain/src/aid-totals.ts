// Totals of aid per source, sponsor, month, category and form, computed from the records themselves so that every
// total is exactly the sum of the rows behind it. Reversed rows and the rows reversing them count nowhere.
import { sumTenge } from './money.ts';

export interface AidTotalsRow {
  id: string;
  childId: string;
  /** 'YYYY-MM-DD' */
  date: string;
  source: 'fv' | 'sponsor';
  sponsorId: string | null;
  form: string;
  amount: number;
  /** Set on a reversing row: the id of the row it cancels. */
  reverses: string | null;
}

export interface AidTotalsLine {
  students: number;
  amount: number;
  records: number;
}

export interface AidTotals {
  total: AidTotalsLine;
  bySource: ({ source: 'fv' | 'sponsor' } & AidTotalsLine)[];
  bySponsor: ({ sponsorId: string } & AidTotalsLine)[];
  byMonth: ({ month: string } & AidTotalsLine)[];
  /** A child in two categories counts in both, so these lines may add up to more than the total. */
  byCategory: ({ category: string } & AidTotalsLine)[];
  byForm: ({ form: string } & AidTotalsLine)[];
}

/** The rows that count: neither a reversal nor reversed by one. */
export function effectiveAid<T extends Pick<AidTotalsRow, 'id' | 'reverses'>>(rows: readonly T[]): T[] {
  const reversed = new Set(rows.flatMap((r) => (r.reverses ? [r.reverses] : [])));
  return rows.filter((r) => r.reverses === null && !reversed.has(r.id));
}

function line(rows: readonly AidTotalsRow[]): AidTotalsLine {
  return {
    students: new Set(rows.map((r) => r.childId)).size,
    amount: sumTenge(rows.map((r) => r.amount)),
    records: rows.length,
  };
}

function groupBy<K extends string>(rows: readonly AidTotalsRow[], key: (r: AidTotalsRow) => K[]) {
  const groups = new Map<K, AidTotalsRow[]>();
  for (const row of rows) {
    for (const k of key(row)) {
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Totals of the rows given. `categoriesOf` gives each child's categories (the grounds for help), so aid can be
 * counted per category; a child without any counts under 'none'.
 */
export function aidTotals(
  rows: readonly AidTotalsRow[],
  categoriesOf: (childId: string) => readonly string[],
): AidTotals {
  const live = effectiveAid(rows);
  return {
    total: line(live),
    bySource: groupBy(live, (r) => [r.source]).map(([source, g]) => ({ source, ...line(g) })),
    bySponsor: groupBy(
      live.filter((r) => r.sponsorId !== null),
      (r) => [r.sponsorId!],
    ).map(([sponsorId, g]) => ({ sponsorId, ...line(g) })),
    byMonth: groupBy(live, (r) => [r.date.slice(0, 7)]).map(([month, g]) => ({ month, ...line(g) })),
    byCategory: groupBy(live, (r) => {
      const c = categoriesOf(r.childId);
      return c.length > 0 ? [...new Set(c)] : ['none'];
    }).map(([category, g]) => ({ category, ...line(g) })),
    byForm: groupBy(live, (r) => [r.form]).map(([form, g]) => ({ form, ...line(g) })),
  };
}
