// DOCX as schools hand reports in: A4, Times New Roman 14 pt, justified paragraphs with a first-line indent, real
// Word lists and tables (not tab-aligned text), so the school can still edit it before signing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Block } from '#domain/report/narrative';
import { cellText, isNumeric, type ReportDocument } from './report-document.ts';
import type { ReportTable } from './report-tables.ts';

const FONT = 'Times New Roman';
// Sizes are in half-points; lengths in twentieths of a point (1 cm = 567).
const BODY_SIZE = 28;
const TABLE_SIZE = 22;
const WIDE_TABLE_SIZE = 18;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
// Wide tables (the overview of units) get landscape pages of their own.
const LANDSCAPE_MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
const LIST = 'report-dash';

function blockParagraphs(block: Block): Paragraph[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun(block.text)], style: 'ReportBody' })];
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            children: [new TextRun(item)],
            numbering: { reference: LIST, level: 0 },
            alignment: AlignmentType.JUSTIFIED,
          }),
      );
  }
}

const isWide = (table: ReportTable) => table.columns.length > 6;

/** Number columns get a fixed width; text columns share the rest in proportion to their longest text. */
function columnWidths(table: ReportTable, textWidth: number): number[] {
  const wide = isWide(table);
  const numberWidth = wide ? 1100 : 1400;
  const fixed = (kind: string) => (kind === 'rank' ? 700 : numberWidth);
  const rest = textWidth - table.columns.reduce((sum, c) => sum + (isNumeric(c.kind) ? fixed(c.kind) : 0), 0);
  const weights = table.columns.map((c, i) => {
    if (isNumeric(c.kind)) return 0;
    const longest = Math.max(c.header.length, ...table.rows.map((row) => String(row[i] ?? '').length));
    return Math.min(40, Math.max(15, longest));
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  return table.columns.map((c, i) =>
    isNumeric(c.kind) ? fixed(c.kind) : Math.floor((rest * (weights[i] ?? 0)) / totalWeight),
  );
}

function tableOf(table: ReportTable, doc: ReportDocument): Table {
  const size = isWide(table) ? WIDE_TABLE_SIZE : TABLE_SIZE;
  const textWidth = isWide(table) ? LANDSCAPE_WIDTH : TEXT_WIDTH;
  const widths = columnWidths(table, textWidth);
  const cell = (
    text: string,
    opts: { numeric: boolean; bold?: boolean; italics?: boolean; header?: boolean; wide?: boolean },
  ) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: opts.header
            ? AlignmentType.CENTER
            : opts.numeric
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          // In a narrow header "ФВ: учащихся" breaks after the colon rather than inside a word.
          children: (opts.wide ? text.split(': ') : [text]).map(
            (part, i, parts) =>
              new TextRun({
                text: i < parts.length - 1 ? `${part}:` : part,
                size,
                bold: opts.bold,
                italics: opts.italics,
                break: i > 0 ? 1 : undefined,
              }),
          ),
        }),
      ],
      shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((c) =>
      cell(c.header, { numeric: false, bold: true, header: true, wide: isWide(table) }),
    ),
  });
  const marked = new Set(table.marked ?? []);
  const body = table.rows.map(
    (row, r) =>
      new TableRow({
        children: table.columns.map((c, i) =>
          cell(cellText(row[i] ?? null, c.kind, doc.lang), {
            numeric: isNumeric(c.kind),
            italics: marked.has(r),
          }),
        ),
      }),
  );
  const total = table.total
    ? [
        new TableRow({
          children: table.columns.map((c, i) =>
            cell(table.total?.[i] === null ? '' : cellText(table.total?.[i] ?? null, c.kind, doc.lang), {
              numeric: isNumeric(c.kind),
              bold: true,
            }),
          ),
        }),
      ]
    : [];
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  return new Table({
    rows: [header, ...body, ...total],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
  });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.narrative.title, heading: HeadingLevel.HEADING_1 }),
    ...doc.narrative.paragraphs.flatMap(blockParagraphs),
  ];
  const wideChildren: (Paragraph | Table)[] = [];
  if (doc.tables.length > 0) {
    children.push(new Paragraph({ text: doc.tablesHeading, heading: HeadingLevel.HEADING_2 }));
    for (const table of doc.tables) {
      const target = isWide(table) ? wideChildren : children;
      target.push(new Paragraph({ text: table.title, heading: HeadingLevel.HEADING_3, keepNext: true }));
      target.push(tableOf(table, doc));
    }
  }
  (wideChildren.length > 0 ? wideChildren : children).push(
    new Paragraph({
      children: [new TextRun({ text: doc.footnote, italics: true, size: TABLE_SIZE })],
      spacing: { before: 360 },
    }),
  );
  const footer = () => ({
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
        }),
      ],
    }),
  });
  const sections: ISectionOptions[] = [
    { properties: { page: { size: A4, margin: MARGIN } }, footers: footer(), children },
  ];
  if (wideChildren.length > 0) {
    sections.push({
      properties: {
        page: {
          // The library swaps width and height itself for a landscape page.
          size: { ...A4, orientation: PageOrientation.LANDSCAPE },
          margin: LANDSCAPE_MARGIN,
        },
      },
      footers: footer(),
      children: wideChildren,
    });
  }

  const heading = (id: string, name: string, size: number, center: boolean) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: {
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 240, after: 120 },
      keepNext: true,
    },
  });

  const document = new Document({
    creator: 'Mektepke Jol',
    title: doc.narrative.title,
    styles: {
      default: { document: { run: { font: FONT, size: BODY_SIZE } } },
      paragraphStyles: [
        heading('Heading1', 'Heading 1', BODY_SIZE, true),
        heading('Heading2', 'Heading 2', BODY_SIZE, false),
        heading('Heading3', 'Heading 3', 24, false),
        {
          id: 'ReportBody',
          name: 'Report body',
          basedOn: 'Normal',
          next: 'ReportBody',
          quickFormat: true,
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 709 },
            spacing: { before: 120, after: 60 },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '–',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 709, hanging: 283 } } },
            },
          ],
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
