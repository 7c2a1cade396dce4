import { makeValidIin } from '#domain/iin';
import { formatTenge } from '#domain/money';
import { loadConfig } from '../../config.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { buildServices, type Services } from '../../services.ts';
import { given } from '../../test/given.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { formatImportReport, toImportReportDto } from '../import/import.report.ts';
import type { ImportReport } from '../import/import.service.ts';
import { addChildren, type FixtureChild } from './help-fixtures.ts';

// Messages a person can act on: each refused row names its row, column, the value as written (shortened), the
// child when known and what would be accepted; amounts are grouped as on screen and no placeholder is left empty.

let database: TestDatabase;
let services: Services;
let operator: RequestContext;
let kids: FixtureChild[];

const csv = (name: string, lines: string[]) => ({ name, data: Buffer.from(lines.join('\r\n'), 'utf8') });
const texts = (report: ImportReport) => {
  const dto = toImportReportDto(report, 'ru');
  const sheet = dto.files[0]!.sheets[0]!;
  return [...sheet.errors, ...sheet.warnings];
};
/** A number of 4 or more digits not grouped as on screen (ИИН and years aside). */
const UNGROUPED = /(?<![\d.])\d{4,}(?![\d.])/;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(database, loadConfig({}));
  const g = given(services);
  await g.tree();
  operator = g.operator;
  kids = await addChildren(database, 'SA', 3, { withIin: true });
  const fv = await services.import.apply(
    operator,
    [csv('fv.csv', ['Школа (код);Год;Выделено', 'SA;2024;100000'])],
    {
      lang: 'ru',
    },
  );
  expect(fv.ok).toBe(true);
});
afterAll(() => database.drop());

describe('import messages', () => {
  it('name the value as written, the child and what would be accepted; amounts grouped as on screen', async () => {
    const report = await services.import.preview(
      operator,
      [
        csv('aid.csv', [
          'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
          `01.09.2024;${kids[0]!.iin};ФВ;деньги;сорок тысяч;;`,
          `01.09.2024;${kids[1]!.iin};ФВ;деньги;1500000;;`,
          `01.09.2024;${kids[2]!.iin};ФВ;деньги;1000;;${'очень длинное примечание '.repeat(100)}`,
        ]),
      ],
      { lang: 'ru' },
    );
    const [amount, over, note] = texts(report).filter((i) => i.row !== 4 || i.field === 'note');
    expect(amount).toMatchObject({ row: 2, column: 'Сумма', value: 'сорок тысяч' });
    expect(amount!.child).toBe(`${kids[0]!.surname} ${kids[0]!.name}, ИИН ${kids[0]!.iin}`);
    expect(amount!.message).toMatch(/например/);
    expect(over).toMatchObject({ row: 3, column: 'Сумма', value: '1500000' });
    expect(over!.child).toContain(kids[1]!.iin);
    expect(over!.message).toContain('1\u00a0500\u00a0000\u00a0₸');
    expect(over!.message).toContain('100\u00a0000\u00a0₸');
    expect(note).toMatchObject({ row: 4, column: 'Примечание' });
    expect(note!.value!.length).toBeLessThanOrEqual(61);
    expect(note!.value!.endsWith('…')).toBe(true);
    for (const i of texts(report)) {
      expect(i.message).not.toMatch(/\(\s*\)|«\s*»|\{/);
      expect(i.message.replace(/\d{12}/g, '').replace(/\d\d\.\d\d\.\d{4}/g, '')).not.toMatch(UNGROUPED);
    }
    const printed = formatImportReport(toImportReportDto(report, 'ru'), 'ru', { skipInvalid: false });
    expect(printed).toContain('«сорок тысяч»');
    expect(printed).toContain(`ИИН ${kids[0]!.iin}`);
  });

  it('a warning below the subsistence minimum names the minimum', async () => {
    const pm = await services.fv.pm(2024);
    expect(pm).not.toBeNull();
    const report = await services.import.preview(
      operator,
      [csv('aid.csv', ['Дата;ИИН;Источник;Форма;Сумма', `02.09.2024;${kids[0]!.iin};ФВ;деньги;10`])],
      { lang: 'ru' },
    );
    const warning = texts(report).find((w) => w.field === 'amount')!;
    expect(warning.message).toContain(`(${formatTenge(pm!, 'ru')})`);
  });

  it('an allocation below what is decided names both amounts grouped', async () => {
    await services.import.apply(
      operator,
      [csv('aid.csv', ['Дата;ИИН;Источник;Форма;Сумма', `03.09.2024;${kids[0]!.iin};ФВ;деньги;46228`])],
      { lang: 'ru' },
    );
    const report = await services.import.preview(
      operator,
      [csv('fv.csv', ['Школа (код);Год;Выделено', 'SA;2024;1000'])],
      { lang: 'ru' },
    );
    const [e] = texts(report);
    expect(e).toMatchObject({ row: 2, column: 'Выделено', value: '1000' });
    expect(e!.message).toContain('1\u00a0000\u00a0₸');
    expect(e!.message).toContain('46\u00a0228\u00a0₸');
  });

  it('an IIN that lost its leading zero in a number cell gets it back with a warning; exponent form is refused', async () => {
    const iin = makeValidIin('2009-09-14', 'm', 4602);
    await database.db.updateTable('children').set({ iin }).where('id', '=', kids[2]!.id).execute();
    const report = await services.import.preview(
      operator,
      [
        csv('aid.csv', [
          'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
          `04.09.2024;${iin.slice(1)};ТОО «Нет»;вещи;;рюкзак;`,
          `04.09.2024;1,60514E+11;ФВ;деньги;50000;;`,
        ]),
      ],
      { lang: 'ru' },
    );
    const issues = texts(report);
    expect(issues.map((i) => `${i.row}:${i.field}`)).toEqual(['2:source', '3:iin', '2:iin']);
    const restored = issues.find((i) => i.row === 2 && i.field === 'iin')!;
    expect(restored).toMatchObject({ value: iin.slice(1) });
    expect(restored.message).toContain(iin);
    const exponent = issues.find((i) => i.row === 3)!;
    expect(exponent).toMatchObject({ value: '1,60514E+11' });
    expect(exponent.message).toMatch(/текстовый формат/);
  });
});
