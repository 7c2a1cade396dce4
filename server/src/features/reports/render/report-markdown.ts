// Markdown: the narrative as a school writes it, then the tables.
import { toMarkdown } from '#domain/report/narrative';
import { cellText, isNumeric, type ReportDocument } from './report-document.ts';
import type { ReportTable } from './report-tables.ts';

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function tableMarkdown(table: ReportTable, doc: ReportDocument): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return [
    `### ${escapeCell(table.title)}`,
    '',
    line(table.columns.map((c) => escapeCell(c.header))),
    line(table.columns.map((c) => (isNumeric(c.kind) ? '---:' : '---'))),
    ...rows.map((row, i) =>
      line(
        table.columns.map((c, j) => {
          const text = escapeCell(cellText(row[j] ?? null, c.kind, doc.lang));
          const isTotal = table.total !== undefined && i === rows.length - 1;
          return isTotal && text !== '—' ? `**${text}**` : text;
        }),
      ),
    ),
  ].join('\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts = [toMarkdown(doc.narrative).trimEnd()];
  if (doc.tables.length > 0) {
    parts.push(`## ${doc.tablesHeading}`);
    for (const table of doc.tables) parts.push(tableMarkdown(table, doc));
  }
  parts.push(`_${doc.footnote}_`);
  return `${parts.join('\n\n')}\n`;
}
