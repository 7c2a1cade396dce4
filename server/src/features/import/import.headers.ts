import { normalizeLabel } from '#domain/label-lookup';
import type { Lang } from '#domain/lang';
import type { ImportColumn, Importer } from './importer.ts';
import type { ParsedSheet } from './import.parser.ts';

// Recognising which template a sheet follows from its header row. People add a title line above the table, mark
// required columns with '*', write «Ф.И.О.» in capitals: headers are compared in a normalised form and the header
// may be any of the first few non-empty rows.

const HEADER_SEARCH_ROWS = 10;

export function normalizeHeader(header: string): string {
  return normalizeLabel(header.replace(/[*:]+\s*$/u, ''));
}

/** A column's header in the user's language (headers are listed ru, kk, en, then aliases). */
export function columnLabel(column: ImportColumn, lang: Lang): string {
  const index = lang === 'ru' ? 0 : lang === 'kk' ? 1 : 2;
  return column.headers[index] ?? column.headers[0] ?? column.key;
}

export interface HeaderMatch {
  importer: Importer;
  /** Row number of the header; data rows follow it. */
  headerRow: number;
  /** Column key → index of its cell in each row. */
  index: Map<string, number>;
  /** Header texts in the file that belong to no column of the template. */
  ignored: string[];
  /** Header texts of columns that appear more than once (the first is used). */
  duplicates: string[];
}

export type Recognition =
  | { ok: true; match: HeaderMatch }
  | { ok: false; closest: { importer: Importer; missing: ImportColumn[] } | null };

function matchRow(cells: string[], importer: Importer) {
  const byHeader = new Map<string, ImportColumn>();
  for (const column of importer.columns) {
    for (const h of column.headers) byHeader.set(normalizeHeader(h), column);
  }
  const index = new Map<string, number>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  cells.forEach((text, i) => {
    if (text.trim() === '') return;
    const column = byHeader.get(normalizeHeader(text));
    if (!column) ignored.push(text.trim());
    else if (index.has(column.key)) duplicates.push(text.trim());
    else index.set(column.key, i);
  });
  const missing = importer.columns.filter((c) => c.required && !index.has(c.key));
  return { index, ignored, duplicates, missing };
}

/** Finds the header row and the template it belongs to; the template matching the most columns wins. */
export function recognizeSheet(sheet: ParsedSheet, importers: readonly Importer[]): Recognition {
  let closest: { importer: Importer; missing: ImportColumn[]; matched: number } | null = null;
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    let best: (HeaderMatch & { matched: number }) | null = null;
    for (const importer of importers) {
      const m = matchRow(row.cells, importer);
      const matched = m.index.size;
      if (m.missing.length === 0 && matched > 0) {
        if (!best || matched > best.matched) best = { importer, headerRow: row.row, ...m, matched };
      } else if (matched >= 2 && (!closest || matched > closest.matched)) {
        closest = { importer, missing: m.missing, matched };
      }
    }
    if (best) {
      const { matched: _matched, ...match } = best;
      return { ok: true, match };
    }
  }
  return { ok: false, closest };
}
