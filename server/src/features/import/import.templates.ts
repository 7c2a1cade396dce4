import ExcelJS from 'exceljs';
import type { Lang } from '#domain/lang';
import { columnLabel } from './import.headers.ts';
import type { Importer } from './importer.ts';

// Blank templates people fill in: the header row (canonical Russian unless another language is asked for; the
// import reads all three) and one example row. Every column is formatted as text so that Excel keeps the leading
// zero of an IIN and does not turn a code like "1-2" into a date.

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** UTF-8 with a BOM and ';' between fields: what Excel in a Russian or Kazakh locale opens without a wizard. */
export function templateCsv(importer: Importer, lang: Lang): Buffer {
  const header = importer.columns.map((c) => csvField(columnLabel(c, lang)));
  const lines = [header.join(';')];
  if (importer.example)
    lines.push(importer.columns.map((c) => csvField(importer.example?.[c.key] ?? '')).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function templateXlsx(importer: Importer, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(importer.kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importer.columns.map((c) => ({
    header: columnLabel(c, lang),
    key: c.key,
    width: Math.max(14, columnLabel(c, lang).length + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  if (importer.example) sheet.addRow(importer.example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
