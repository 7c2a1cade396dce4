// PDF of a paper with pdfmake. DejaVu fonts (npm dejavu-fonts-ttf) because pdfmake's Roboto has no ₸ sign.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PdfPrinter from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Paper, PaperBlock } from './paper.ts';

const ttf = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const printer = new PdfPrinter({
  Serif: {
    normal: join(ttf, 'DejaVuSerif.ttf'),
    bold: join(ttf, 'DejaVuSerif-Bold.ttf'),
    italics: join(ttf, 'DejaVuSerif-Italic.ttf'),
    bolditalics: join(ttf, 'DejaVuSerif-BoldItalic.ttf'),
  },
});

// pdfmake breaks lines after a hyphen and then justifies the gap ("мектеп- гимназиясы"); a no-break hyphen
// keeps compound words whole.
const keepHyphens = (text: string) => text.replace(/(?<=\p{L})-(?=\p{L})/gu, '\u2011');

function block(b: PaperBlock): Content {
  switch (b.kind) {
    case 'title':
      return {
        stack: [
          { text: keepHyphens(b.text), bold: true, fontSize: 13, alignment: 'center' },
          ...(b.subtitle ? [{ text: b.subtitle, alignment: 'center' as const, margin: [0, 2, 0, 0] }] : []),
        ],
        margin: [0, 14, 0, 10],
      } as Content;
    case 'paragraph':
      return {
        text: keepHyphens(b.text),
        alignment: b.align ?? 'justify',
        bold: b.bold ?? false,
        margin: [0, 0, 0, 6],
        leadingIndent: b.align === 'center' || b.align === 'right' ? 0 : 28,
      };
    case 'approval':
      return {
        columns: [
          { text: '', width: '*' },
          { width: 210, stack: b.lines.map((l) => ({ text: l })) },
        ],
        margin: [0, 0, 0, 4],
      };
    case 'table': {
      const head: TableCell[] = b.columns.map((c) => ({
        text: c.header,
        bold: true,
        alignment: 'center',
        fontSize: 9,
      }));
      const body: TableCell[][] = b.rows.map((r) =>
        b.columns.map((c, i) => ({ text: r[i] ?? '', alignment: c.align, fontSize: 9 })),
      );
      if (b.total) {
        body.push(
          b.columns.map((c, i) => ({ text: b.total![i] ?? '', alignment: c.align, bold: true, fontSize: 9 })),
        );
      }
      const sum = b.columns.reduce((a, c) => a + c.width, 0);
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: b.columns.map((c) => `${((c.width / sum) * 100).toFixed(2)}%`),
          body: [head, ...body],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 },
        margin: [0, 4, 0, 10],
      };
    }
    case 'signatures':
      return {
        stack: b.lines.map((l) => ({
          columns: [
            { text: l.role, width: '45%' },
            { text: '____________________', width: '25%', alignment: 'center' },
            { text: l.name, width: '30%' },
          ],
          margin: [0, 14, 0, 0],
        })),
        margin: [0, 10, 0, 0],
      };
  }
}

export function paperPdf(paper: Paper): Promise<Buffer> {
  const h = paper.letterhead;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 42, 42, 42],
    defaultStyle: { font: 'Serif', fontSize: 11, lineHeight: 1.15 },
    info: { title: paper.fileName },
    content: [
      {
        stack: [
          ...(h.parent ? [{ text: h.parent, fontSize: 9 }] : []),
          { text: keepHyphens(h.name), bold: true, fontSize: 11 },
          ...(h.address ? [{ text: h.address, fontSize: 9 }] : []),
          ...(h.phone ? [{ text: h.phone, fontSize: 9 }] : []),
        ],
        alignment: 'center',
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: 497, y2: 4, lineWidth: 1.2 }],
        margin: [0, 2, 0, 4],
      },
      { text: paper.dateLine, fontSize: 9, alignment: 'right' },
      ...paper.blocks.map(block),
    ],
  };
  const pdf = printer.createPdfKitDocument(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
