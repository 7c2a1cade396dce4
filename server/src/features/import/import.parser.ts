import { open } from 'node:fs/promises';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError, type Message } from '../../http/app-error.ts';

// Turns an uploaded file into rows of cell text, whatever Excel or a school's old computer made of it: XLSX, or
// CSV in UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1251, separated by ',' ';' or tabs. What is not
// a spreadsheet is refused by its content, never by its name.

/** One non-empty row with its number as Excel shows it (the first row of the sheet is 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ParsedSheet {
  /** The worksheet's name; null for CSV. */
  sheet: string | null;
  /** Non-empty rows in order, the header row among them (the engine finds it). */
  rows: SheetRow[];
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** How a CSV's text was decoded; a header that matches nothing in a guessed encoding hints at another one. */
  encoding: 'utf-8' | 'utf-16' | 'windows-1251' | null;
  sheets: ParsedSheet[];
}

/** A whole file refused (not a spreadsheet, unknown encoding, too large…), with a message naming the file. */
export class ImportFileError extends AppError {
  constructor(msg: Message, status: 400 | 413 | 422 = 422) {
    super(status, status === 413 ? 'too_large' : 'import_file', msg);
  }
}

const MB = 1024 * 1024;

export function tooLarge(file: string, maxBytes: number) {
  return new ImportFileError(
    { key: 'import:file.tooLarge', params: { file, max: Math.round(maxBytes / MB) } },
    413,
  );
}

/** Reads a file from disk, refusing one over the limit from its size alone, before reading any of it. */
export async function readFileWithin(path: string, maxBytes: number, file = path): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new ImportFileError({ key: 'import:file.notFound', params: { file } }, 400);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(file, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf]],
  ['GZIP', [0x1f, 0x8b]],
  ['RTF', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** Parses an uploaded file into sheets of rows. `file` is the name shown in messages. */
export async function parseImportFile(file: string, data: Buffer): Promise<ParsedFile> {
  if (data.length === 0) throw new ImportFileError({ key: 'import:file.empty', params: { file } });
  if (startsWith(data, ZIP)) return parseXlsx(file, data);
  if (startsWith(data, OLE2)) throw new ImportFileError({ key: 'import:file.oldXls', params: { file } });
  for (const [type, bytes] of SIGNATURES) {
    if (startsWith(data, bytes)) {
      throw new ImportFileError({ key: 'import:file.notSpreadsheet', params: { file, type } });
    }
  }
  const { text, encoding } = decodeText(file, data);
  return { format: 'csv', encoding, sheets: [{ sheet: null, rows: csvRows(file, text) }] };
}

// ---------------------------------------------------------------------------------------------- CSV text

const notSpreadsheet = (file: string) =>
  new ImportFileError({ key: 'import:file.notSpreadsheet', params: { file, type: 'unknown' } });
const badEncoding = (file: string) => new ImportFileError({ key: 'import:file.encoding', params: { file } });

// Control characters never found in a spreadsheet saved as text (tab, CR and LF are fine).
// eslint-disable-next-line no-control-regex -- control characters are what marks binary content
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Characters of Windows-1251 that real Russian or Kazakh text almost never holds; many of them mean the bytes
// were written in another Cyrillic code page (CP866, Mac) and decoding them as Windows-1251 produced garbage.
const CP1251_RARE = /[ЂЃѓ„†‡€‰Љ‹ЊЌЋЏђљ›њќћџЎўЈ¤Ґ¦§©Є¬®Ї±µ¶ґјЅѕї]/g;

function decodeText(file: string, data: Buffer): { text: string; encoding: ParsedFile['encoding'] } {
  if (startsWith(data, [0xef, 0xbb, 0xbf]))
    return { text: checked(file, utf8(file, data.subarray(3))), encoding: 'utf-8' };
  if (startsWith(data, [0xff, 0xfe]))
    return { text: checked(file, iconv.decode(data.subarray(2), 'utf-16le')), encoding: 'utf-16' };
  if (startsWith(data, [0xfe, 0xff]))
    return { text: checked(file, iconv.decode(data.subarray(2), 'utf-16be')), encoding: 'utf-16' };
  const head = data.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  });
  if (evenZeros + oddZeros > 0) {
    // UTF-16 without its byte-order mark: digits, Latin letters and separators put their zero byte always on the
    // same side of each pair; in binary data zeros fall anywhere.
    const zeros = evenZeros + oddZeros;
    if (zeros >= 4 && Math.max(evenZeros, oddZeros) >= zeros * 0.95) throw badEncoding(file);
    throw notSpreadsheet(file);
  }
  let text: string;
  let encoding: ParsedFile['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(data, 'win1251');
    encoding = 'windows-1251';
    if (text.includes('\uFFFD')) throw badEncoding(file);
    const rare = text.match(CP1251_RARE)?.length ?? 0;
    const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
    if (rare > 3 && rare * 20 > cyrillic) throw badEncoding(file);
  }
  return { text: checked(file, text), encoding };
}

function utf8(file: string, data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw badEncoding(file);
  }
}

function checked(file: string, text: string): string {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 200 > text.length) throw notSpreadsheet(file);
  if (text.trim() === '') throw new ImportFileError({ key: 'import:file.empty', params: { file } });
  return text;
}

/** ';' as Excel saves CSV where the decimal mark is a comma (ru, kk), ',' elsewhere, tab for "Unicode text". */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [d, n] of counts) {
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

function csvRows(file: string, text: string): SheetRow[] {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new ImportFileError({ key: 'import:file.badCsv', params: { file, line } });
    }
    throw error;
  }
  // Excel shows each record as one row, a quoted line break included, so the record's index is its row number.
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------- XLSX

async function parseXlsx(file: string, data: Buffer): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError({ key: 'import:file.unreadable', params: { file } });
  }
  if (workbook.worksheets.length === 0) {
    throw new ImportFileError({ key: 'import:file.unreadable', params: { file } });
  }
  const sheets: ParsedSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
      if (cells.some((t) => t.trim() !== '')) rows.push({ row: rowNumber, cells });
    });
    sheets.push({ sheet: worksheet.name, rows });
  }
  if (sheets.every((s) => s.rows.length === 0)) {
    throw new ImportFileError({ key: 'import:file.empty', params: { file } });
  }
  return { format: 'xlsx', encoding: null, sheets };
}

function cellText(cell: ExcelJS.Cell): string {
  const text = valueText(cell.value);
  // An IIN kept as a number with the format "000000000000" shows its leading zero in Excel: keep it here too.
  const format = cell.numFmt;
  if (typeof cell.value === 'number' && format && /^0+$/.test(format) && /^\d+$/.test(text)) {
    return text.padStart(format.length, '0');
  }
  return text;
}

function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula counts as what Excel last showed for it; a cell never calculated has no result and is empty.
    return valueText(value.result);
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue);
  }
  if ('error' in value) return String(value.error);
  return '';
}

/** An Excel date cell as 'YYYY-MM-DD' (rounded to the second first: serial numbers carry float noise). */
function isoDate(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
