// The synthetic republic at CI scale: the generator writes through the real schema, and the report read from the
// facts it built equals the domain's buildReport over the records it wrote, at the republic, a region, a district
// and a school; the same seed writes the same republic.
import { buildReport } from '#domain/report/build-report';
import { policy } from '../../access/policy.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { assembleReportInput } from '../reports/report-input-builder.ts';
import { ReportReader } from '../reports/report-reader.ts';
import { ReportsRepository } from '../reports/reports.repository.ts';
import { generateRepublic, republicSize, type GeneratedRepublic } from './republic.generator.ts';

let t: TestApp;
let made: GeneratedRepublic;
const SCALE = 0.004;

beforeAll(async () => {
  t = await startTestApp();
  await t.services.setup.ensureRoot();
  made = await generateRepublic(t.database.db, SCALE);
}, 300_000);
afterAll(() => t.close());

describe('the synthetic republic', () => {
  it('has the size asked for, with aid in every year of its history', async () => {
    const size = republicSize(SCALE);
    expect(made.counts.children).toBe(size.children);
    expect(made.counts.units).toBe(1 + size.regions + size.districts + size.schools);
    expect(made.counts.aid).toBeGreaterThan(1.5 * size.children);
    const years = await t.database.db.selectFrom('aid').select('year').distinct().orderBy('year').execute();
    expect(years.map((y) => Number(y.year))).toEqual(size.years);
  });

  it('reports from its facts exactly what the domain computes from its records', async () => {
    const repo = new ReportsRepository(t.database.db);
    for (const code of ['KZ', made.region, made.district, made.school]) {
      for (const year of [made.year, made.year - 1]) {
        const unit = (await repo.findUnit(code, policy.everywhere('unit.read', 'operator')))!;
        const scope = policy.everywhere('report.read', 'operator', unit);
        const records = await repo.load(scope, year);
        const reference = buildReport(assembleReportInput(records, unit, 'ru'));
        const fromFacts = await new ReportReader(t.database.db).report(
          scope,
          unit,
          year,
          'ru',
          await repo.campaigns(scope, year),
        );
        expect(fromFacts, `${code} ${year}`).toEqual({
          ...reference,
          units: reference.units.map((u) => ({ ...u, units: [] })),
        });
        if (code === 'KZ' && year === made.year) {
          expect(fromFacts.total.students).toBeGreaterThan(0);
          expect(fromFacts.units).toHaveLength(republicSize(SCALE).regions);
          expect(fromFacts.sponsors.list.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('writes the same republic from the same seed', async () => {
    const again = await startTestApp();
    try {
      await again.services.setup.ensureRoot();
      await generateRepublic(again.database.db, SCALE);
      const sums = (db: TestApp['database']['db']) =>
        db
          .selectFrom('aid')
          .select((eb) => [eb.fn.sum<number>('amount').as('amount'), eb.fn.countAll<number>().as('n')])
          .executeTakeFirstOrThrow();
      const [a, b] = [await sums(t.database.db), await sums(again.database.db)];
      expect(Number(b.amount)).toBe(Number(a.amount));
      expect(Number(b.n)).toBe(Number(a.n));
    } finally {
      await again.close();
    }
  }, 300_000);
});
