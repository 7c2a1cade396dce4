import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, effectiveAid, rankSponsorLines } from './build-report.ts';
import { exampleSchoolInput } from './example-school-input.ts';
import { schoolInputArb } from './report-arbitraries.ts';
import { emptyReportInput, type ReportAid, type ReportInput } from './report-input.ts';
import { rollUp } from './roll-up.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('buildReport on the example school', () => {
  const report = buildReport(exampleSchoolInput());

  it('has the figures of the hand-written report', () => {
    expect(report.plan).toEqual({ items: 9, done: 9, inProgress: 0, cancelled: 0 });
    expect(report.hotline).toEqual({ calls: 14, closed: 14, phone: '8 (7212) 00-00-00' });
    expect(report.children).toEqual({ listed: 41, proposed: 4, rejected: 1, notAttending: 4 });
    expect(report.raids).toMatchObject({ count: 2, childrenFound: 4, returnedToSchool: 4 });
    expect(report.fv).toEqual({
      students: 21,
      amount: 842_300,
      byMonth: [
        { month: '2023-08', students: 15, amount: 610_500 },
        { month: '2023-09', students: 6, amount: 231_800 },
      ],
    });
    expect(report.sponsors.students).toBe(24);
    expect(report.sponsors.amount).toBe(515_000);
    expect(report.sponsors.list.map((s) => [s.name, s.head, s.students, s.amount, s.anonymous])).toEqual([
      ['ТОО «Сарыарқа Құрылыс»', 'Ахметов Е. С.', 11, 260_000, false],
      ['ИП Жумабаева А. К.', null, 1, 35_000, false],
      ['Родительская общественность (средства ярмарки)', null, 4, 80_000, false],
      ['Выпускники школы 1998 года', null, 6, 90_000, false],
      ['Профсоюзный комитет ТОО «Энергосбыт»', null, 2, 50_000, true],
    ]);
    expect(report.total).toEqual({ students: 45, amount: 1_357_300 });
    expect(report.outreach).toEqual({ schools: 1, stands: 1, booklets: 1, bookletLanguages: ['kk', 'ru'] });
    expect(report.units).toEqual([]);
  });

  it('breaks totals down by category, form and item', () => {
    expect(report.byCategory).toEqual([
      { category: 'asp', students: 10, amount: 407_000 },
      { category: 'low_income', students: 11, amount: 435_300 },
      { category: 'orphan', students: 15, amount: 302_600 },
      { category: 'large_family', students: 20, amount: 647_700 },
    ]);
    expect(report.byForm).toEqual([
      { form: 'money', students: 23, amount: 892_300 },
      { form: 'goods', students: 21, amount: 430_000 },
      { form: 'certificate', students: 1, amount: 35_000 },
    ]);
    expect(report.items).toEqual([
      { item: 'supplies', quantity: 15 },
      { item: 'uniform', quantity: 11 },
      { item: 'shoes', quantity: 6 },
    ]);
  });

  it('lists raid places once and sums participants by kind', () => {
    expect(report.raids.places).toEqual([
      { kind: 'computer_club', name: 'компьютерный клуб «Бастион»' },
      { kind: 'computer_club', name: 'компьютерный клуб «Level Up»' },
      { kind: 'market', name: 'рынок «Центральный»' },
    ]);
    expect(report.raids.participants).toEqual([
      { kind: 'teachers', count: 5, orgs: [] },
      { kind: 'police', count: 3, orgs: [] },
      { kind: 'ngo', count: 2, orgs: ['«Жас Өркен»'] },
    ]);
  });
});

describe('buildReport edge cases', () => {
  const campaign = { year: 2024, from: '2024-08-01', to: '2024-09-30', motto: null, closed: false };
  const org = { code: 'S1', name: 'Школа № 1', type: 'school', hotline: null } as const;

  it('an empty campaign gives zeros, not errors', () => {
    const report = buildReport(emptyReportInput(org, campaign));
    expect(report.total).toEqual({ students: 0, amount: 0 });
    expect(report.fv).toEqual({ students: 0, amount: 0, byMonth: [] });
    expect(report.sponsors).toEqual({ students: 0, amount: 0, list: [] });
    expect(report.byCategory).toEqual([]);
    expect(report.raids).toEqual({
      count: 0,
      childrenFound: 0,
      returnedToSchool: 0,
      places: [],
      participants: [],
    });
  });

  it('aid to a child or sponsor missing from the lists still counts', () => {
    const aid: ReportAid[] = [
      {
        id: 'a1',
        childId: 'ghost',
        date: '2024-08-10',
        source: { kind: 'sponsor', sponsorId: 'sp-x' },
        form: 'money',
        amount: 5_000,
        items: [],
        reversedBy: null,
      },
    ];
    const report = buildReport({ ...emptyReportInput(org, campaign), aid });
    expect(report.byCategory).toEqual([{ category: 'none', students: 1, amount: 5_000 }]);
    expect(report.sponsors.list).toEqual([
      { id: 'sp-x', name: 'sp-x', type: 'other', head: null, anonymous: false, students: 1, amount: 5_000 },
    ]);
  });

  it('refuses a fractional amount instead of summing floats', () => {
    const aid: ReportAid[] = [
      {
        id: 'a1',
        childId: 'c',
        date: '2024-08-10',
        source: { kind: 'fv' },
        form: 'money',
        amount: 0.5,
        items: [],
        reversedBy: null,
      },
    ];
    expect(() => buildReport({ ...emptyReportInput(org, campaign), aid })).toThrow(RangeError);
  });

  it('cancelled plan items are not counted as planned', () => {
    const plan = [
      { id: 'p1', status: 'done' },
      { id: 'p2', status: 'cancelled' },
      { id: 'p3', status: 'in_progress' },
    ] as const;
    expect(buildReport({ ...emptyReportInput(org, campaign), plan }).plan).toEqual({
      items: 2,
      done: 1,
      inProgress: 1,
      cancelled: 1,
    });
  });
});

describe('roll-up', () => {
  const campaign = { year: 2023, from: '2023-08-01', to: '2023-09-30', motto: null, closed: false };
  const district = {
    code: 'D1',
    name: 'Отдел образования г. Балхаш',
    type: 'district',
    hotline: '8 (71036) 4-00-00',
  } as const;

  it('counts a child helped in two schools once', () => {
    const school = (code: string, aidId: string): ReportInput => ({
      ...emptyReportInput({ code, name: code, type: 'school', hotline: null }, campaign),
      children: [{ id: 'moved-child', categories: ['asp'], status: 'helped' }],
      aid: [
        {
          id: aidId,
          childId: 'moved-child',
          date: '2023-08-10',
          source: { kind: 'fv' },
          form: 'money',
          amount: 40_567,
          items: [],
          reversedBy: null,
        },
      ],
      stand: code === 'A',
    });
    const report = buildReport(emptyReportInput(district, campaign, [school('A', 'x1'), school('B', 'x2')]));
    expect(report.total).toEqual({ students: 1, amount: 81_134 });
    expect(report.units.map((u) => u.total)).toEqual([
      { students: 1, amount: 40_567 },
      { students: 1, amount: 40_567 },
    ]);
    expect(report.children.listed).toBe(1);
    expect(report.outreach).toEqual({ schools: 2, stands: 1, booklets: 0, bookletLanguages: [] });
    expect(report.hotline.phone).toBe('8 (71036) 4-00-00');
  });

  it('equals the report over the union of the records, at any depth', () => {
    fc.assert(
      fc.property(fc.array(schoolInputArb('s'), { minLength: 1, maxLength: 4 }), (schools) => {
        // Give each school distinct record ids but shared children and sponsors, like real data.
        const units = schools.map((s, i) => renameIds(s, `u${i}`));
        const half = Math.ceil(units.length / 2);
        const tree = emptyReportInput(district, campaign, [
          emptyReportInput({ ...district, code: 'D1a' }, campaign, units.slice(0, half)),
          ...units.slice(half),
        ]);
        const union: ReportInput = {
          ...emptyReportInput(district, campaign),
          children: dedupe(units.flatMap((u) => u.children)),
          sponsors: dedupe(units.flatMap((u) => u.sponsors)),
          aid: units.flatMap((u) => u.aid),
          raids: units.flatMap((u) => u.raids),
          hotline: units.flatMap((u) => u.hotline),
          plan: units.flatMap((u) => u.plan),
        };
        const rolled = buildReport(tree);
        const flat = buildReport(union);
        const { units: _u, outreach: _o, ...rolledFigures } = rolled;
        const { units: _u2, outreach: _o2, ...flatFigures } = flat;
        // A roll-up ranks its sponsors by amount; a single unit keeps the order they were registered in.
        expect(rolledFigures).toEqual({
          ...flatFigures,
          sponsors: { ...flat.sponsors, list: rankSponsorLines(flat.sponsors.list) },
        });
        const { units: _u3, outreach: _o3, ...flattenedFigures } = buildReport(rollUp(tree));
        expect({ ...flattenedFigures, sponsors: rolledFigures.sponsors }).toEqual(rolledFigures);
        expect(rolledFigures.sponsors.list).toEqual(rankSponsorLines(flattenedFigures.sponsors.list));
        expect(rolled.outreach.schools).toBe(units.length);
        expect(rolled.units.map((u) => u.org.code)).toEqual([
          'D1a',
          ...units.slice(half).map((u) => u.org.code),
        ]);
        // A district's total never exceeds the sum of its schools' totals, and equals it in amount.
        const leaves = units.map(buildReport);
        expect(rolled.total.amount).toBe(sum(leaves.map((l) => l.total.amount)));
        expect(rolled.total.students).toBeLessThanOrEqual(sum(leaves.map((l) => l.total.students)));
      }),
    );
  });
});

function renameIds(input: ReportInput, prefix: string): ReportInput {
  const rename = <T extends { id: string }>(rows: readonly T[]) =>
    rows.map((r) => ({ ...r, id: `${prefix}-${r.id}` }));
  return {
    ...input,
    org: { ...input.org, code: prefix, name: prefix },
    aid: input.aid.map((r) => ({
      ...r,
      id: `${prefix}-${r.id}`,
      reversedBy: r.reversedBy && `${prefix}-${r.reversedBy}`,
      reverses: r.reverses && `${prefix}-${r.reverses}`,
    })),
    raids: rename(input.raids),
    hotline: rename(input.hotline),
    plan: rename(input.plan),
  };
}

function dedupe<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

describe('totals always add up to the records', () => {
  it('by source, month, form, sponsor and category', () => {
    fc.assert(
      fc.property(schoolInputArb('s'), (input) => {
        const report = buildReport(input);
        const rows = effectiveAid(input.aid);
        const fvRows = rows.filter((r) => r.source.kind === 'fv');
        const amounts = (rs: readonly ReportAid[]) => sum(rs.map((r) => r.amount));

        expect(report.total.amount).toBe(amounts(rows));
        expect(report.fv.amount + report.sponsors.amount).toBe(report.total.amount);
        expect(report.fv.amount).toBe(amounts(fvRows));
        expect(sum(report.fv.byMonth.map((m) => m.amount))).toBe(report.fv.amount);
        expect(sum(report.byForm.map((f) => f.amount))).toBe(report.total.amount);
        expect(sum(report.sponsors.list.map((s) => s.amount))).toBe(report.sponsors.amount);
        for (const line of report.sponsors.list) {
          expect(line.amount).toBe(
            amounts(rows.filter((r) => r.source.kind === 'sponsor' && r.source.sponsorId === line.id)),
          );
        }
        for (const { category, amount, students } of report.byCategory) {
          const holders = new Set(
            input.children
              .filter((c) => (c.categories as readonly string[]).includes(category))
              .map((c) => c.id),
          );
          const known = new Set(
            input.children.filter((c) => c.categories.some((k) => k !== 'not_attending')).map((c) => c.id),
          );
          const matching = rows.filter((r) =>
            category === 'none' ? !known.has(r.childId) : holders.has(r.childId),
          );
          expect(amount).toBe(amounts(matching));
          expect(students).toBe(new Set(matching.map((r) => r.childId)).size);
        }
        // Every row falls in at least one category bucket.
        expect(sum(report.byCategory.map((c) => c.amount))).toBeGreaterThanOrEqual(report.total.amount);
        const quantities = sum(rows.flatMap((r) => r.items.map((i) => i.quantity)));
        expect(sum(report.items.map((i) => i.quantity))).toBe(quantities);
      }),
    );
  });

  it('distinct counts never exceed row counts and are consistent', () => {
    fc.assert(
      fc.property(schoolInputArb('s'), (input) => {
        const report = buildReport(input);
        const rows = effectiveAid(input.aid);
        const fvRows = rows.filter((r) => r.source.kind === 'fv');
        expect(report.total.students).toBeLessThanOrEqual(rows.length);
        expect(report.fv.students).toBeLessThanOrEqual(fvRows.length);
        expect(report.sponsors.students).toBeLessThanOrEqual(rows.length - fvRows.length);
        expect(report.total.students).toBeLessThanOrEqual(report.fv.students + report.sponsors.students);
        expect(report.total.students).toBeGreaterThanOrEqual(
          Math.max(report.fv.students, report.sponsors.students),
        );
        expect(report.total.students).toBe(new Set(rows.map((r) => r.childId)).size);
        for (const m of report.fv.byMonth) expect(m.students).toBeLessThanOrEqual(report.fv.students);
        expect(sum(report.fv.byMonth.map((m) => m.students))).toBeGreaterThanOrEqual(report.fv.students);
        for (const s of report.sponsors.list)
          expect(s.students).toBeLessThanOrEqual(report.sponsors.students);
        for (const f of report.byForm) expect(f.students).toBeLessThanOrEqual(report.total.students);
        expect(report.raids.returnedToSchool).toBeLessThanOrEqual(report.raids.childrenFound);
        expect(report.hotline.closed).toBeLessThanOrEqual(report.hotline.calls);
        expect(report.plan.done).toBeLessThanOrEqual(report.plan.items);
      }),
    );
  });

  it('reversed entries change nothing', () => {
    fc.assert(
      fc.property(schoolInputArb('s'), (input) => {
        const withoutReversals = { ...input, aid: effectiveAid(input.aid) };
        expect(buildReport(input)).toEqual(buildReport(withoutReversals));
      }),
    );
  });
});
