// fast-check generators of report inputs for property tests: small id pools so children, sponsors and months
// repeat often, which is where distinct counts and roll-ups can go wrong.
import fc from 'fast-check';
import { AID_FORMS, NEED_ITEMS } from '../aid-codes.ts';
import { CATEGORY_CODES, type ChildMark } from '../categories.ts';
import type { ReportAid, ReportChild, ReportInput, ReportSponsor } from './report-input.ts';

const childIds = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
const sponsorIds = ['s1', 's2', 's3'];

const childArb: fc.Arbitrary<ReportChild> = fc.record({
  id: fc.constantFrom(...childIds),
  categories: fc.uniqueArray(fc.constantFrom<ChildMark>(...CATEGORY_CODES, 'not_attending'), {
    maxLength: 3,
  }),
  status: fc.constantFrom('proposed', 'approved', 'rejected', 'helped', 'archived'),
});

const sponsorArb: fc.Arbitrary<ReportSponsor> = fc.record({
  id: fc.constantFrom(...sponsorIds),
  name: fc.constantFrom('ТОО «А»', 'ИП Б', 'Выпускники'),
  type: fc.constantFrom('company', 'entrepreneur', 'alumni'),
  head: fc.option(fc.constant('Иванов И. И.')),
  anonymous: fc.boolean(),
});

const aidArb: fc.Arbitrary<Omit<ReportAid, 'id'>> = fc.record({
  childId: fc.constantFrom(...childIds, 'c-unknown'),
  date: fc.constantFrom('2023-08-01', '2023-08-31', '2023-09-15', '2023-10-02'),
  source: fc.oneof(
    fc.constant({ kind: 'fv' } as const),
    fc.constantFrom(...sponsorIds, 's-unknown').map((sponsorId) => ({ kind: 'sponsor', sponsorId }) as const),
  ),
  form: fc.constantFrom(...AID_FORMS),
  amount: fc.integer({ min: 1, max: 200_000 }),
  items: fc.array(
    fc.record({ item: fc.constantFrom(...NEED_ITEMS), quantity: fc.integer({ min: 1, max: 5 }) }),
    {
      maxLength: 2,
    },
  ),
  reversedBy: fc.constant(null),
});

/** Aid rows with unique ids; some are reversed by a reversing row, which is added too. */
export const aidRowsArb = (prefix: string): fc.Arbitrary<ReportAid[]> =>
  fc.array(fc.tuple(aidArb, fc.boolean()), { maxLength: 25 }).map((pairs) =>
    pairs.flatMap(([row, reversed], i) => {
      const id = `${prefix}-a${i}`;
      if (!reversed) return [{ ...row, id }];
      const reversal: ReportAid = { ...row, id: `${id}-rev`, amount: -row.amount, reverses: id };
      return [{ ...row, id, reversedBy: reversal.id }, reversal];
    }),
  );

export const schoolInputArb = (prefix: string): fc.Arbitrary<ReportInput> =>
  fc
    .record({
      children: fc.uniqueArray(childArb, { selector: (c) => c.id, maxLength: childIds.length }),
      sponsors: fc.uniqueArray(sponsorArb, { selector: (s) => s.id, maxLength: sponsorIds.length }),
      aid: aidRowsArb(prefix),
      raidCount: fc.nat(3),
      found: fc.array(
        fc.record({ childId: fc.option(fc.constantFrom(...childIds)), returnedToSchool: fc.boolean() }),
        { maxLength: 4 },
      ),
      hotline: fc.array(fc.constantFrom<'open' | 'closed'>('open', 'closed'), {
        maxLength: 5,
      }),
      plan: fc.array(
        fc.constantFrom<'planned' | 'in_progress' | 'done' | 'cancelled'>(
          'planned',
          'in_progress',
          'done',
          'cancelled',
        ),
        { maxLength: 5 },
      ),
      stand: fc.boolean(),
      booklets: fc.subarray(['kk', 'ru', 'en'] as const),
    })
    .map((r) => ({
      org: { code: prefix, name: `Школа ${prefix}`, type: 'school', hotline: null },
      campaign: { year: 2023, from: '2023-08-01', to: '2023-09-30', motto: null, closed: false },
      children: r.children,
      sponsors: r.sponsors,
      aid: r.aid,
      raids: Array.from({ length: r.raidCount }, (_, i) => ({
        id: `${prefix}-r${i}`,
        date: '2023-08-20',
        places: [{ kind: 'market', name: 'рынок' }],
        participants: [{ kind: 'police', count: 1, orgs: [] }],
        found: i === 0 ? r.found : [],
      })),
      hotline: r.hotline.map((status, i) => ({ id: `${prefix}-h${i}`, status })),
      plan: r.plan.map((status, i) => ({ id: `${prefix}-p${i}`, status })),
      stand: r.stand,
      booklets: { languages: r.booklets },
    }));
