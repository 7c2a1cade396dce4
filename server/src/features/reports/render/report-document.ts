// Everything a renderer needs to draw one report: the computed figures, the text in the chosen language and the
// tables, built once so every format shows the same things.
import { formatDate } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { formatNumber } from '#domain/money';
import { reportNarrative, type NarrativeDocument } from '#domain/report/narrative';
import type { Report } from '#domain/report/report';
import { renderMessage } from '#domain/render-message';
import { reportTables, type Cell, type ColumnKind, type ReportTable } from './report-tables.ts';
import { REPORTS_MESSAGES } from './reports-messages.ts';

export interface ReportDocument {
  lang: Lang;
  report: Report;
  narrative: NarrativeDocument;
  tables: ReportTable[];
  /** "Generated on … from the records": printed at the end of every document. */
  footnote: string;
  tablesHeading: string;
}

export interface ReportDocumentOptions {
  /** 'YYYY-MM-DD', the day the document is made. */
  today: string;
  /** Hide the names of sponsors who asked to stay anonymous (anything shown outside the school). */
  maskAnonymous?: boolean;
}

export function reportDocument(report: Report, lang: Lang, options: ReportDocumentOptions): ReportDocument {
  const m = REPORTS_MESSAGES[lang];
  const mask = { maskAnonymous: options.maskAnonymous === true };
  return {
    lang,
    report,
    narrative: reportNarrative(report, lang, { ...mask, breakdowns: false }),
    tables: reportTables(report, lang, mask),
    footnote: renderMessage(m.doc.generated, lang, { date: formatDate(options.today, lang) }),
    tablesHeading: m.doc.tablesHeading,
  };
}

/** A cell as text: numbers grouped the way the language writes them, empty cells as a dash. */
export function cellText(cell: Cell, kind: ColumnKind, lang: Lang): string {
  if (cell === null || cell === '') return '—';
  if (typeof cell === 'number') return kind === 'text' ? String(cell) : formatNumber(cell, lang);
  return cell;
}

/** Numbers line up on the right; text reads from the left. */
export function isNumeric(kind: ColumnKind): boolean {
  return kind !== 'text';
}
