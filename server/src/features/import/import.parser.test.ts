import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectDelimiter, ImportFileError, parseImportFile, readFileWithin } from './import.parser.ts';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).msg;
}

const HEADER = 'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)';

describe('import parser: CSV', () => {
  it('reads UTF-8 with a BOM, `;` separated, and numbers rows as Excel does', async () => {
    const text = `\uFEFF${HEADER}\r\nS1;C1;школа;"Школа № 1; имени Абая";Абай атындағы №1 мектеп\r\n\r\nS2;C1;школа;Школа 2;2 мектеп\r\n`;
    const parsed = await parseImportFile('units.csv', Buffer.from(text, 'utf8'));
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    const rows = parsed.sheets[0]!.rows;
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[0]!.cells[0]).toBe('Код');
    expect(rows[1]!.cells[3]).toBe('Школа № 1; имени Абая');
    expect(rows[2]!.cells).toEqual(['S2', 'C1', 'школа', 'Школа 2', '2 мектеп']);
  });

  it('reads a Windows-1251 `;` CSV as Excel saves it in a Russian locale', async () => {
    const text = `${HEADER}\r\nS1;C1;школа;Средняя школа № 5 «Ёлочка»;5 мектеп\r\n`;
    const data = iconv.encode(text, 'win1251');
    const parsed = await parseImportFile('ru.csv', data);
    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.sheets[0]!.rows[1]!.cells[3]).toBe('Средняя школа № 5 «Ёлочка»');
  });

  it('reads comma-separated UTF-8 without a BOM, with quoted commas and line breaks', async () => {
    const text =
      'Code,Parent code,Type,Name (Russian),Name (Kazakh)\n"S1",C1,school,"Школа, №1","Мектеп\n№1"\n';
    const rows = (await parseImportFile('en.csv', Buffer.from(text))).sheets[0]!.rows;
    expect(rows[1]!.cells).toEqual(['S1', 'C1', 'school', 'Школа, №1', 'Мектеп\n№1']);
  });

  it('detects the separator from the header line, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2;3;4')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('refuses a CSV in another Cyrillic encoding (CP866), naming the file', async () => {
    const data = iconv.encode(`${HEADER}\r\nS1;C1;школа;Школа имени Шаляпина;Мектеп\r\n`, 'cp866');
    expect(await refusal(parseImportFile('dos.csv', data))).toEqual({
      key: 'import:file.encoding',
      params: { file: 'dos.csv' },
    });
  });

  it('refuses UTF-16 without a byte-order mark as an unknown encoding', async () => {
    const data = Buffer.from(`${HEADER}\r\nS1;C1;school;A;B\r\n`, 'utf16le');
    expect((await refusal(parseImportFile('u16.csv', data))).key).toBe('import:file.encoding');
  });

  it('refuses a PDF or a PNG renamed to .csv by its content', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 7)]);
    expect(await refusal(parseImportFile('list.csv', pdf))).toEqual({
      key: 'import:file.notSpreadsheet',
      params: { file: 'list.csv', type: 'PDF' },
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(parseImportFile('photo.csv', png))).params).toMatchObject({ type: 'PNG' });
  });

  it('refuses other binary content and old .xls workbooks', async () => {
    let seed = 42;
    const binary = Buffer.from(
      Array.from({ length: 4000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16),
    );
    expect((await refusal(parseImportFile('blob.csv', binary))).key).toBe('import:file.notSpreadsheet');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(parseImportFile('old.xls', xls))).key).toBe('import:file.oldXls');
  });

  it('refuses an empty file and one holding only blank lines', async () => {
    expect((await refusal(parseImportFile('e.csv', Buffer.alloc(0)))).key).toBe('import:file.empty');
    expect((await refusal(parseImportFile('e.csv', Buffer.from('\r\n \r\n')))).key).toBe('import:file.empty');
  });

  it('refuses a CSV with an unclosed quote, naming the line', async () => {
    const msg = await refusal(parseImportFile('q.csv', Buffer.from(`${HEADER}\n"S1;C1;школа;A;B\n`)));
    expect(msg).toMatchObject({ key: 'import:file.badCsv', params: { file: 'q.csv' } });
  });
});

describe('import parser: XLSX', () => {
  it('reads each sheet: date cells as YYYY-MM-DD, numbers as digits, rich text, formulas by their result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('children');
    sheet.addRow(['ИИН', 'Фамилия', 'Дата рождения', 'Сумма', 'Формула']);
    const row = sheet.addRow([
      900101300007,
      { richText: [{ text: 'Серік' }, { font: { bold: true }, text: 'ов' }] },
      new Date(Date.UTC(2015, 8, 1)),
      1196448,
      { formula: 'A1&"x"', result: 'Итог' },
    ]);
    row.getCell(3).numFmt = 'dd.mm.yyyy';
    const iin = sheet.addRow([50101500123]);
    iin.getCell(1).numFmt = '000000000000';
    workbook.addWorksheet('Пустой');
    const data = Buffer.from(await workbook.xlsx.writeBuffer());

    const parsed = await parseImportFile('book.xlsx', data);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.sheets.map((s) => s.sheet)).toEqual(['children', 'Пустой']);
    const rows = parsed.sheets[0]!.rows;
    expect(rows[1]).toEqual({ row: 2, cells: ['900101300007', 'Серіков', '2015-09-01', '1196448', 'Итог'] });
    expect(rows[2]!.cells[0]).toBe('050101500123');
    expect(parsed.sheets[1]!.rows).toEqual([]);
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await refusal(parseImportFile('x.xlsx', zip))).key).toBe('import:file.unreadable');
  });
});

describe('import parser: reading from disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mj-parser-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 50 MB file from its size without reading it', async () => {
    const path = join(dir, 'big.csv');
    const handle = await open(path, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const msg = await refusal(readFileWithin(path, 20 * 1024 * 1024, 'big.csv'));
    expect(msg).toEqual({ key: 'import:file.tooLarge', params: { file: 'big.csv', max: 20 } });
  });

  it('reads a file within the limit and names a missing one', async () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, HEADER);
    expect((await readFileWithin(path, 1024)).toString()).toBe(HEADER);
    expect((await refusal(readFileWithin(join(dir, 'nope.csv'), 1024, 'nope.csv'))).key).toBe(
      'import:file.notFound',
    );
  });
});
