// One entry point from a report to any supported file format.
import type { ReportDocument } from './report-document.ts';
import { renderDocx } from './report-docx.ts';
import { renderMarkdown } from './report-markdown.ts';
import { renderPdf } from './report-pdf.ts';
import { renderXlsx } from './report-xlsx.ts';

export const FILE_FORMATS = ['md', 'docx', 'pdf', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function renderReportFile(doc: ReportDocument, format: FileFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
    case 'xlsx':
      return renderXlsx(doc);
  }
}
