import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadConfig } from '../../config.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { buildServices, type Services } from '../../services.ts';
import { given } from '../../test/given.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { ImportService, type ImportProgress, type ImportReport } from './import.service.ts';

let database: TestDatabase;
let services: Services;
let engine: ImportService;
let operator: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({});
  services = buildServices(database, config);
  engine = new ImportService(database, config);
  const g = given(services);
  await g.tree();
  operator = g.operator;
});
afterAll(() => database.drop());

const HEADER = 'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)';
const csv = (name: string, ...lines: string[]) => ({
  name,
  data: Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'utf8'),
});
const opts = { lang: 'ru' as const };

async function codes(prefix: string) {
  const rows = await database.db
    .selectFrom('org_units')
    .select(['code', 'path', 'name_ru'])
    .where('code', 'like', `${prefix}%`)
    .orderBy('code')
    .execute();
  return rows;
}

function errorsOf(report: ImportReport) {
  return report.files[0]!.sheets[0]!.errors.map((e) => ({
    row: e.row,
    column: e.column,
    key: e.message.key,
  }));
}

describe('import engine with the org-units importer', () => {
  it('writes nothing of a file with three bad rows and names each row and column', async () => {
    const file = csv(
      'bad.csv',
      'D1;R1;город/район;Город Д;Д қаласы',
      `D1-S1;D1;школа;${'Ш'.repeat(301)};Мектеп`,
      'D1-S2;D1;гимназия;Гимназия;<b>Гимназия</b>',
      'D1-S3;NOPE;школа;Школа 3;3 мектеп',
      'D1-S4;D1;школа;Школа 4;4 мектеп',
    );
    const report = await engine.apply(operator, [file], opts);

    expect(report.ok).toBe(false);
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet).toMatchObject({
      kind: 'org-units',
      rows: 5,
      valid: 2,
      refused: 3,
      applied: false,
      result: null,
    });
    expect(errorsOf(report)).toEqual([
      { row: 3, column: 'Наименование (рус)', key: 'import:cell.tooLong' },
      { row: 4, column: 'Наименование (каз)', key: 'import:cell.html' },
      { row: 5, column: 'Код вышестоящего', key: 'import:orgUnits.parentNotFound' },
    ]);
    expect(await codes('D1')).toEqual([]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['import', 'import_run'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import_run']);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ files: ['bad.csv'], ok: false });
  });

  it('previews without writing, then with skipInvalid writes the valid rows and still reports the skipped one', async () => {
    const file = csv(
      'mixed.csv',
      'D2;R1;город/район;Город Е;Е қаласы',
      'D2-S1;D2;школа;Школа 1;1 мектеп',
      'D2-S2;D2;область;Школа 2;2 мектеп',
    );
    const preview = await engine.preview(operator, [file], { ...opts, skipInvalid: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.files[0]!.sheets[0]).toMatchObject({
      valid: 2,
      refused: 1,
      result: { created: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
    expect(await codes('D2')).toEqual([]);

    const report = await engine.apply(operator, [file], { ...opts, skipInvalid: true });
    expect(report.files[0]!.sheets[0]).toMatchObject({
      applied: true,
      result: { created: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
    expect(errorsOf(report)).toEqual([{ row: 4, column: 'Тип', key: 'import:orgUnits.wrongType' }]);
    expect(await codes('D2')).toEqual([
      { code: 'D2', path: '/KZ/R1/D2/', name_ru: 'Город Е' },
      { code: 'D2-S1', path: '/KZ/R1/D2/D2-S1/', name_ru: 'Школа 1' },
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'details'])
      .where('action', 'in', ['import', 'import_preview'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['import', 'import_preview']);
  });

  it('changes nothing when the same file is imported again, and updates a renamed unit', async () => {
    const lines = ['D3;R1;город/район;Город Ж;Ж қаласы', 'd3-s1;D3;мектеп;Школа 1;1 мектеп'];
    const first = await engine.apply(operator, [csv('a.csv', ...lines)], opts);
    expect(first.files[0]!.sheets[0]!.result).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0 });
    const before = await codes('D3');

    const again = await engine.apply(operator, [csv('a.csv', ...lines)], opts);
    expect(again.ok).toBe(true);
    expect(again.files[0]!.sheets[0]!.result).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await codes('D3')).toEqual(before);

    const renamed = await engine.apply(
      operator,
      [csv('b.csv', lines[0]!, 'D3-S1;D3;school;Школа № 1;1 мектеп')],
      opts,
    );
    expect(renamed.files[0]!.sheets[0]!.result).toEqual({ created: 0, updated: 1, unchanged: 1, skipped: 0 });
    expect((await codes('D3-S1'))[0]!.name_ru).toBe('Школа № 1');
  });

  it('reads a Windows-1251 CSV and an XLSX sheet with English headers, reporting progress', async () => {
    const cp1251 = {
      name: 'win.csv',
      data: iconv.encode(`${HEADER}\r\nD4;R1;город/район;Район З;З ауданы\r\n`, 'win1251'),
    };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('org-units');
    sheet.addRow(['List of schools']);
    sheet.addRow(['Code', 'Parent code', 'Type', 'Name (Russian)', 'Name (Kazakh)', 'Comment']);
    for (let i = 1; i <= 250; i++)
      sheet.addRow([`D4-S${i}`, 'D4', 'school', `Школа ${i}`, `${i} мектеп`, '']);
    const xlsx = { name: 'schools.xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()) };
    const progress: ImportProgress[] = [];

    const report = await engine.apply(operator, [cp1251, xlsx], {
      ...opts,
      onProgress: (p) => progress.push(p),
    });

    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.sheets[0]!.result?.created)).toEqual([1, 250]);
    expect(report.files[1]!.sheets[0]!.warnings.map((w) => w.message)).toEqual([
      { key: 'import:file.columnIgnored', params: { column: 'Comment' } },
    ]);
    expect((await codes('D4-S')).length).toBe(250);
    const validating = progress.filter((p) => p.file === 'schools.xlsx' && p.phase === 'validate');
    expect(validating.at(-1)).toMatchObject({ done: 250, total: 250 });
    expect(validating.length).toBeGreaterThan(2);
  });

  it('refuses whole files: unknown headers say which were expected, another encoding, and a role that may not', async () => {
    const unknown = { name: 'x.csv', data: Buffer.from('Товар;Цена;Количество\r\nРучка;100;7\r\n') };
    const partial = { name: 'p.csv', data: Buffer.from('Фамилия;Имя;Возраст\r\nИванов;Иван;7\r\n') };
    const koi8 = {
      name: 'koi.csv',
      data: iconv.encode(`${HEADER}\r\nD5;R1;город/район;Город;Қала\r\n`, 'koi8-r'),
    };
    const report = await engine.preview(operator, [unknown, koi8, partial], opts);
    expect(report.ok).toBe(false);
    const error = report.files[0]!.sheets[0]!.error!;
    expect(error.key).toBe('import:file.unknownHeader');
    expect(String(error.params?.expected)).toContain(
      'Код; Код вышестоящего; Тип; Наименование (рус); Наименование (каз)',
    );
    expect(report.files[1]!.error).toEqual({ key: 'import:file.encoding', params: { file: 'koi.csv' } });
    // A header that looks like a template but lacks its required columns says which ones.
    expect(report.files[2]!.sheets[0]!.error).toMatchObject({
      key: 'import:file.missingColumns',
      params: { kind: 'children', file: 'p.csv' },
    });

    await given(services).user('coordinator', 'SA', 'coord.import@test.kz');
    const coordinator = (await services.auth.viewerFromApiToken(
      await given(services).token('coord.import@test.kz'),
    ))!;
    const refused = await engine.apply(
      { viewer: coordinator, ip: null },
      [csv('c.csv', 'D6;R1;город/район;Г;Г')],
      opts,
    );
    expect(refused.files[0]!.sheets[0]!.error?.key).toBe('import:file.forbiddenKind');
    expect(await codes('D6')).toEqual([]);
  });

  it('treats a workbook as one file: a bad row in its second sheet keeps the first sheet out too', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Инструкция').addRow(['Заполните листы ниже. Даты — ДД.ММ.ГГГГ.']);
    const districts = workbook.addWorksheet('Районы');
    districts.addRow(HEADER.split(';'));
    districts.addRow(['D7', 'R1', 'город/район', 'Район 7', '7 аудан']);
    const schools = workbook.addWorksheet('Школы');
    schools.addRow(HEADER.split(';'));
    schools.addRow(['D7-S1', 'D7', 'школа', 'Школа 1', '1 мектеп']);
    schools.addRow(['D7-S2', 'D7', 'школа', '<b>Школа</b>', '2 мектеп']);
    const file = { name: 'book.xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()) };

    const refused = await engine.apply(operator, [file], opts);
    expect(refused.files[0]!.warnings).toEqual([
      { key: 'import:file.sheetIgnored', params: { sheet: 'Инструкция' } },
    ]);
    expect(refused.files[0]!.sheets.map((s) => [s.sheet, s.valid, s.refused, s.applied])).toEqual([
      ['Районы', 1, 0, false],
      ['Школы', 1, 1, false],
    ]);
    expect(refused.files[0]!.sheets[1]!.errors[0]).toMatchObject({ row: 3, column: 'Наименование (рус)' });
    expect(await codes('D7')).toEqual([]);

    const partial = await engine.apply(operator, [file], { ...opts, skipInvalid: true });
    expect(partial.files[0]!.sheets.map((s) => s.result?.created)).toEqual([1, 1]);
    expect((await codes('D7')).map((u) => u.code)).toEqual(['D7', 'D7-S1']);
  });

  it('lets an officer import below its unit only', async () => {
    await given(services).user('officer', 'C2', 'officer.import@test.kz');
    const officer = (await services.auth.viewerFromApiToken(
      await given(services).token('officer.import@test.kz'),
    ))!;
    const report = await engine.apply(
      { viewer: officer, ip: null },
      [csv('o.csv', 'C2-S9;C2;школа;Школа 9;9 мектеп', 'C1-S9;C1;школа;Школа 9;9 мектеп')],
      { ...opts, skipInvalid: true },
    );
    expect(errorsOf(report)).toEqual([
      { row: 3, column: 'Код вышестоящего', key: 'import:orgUnits.parentNotFound' },
    ]);
    expect((await codes('C2-S9')).map((u) => u.path)).toEqual(['/KZ/R1/C2/C2-S9/']);
    expect(await codes('C1-S9')).toEqual([]);
  });
});
