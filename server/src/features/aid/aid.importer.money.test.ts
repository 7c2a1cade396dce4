import fc from 'fast-check';
import { loadConfig } from '../../config.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { buildServices, type Services } from '../../services.ts';
import { given } from '../../test/given.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { ImportReport } from '../import/import.service.ts';
import { addChildren, type FixtureChild } from './help-fixtures.ts';

// Money in an aid file adds up: a refused row takes nothing from the fund, which rows pass does not depend on
// the order of the file's rows, and with skip-invalid exactly the valid rows land.

let database: TestDatabase;
let services: Services;
let operator: RequestContext;
let kids: FixtureChild[];

const HEADER = 'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание';
interface Line {
  date: string;
  kid: number;
  amount: number;
}
const file = (lines: Line[]) => ({
  name: 'aid.csv',
  data: Buffer.from(
    [HEADER, ...lines.map((l) => `${l.date};${kids[l.kid]!.iin};ФВ;деньги;${l.amount};;`)].join('\r\n'),
    'utf8',
  ),
});
/** The lines a report refused, as `kid/date/amount` (row numbers start at 2 below the header). */
const refusedOf = (lines: Line[], report: ImportReport) =>
  new Set(
    report.files[0]!.sheets[0]!.errors.map((e) => {
      const l = lines[e.row - 2]!;
      return `${l.kid}/${l.date}/${l.amount}`;
    }),
  );
const left = async (year: number) =>
  (await services.fv.list(operator, { org: 'SA', year })).items.find((i) => i.orgCode === 'SA')!.left;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(database, loadConfig({}));
  const g = given(services);
  await g.tree();
  operator = g.operator;
  kids = await addChildren(database, 'SA', 8, { withIin: true });
  const fv = ['Школа (код);Год;Выделено', 'SA;2024;100000', 'SA;2025;100000'].join('\r\n');
  const report = await services.import.apply(operator, [{ name: 'fv.csv', data: Buffer.from(fv, 'utf8') }], {
    lang: 'ru',
  });
  expect(report.ok).toBe(true);
});
afterAll(() => database.drop());

describe('money in an aid file', () => {
  it('a row refused for exceeding the fund consumes nothing: the later rows that fit pass', async () => {
    const lines: Line[] = [
      { date: '01.09.2024', kid: 0, amount: 150_000 },
      { date: '01.09.2024', kid: 1, amount: 40_000 },
      { date: '02.09.2024', kid: 2, amount: 50_000 },
    ];
    const report = await services.import.preview(operator, [file(lines)], { lang: 'ru' });
    expect([...refusedOf(lines, report)]).toEqual(['0/01.09.2024/150000']);
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet.errors.map((e) => e.message.key)).toEqual(['help:import.fvOverRemaining']);
    expect(sheet.valid).toBe(2);
  });

  it('refuses the same rows whatever the order of the file', async () => {
    // Each fits alone; together they exceed the 100 000 left, and one is over by itself.
    const lines: Line[] = [
      { date: '05.09.2024', kid: 0, amount: 30_000 },
      { date: '01.09.2024', kid: 1, amount: 30_000 },
      { date: '03.09.2024', kid: 2, amount: 25_000 },
      { date: '03.09.2024', kid: 3, amount: 25_000 },
      { date: '02.09.2024', kid: 4, amount: 120_000 },
      { date: '04.09.2024', kid: 5, amount: 20_000 },
      { date: '01.09.2024', kid: 6, amount: 10_000 },
    ];
    const expected = refusedOf(lines, await services.import.preview(operator, [file(lines)], { lang: 'ru' }));
    expect(expected.size).toBeGreaterThan(1);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }),
        async (order) => {
          const report = await services.import.preview(operator, [file(order)], { lang: 'ru' });
          expect(refusedOf(order, report)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('with skip-invalid lands exactly the valid rows; the fund keeps the allocation minus their sum', async () => {
    const lines: Line[] = [
      { date: '03.09.2025', kid: 0, amount: 60_000 },
      { date: '01.09.2025', kid: 1, amount: 110_000 },
      { date: '02.09.2025', kid: 2, amount: 30_000 },
      { date: '04.09.2025', kid: 3, amount: 15_000 },
      { date: '05.09.2025', kid: 4, amount: 5_000 },
    ];
    const shuffled = [lines[3]!, lines[0]!, lines[4]!, lines[1]!, lines[2]!];
    const preview = await services.import.preview(operator, [file(shuffled)], { lang: 'ru' });
    const refused = refusedOf(shuffled, preview);
    const applied = await services.import.apply(operator, [file(shuffled)], {
      lang: 'ru',
      skipInvalid: true,
    });
    expect(refusedOf(shuffled, applied)).toEqual(refused);
    const landed = lines.filter((l) => !refused.has(`${l.kid}/${l.date}/${l.amount}`));
    const stored = await database.db
      .selectFrom('aid')
      .select(['child_id', 'amount'])
      .where('date', '>=', '2025-01-01')
      .execute();
    expect(stored.map((s) => `${s.child_id}/${Number(s.amount)}`).sort()).toEqual(
      landed.map((l) => `${kids[l.kid]!.id}/${l.amount}`).sort(),
    );
    const sum = landed.reduce((n, l) => n + l.amount, 0);
    expect(sum).toBeLessThanOrEqual(100_000);
    expect(await left(2025)).toBe(100_000 - sum);
    // Nothing that fits is left out: every refused row is over what the landed rows left.
    for (const l of lines.filter((x) => refused.has(`${x.kid}/${x.date}/${x.amount}`))) {
      expect(l.amount).toBeGreaterThan(100_000 - sum);
    }
  });
});
