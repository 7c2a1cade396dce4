// Reading back what the renderers wrote, for tests: the text of a DOCX or PDF and the numbers in running text.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Lang } from '#domain/lang';

/** The key figures of the example report in the order it states them (title to totals). */
export const EXAMPLE_RU_NUMBERS = [
  12, 2023, 1, 30, 2023, 9, 9, 8, 7212, 0, 0, 0, 14, 41, 2, 4, 4, 21, 842_300, 2023, 15, 610_500, 2023, 6,
  231_800, 24, 515_000, 11, 260_000, 1, 35_000, 4, 80_000, 1998, 6, 90_000, 2, 50_000, 45, 1_357_300,
];

/** The figures every language must carry, whatever its word order. */
export const EXAMPLE_FIGURES = [
  9, 9, 14, 41, 2, 4, 4, 21, 842_300, 15, 610_500, 6, 231_800, 24, 515_000, 11, 260_000, 1, 35_000, 4, 80_000,
  6, 90_000, 2, 50_000, 45, 1_357_300,
];

/** Numbers as the language groups them: "1 357 300" (no-break spaces) in kk/ru, "1,357,300" in en. */
export function numbersIn(text: string, lang: Lang): number[] {
  const pattern = lang === 'en' ? /\d+(?:,\d{3})*(?!\d)/g : /\d+(?:[ \u00A0]\d{3}(?!\d))*/g;
  return [...text.matchAll(pattern)].map((m) => Number(m[0].replace(/[, \u00A0]/g, '')));
}

/** True when every figure of `expected` occurs in `actual` at least as often. */
export function containsAll(actual: readonly number[], expected: readonly number[]): boolean {
  const left = new Map<number, number>();
  for (const n of actual) left.set(n, (left.get(n) ?? 0) + 1);
  return expected.every((n) => {
    const count = left.get(n) ?? 0;
    left.set(n, count - 1);
    return count > 0;
  });
}

export async function docxText(buffer: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const PDFTOTEXT = hasPdftotext();

export function pdfText(buffer: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: buffer }).toString('utf8');
  // Page footers ("1 / 3") are not part of the text.
  return text.replace(/^\s*\d+ ?\/ ?\d+\s*$/gm, '');
}

export async function readWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const copy = new Uint8Array(buffer).buffer;
  await book.xlsx.load(copy);
  return book;
}
