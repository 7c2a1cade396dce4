// DOCX of a paper with the `docx` package: the same blocks as the PDF, in Times New Roman as schools type them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Paper, PaperBlock } from './paper.ts';

const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
} as const;

const text = (t: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, bold: opts.bold, size: opts.size ?? 24, font: 'Times New Roman' });

function cell(t: string, align: keyof typeof ALIGN, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: ALIGN[align], children: [text(t, { bold, size: 20 })] })],
  });
}

function block(b: PaperBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 240 },
          children: [text(b.text, { bold: true, size: 26 })],
        }),
        ...(b.subtitle
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { after: 200 },
                children: [text(b.subtitle)],
              }),
            ]
          : []),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'justify'],
          indent: b.align === 'center' || b.align === 'right' ? undefined : { firstLine: 567 },
          spacing: { after: 120 },
          children: [text(b.text, { bold: b.bold })],
        }),
      ];
    case 'approval':
      return b.lines.map((l) => new Paragraph({ indent: { left: 5600 }, children: [text(l)] }));
    case 'table': {
      const sum = b.columns.reduce((a, c) => a + c.width, 0);
      const pct = (w: number) => Math.round((w / sum) * 100);
      const rows = [
        new TableRow({
          tableHeader: true,
          children: b.columns.map((c) => cell(c.header, 'center', pct(c.width), true)),
        }),
        ...b.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: b.columns.map((c, i) => cell(r[i] ?? '', c.align, pct(c.width))),
            }),
        ),
        ...(b.total
          ? [
              new TableRow({
                children: b.columns.map((c, i) => cell(b.total![i] ?? '', c.align, pct(c.width), true)),
              }),
            ]
          : []),
      ];
      return [
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'signatures':
      return b.lines.map(
        (l) =>
          new Paragraph({
            spacing: { before: 280 },
            tabStops: [
              { type: 'left', position: 4300 },
              { type: 'left', position: 6800 },
            ],
            children: [text(l.role), text('\t____________________'), text(`\t${l.name}`)],
          }),
      );
  }
}

export function paperDocx(paper: Paper): Promise<Buffer> {
  const h = paper.letterhead;
  const head = [
    ...(h.parent
      ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(h.parent, { size: 20 })] })]
      : []),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(h.name, { bold: true })] }),
    ...(h.address
      ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(h.address, { size: 20 })] })]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
      children: h.phone ? [text(h.phone, { size: 20 })] : [],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120 },
      children: [text(paper.dateLine, { size: 20 })],
    }),
  ];
  const doc = new Document({
    creator: 'Mektepke Jol',
    title: paper.fileName,
    sections: [
      {
        properties: { page: { margin: { top: 850, bottom: 850, left: 1400, right: 850 } } },
        children: [...head, ...paper.blocks.flatMap(block)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
