import fc from 'fast-check';
import { aidTotals, effectiveAid, type AidTotalsRow } from './aid-totals.ts';

const CHILDREN = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
const CATS: Record<string, string[]> = {
  c1: ['asp'],
  c2: ['asp', 'large_family'],
  c3: [],
  c4: ['orphan'],
  c5: ['low_income', 'disability'],
  c6: ['asp'],
};
const categoriesOf = (id: string) => CATS[id] ?? [];

const rowArb = fc.record({
  childId: fc.constantFrom(...CHILDREN),
  date: fc
    .tuple(
      fc.integer({ min: 2022, max: 2025 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  sponsor: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: null }),
  form: fc.constantFrom('money', 'goods', 'certificate', 'service'),
  amount: fc.integer({ min: 0, max: 5_000_000 }),
});

/** Random aid with some rows reversed by later reversing rows. */
const aidArb = fc
  .tuple(fc.array(rowArb, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 }))
  .map(([raw, reversals]) => {
    const rows: AidTotalsRow[] = raw.map((r, i) => ({
      id: `a${i}`,
      childId: r.childId,
      date: r.date,
      source: r.sponsor ? 'sponsor' : 'fv',
      sponsorId: r.sponsor,
      form: r.form,
      amount: r.amount,
      reverses: null,
    }));
    const done = new Set<string>();
    for (const [k, pick] of reversals.entries()) {
      const target = rows[pick % Math.max(rows.length, 1)];
      if (!target || target.reverses || done.has(target.id)) continue;
      done.add(target.id);
      rows.push({ ...target, id: `r${k}`, reverses: target.id });
    }
    return rows;
  });

const sum = (xs: { amount: number }[]) => xs.reduce((a, x) => a + x.amount, 0);

describe('aid totals', () => {
  it('adds up per source, sponsor, month and form exactly to the total of the records in effect', () => {
    fc.assert(
      fc.property(aidArb, (rows) => {
        const t = aidTotals(rows, categoriesOf);
        const live = effectiveAid(rows);
        expect(t.total.amount).toBe(sum(live));
        expect(t.total.records).toBe(live.length);
        expect(sum(t.bySource)).toBe(t.total.amount);
        expect(sum(t.byMonth)).toBe(t.total.amount);
        expect(sum(t.byForm)).toBe(t.total.amount);
        expect(sum(t.bySponsor)).toBe(t.bySource.find((s) => s.source === 'sponsor')?.amount ?? 0);
        for (const c of t.byCategory) {
          const expected = live.filter((r) =>
            c.category === 'none'
              ? categoriesOf(r.childId).length === 0
              : categoriesOf(r.childId).includes(c.category),
          );
          expect(c.amount).toBe(sum(expected));
          expect(c.students).toBe(new Set(expected.map((r) => r.childId)).size);
        }
      }),
    );
  });

  it('leaves out both a reversed row and its reversal', () => {
    const base: AidTotalsRow = {
      id: 'a',
      childId: 'c1',
      date: '2023-08-10',
      source: 'fv',
      sponsorId: null,
      form: 'money',
      amount: 40567,
      reverses: null,
    };
    const rows = [base, { ...base, id: 'b', childId: 'c2' }, { ...base, id: 'r', reverses: 'a' }];
    const t = aidTotals(rows, categoriesOf);
    expect(t.total).toEqual({ students: 1, amount: 40567, records: 1 });
    expect(t.byCategory.map((c) => c.category)).toEqual(['asp', 'large_family']);
  });
});
