// XLSX: one sheet per table, numbers stored as numbers with a thousands format so officers can add them up.
import ExcelJS from 'exceljs';
import { isNumeric, type ReportDocument } from './report-document.ts';
import type { ReportTable } from './report-tables.ts';

const NUMBER_FORMAT = '#,##0';

/** Excel refuses some characters in sheet names and anything over 31 characters; names must be unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 27)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function addTable(book: ExcelJS.Workbook, table: ReportTable, doc: ReportDocument, taken: Set<string>) {
  const sheet = book.addWorksheet(sheetName(table.sheet, taken), {
    pageSetup: {
      paperSize: 9,
      orientation: table.columns.length > 6 ? 'landscape' : 'portrait',
      fitToWidth: 1,
    },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.addRow([doc.narrative.title]).font = { bold: true };
  sheet.addRow([table.title]).font = { bold: true, italic: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  const marked = new Set(table.marked ?? []);
  table.rows.forEach((cells, r) => {
    const row = sheet.addRow(cells.map((c) => c ?? null));
    if (marked.has(r)) row.font = { italic: true };
  });
  if (table.total) sheet.addRow(table.total.map((c) => c ?? null)).font = { bold: true };
  table.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    if (isNumeric(column.kind)) {
      col.numFmt = column.kind === 'rank' ? '0' : NUMBER_FORMAT;
      col.width = column.kind === 'rank' ? 7 : 16;
    } else {
      const longest = Math.max(column.header.length, ...table.rows.map((row) => String(row[i] ?? '').length));
      col.width = Math.min(60, Math.max(12, longest + 2));
    }
  });
  // The long title in A1 should not widen the first column.
  sheet.getCell('A1').alignment = { wrapText: false };
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mektepke Jol';
  book.title = doc.narrative.title;
  const taken = new Set<string>();
  for (const table of doc.tables) addTable(book, table, doc, taken);
  const data = await book.xlsx.writeBuffer();
  return Buffer.from(data);
}
