// PDF through pdfmake with DejaVu fonts: pdfmake's own Roboto has no ₸ and DejaVu carries every Kazakh letter.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PdfPrinter from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block } from '#domain/report/narrative';
import { cellText, isNumeric, type ReportDocument } from './report-document.ts';
import type { ReportTable } from './report-tables.ts';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const font = (file: string) => join(fontDir, file);

const printer = new PdfPrinter({
  DejaVuSerif: {
    normal: font('DejaVuSerif.ttf'),
    bold: font('DejaVuSerif-Bold.ttf'),
    italics: font('DejaVuSerif-Italic.ttf'),
    bolditalics: font('DejaVuSerif-BoldItalic.ttf'),
  },
  DejaVuSans: {
    normal: font('DejaVuSansCondensed.ttf'),
    bold: font('DejaVuSansCondensed-Bold.ttf'),
    italics: font('DejaVuSansCondensed-Oblique.ttf'),
    bolditalics: font('DejaVuSansCondensed-BoldOblique.ttf'),
  },
});

function blockContent(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'heading' };
    case 'paragraph':
      return { text: block.text, style: 'body' };
    case 'list':
      return { ul: block.items.map((item) => ({ text: item, alignment: 'justify' })), style: 'list' };
  }
}

const isWide = (table: ReportTable) => table.columns.length > 6;

function tableContent(table: ReportTable, doc: ReportDocument): Content {
  const wide = isWide(table);
  const header: TableCell[] = table.columns.map((c) => ({
    // "ФВ: учащихся" breaks after the colon rather than anywhere in a narrow column.
    text: wide ? c.header.replace(': ', ':\n') : c.header,
    style: 'th',
    alignment: 'center',
  }));
  const marked = new Set(table.marked ?? []);
  const rows: TableCell[][] = table.rows.map((row, r) =>
    table.columns.map((c, i) => ({
      text: cellText(row[i] ?? null, c.kind, doc.lang),
      alignment: isNumeric(c.kind) ? 'right' : 'left',
      italics: marked.has(r),
    })),
  );
  if (table.total) {
    const total = table.total;
    rows.push(
      table.columns.map((c, i) => ({
        text: total[i] === null ? '' : cellText(total[i] ?? null, c.kind, doc.lang),
        alignment: isNumeric(c.kind) ? 'right' : 'left',
        bold: true,
      })),
    );
  }
  return {
    stack: [
      { text: table.title, style: 'tableTitle' },
      {
        table: {
          headerRows: 1,
          widths: table.columns.map((c, i) => {
            if (isNumeric(c.kind)) return wide && c.kind !== 'rank' ? 58 : 'auto';
            return i === table.columns.findIndex((x) => !isNumeric(x.kind)) ? '*' : 'auto';
          }),
          body: [header, ...rows],
          dontBreakRows: true,
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#808080',
          vLineColor: () => '#808080',
          fillColor: (rowIndex: number) => (rowIndex === 0 ? '#E7E6E6' : null),
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
        style: wide ? 'wideTable' : 'table',
      },
    ],
    unbreakable: table.rows.length < 15,
  };
}

export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const content: Content[] = [{ text: doc.narrative.title, style: 'title' }];
  const blocks = doc.narrative.paragraphs;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    // A heading stays on the page of what follows it (when that is short enough to move along).
    if (block.kind === 'heading' && next && (next.kind !== 'list' || next.items.length <= 15)) {
      content.push({ stack: [blockContent(block), blockContent(next)], unbreakable: true });
      i += 1;
    } else {
      content.push(blockContent(block));
    }
  }
  if (doc.tables.length > 0) {
    content.push({ text: doc.tablesHeading, style: 'heading', pageBreak: 'before' });
    for (const table of doc.tables.filter((t) => !isWide(t))) content.push(tableContent(table, doc));
    // The overview of units is wide: it gets landscape pages of its own.
    for (const table of doc.tables.filter(isWide)) {
      content.push({ stack: [tableContent(table, doc)], pageBreak: 'before', pageOrientation: 'landscape' });
    }
  }
  content.push({ text: doc.footnote, style: 'footnote' });

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [70, 50, 42, 50],
    info: { title: doc.narrative.title, creator: 'Mektepke Jol' },
    content,
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    defaultStyle: { font: 'DejaVuSerif', fontSize: 11, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      body: { alignment: 'justify', margin: [0, 0, 0, 6], leadingIndent: 28 },
      list: { margin: [14, 0, 0, 6] },
      tableTitle: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      table: { font: 'DejaVuSans', fontSize: 9.5, lineHeight: 1.1 },
      wideTable: { font: 'DejaVuSans', fontSize: 8.5, lineHeight: 1.05 },
      th: { bold: true },
      footnote: { fontSize: 8.5, italics: true, color: '#444444', margin: [0, 16, 0, 0] },
    },
  };

  return new Promise((resolve, reject) => {
    const pdf = printer.createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
