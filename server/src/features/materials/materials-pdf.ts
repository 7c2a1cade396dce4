import type { Content, ContentStack } from 'pdfmake/interfaces';
import { linesOf, type MaterialContent } from './material-content.ts';
import { renderPdf } from './operations-pdf.ts';

// Colours of the campaign's print: the sky blue and the gold of the national flag, darkened for print contrast.
const BLUE = '#0b6f96';
const GOLD = '#f2b705';
const PALE = '#fff6d6';
const INK = '#1d2b36';

const A4 = { w: 595.28, h: 841.89 };

const heading = (text: string, size = 13): Content => ({
  text,
  bold: true,
  fontSize: size,
  color: BLUE,
  margin: [0, 10, 0, 4],
});

const bullets = (items: string[], size: number): Content => ({
  ul: items,
  fontSize: size,
  markerColor: BLUE,
  margin: [0, 0, 0, 2],
});

const numbered = (items: string[], size: number): Content => ({
  ol: items,
  fontSize: size,
  margin: [0, 0, 0, 2],
});

const mottoBox = (c: MaterialContent, size: number): Content =>
  c.texts.motto
    ? {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: c.mottoLabel, fontSize: size * 0.55, color: '#6b5a1e' },
                  {
                    text: `«${c.texts.motto.replace(/^[«"]|[»"]$/g, '')}»`,
                    fontSize: size,
                    bold: true,
                    italics: true,
                  },
                ],
                fillColor: PALE,
                alignment: 'center',
                margin: [8, 6, 8, 8],
              },
            ],
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? 4 : 0),
          vLineColor: () => GOLD,
        },
        margin: [0, 8, 0, 6],
      }
    : { text: '' };

/** The A4 poster of the information stand. */
export function renderPoster(c: MaterialContent): Promise<Buffer> {
  const topBand = 150;
  const bottomBand = 150;
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, topBand + 6, 40, bottomBand + 10],
    info: { title: `${c.brand} ${c.year}` },
    defaultStyle: { font: 'DejaVu', fontSize: 11, color: INK, lineHeight: 1.15 },
    background: () => ({
      canvas: [
        { type: 'rect', x: 0, y: 0, w: A4.w, h: topBand, color: BLUE },
        { type: 'rect', x: 0, y: topBand - 6, w: A4.w, h: 6, color: GOLD },
        { type: 'rect', x: 0, y: A4.h - bottomBand, w: A4.w, h: bottomBand, color: BLUE },
        { type: 'rect', x: 0, y: A4.h - bottomBand, w: A4.w, h: 6, color: GOLD },
      ],
    }),
    header: () => ({
      margin: [40, 26, 40, 0],
      stack: [
        { text: c.kind.toUpperCase(), color: '#ffffff', fontSize: 11, characterSpacing: 1 },
        { text: c.brand, color: '#ffffff', fontSize: 36, bold: true, margin: [0, 4, 0, 4] },
        { text: c.dates, color: GOLD, fontSize: 15, bold: true },
        { text: c.schoolName, color: '#dcefff', fontSize: 10, margin: [0, 6, 0, 0] },
      ],
    }),
    footer: () => ({
      margin: [40, 22, 40, 0],
      columns: [
        {
          width: '52%',
          stack: [
            { text: c.headings.hotline.toUpperCase(), color: '#ffffff', fontSize: 11, bold: true },
            { text: c.texts.hotline, color: GOLD, fontSize: 24, bold: true, margin: [0, 2, 0, 4] },
            { text: c.texts.hotlineNote, color: '#ffffff', fontSize: 9 },
          ],
        },
        {
          width: '*',
          stack: [
            {
              text: c.headings.contacts.toUpperCase(),
              color: '#ffffff',
              fontSize: 11,
              bold: true,
              margin: [0, 0, 0, 4],
            },
            { text: linesOf(c.texts.contacts).join('\n'), color: '#ffffff', fontSize: 9 },
          ],
        },
      ],
      columnGap: 18,
    }),
    content: [
      { text: c.texts.title, bold: true, fontSize: 15, alignment: 'center', margin: [0, 4, 0, 0] },
      mottoBox(c, 17),
      { text: c.texts.purpose, fontSize: 12 },
      {
        columns: [
          { width: '*', stack: [heading(c.headings.who, 14), bullets(c.categories, 11)] },
          { width: '*', stack: [heading(c.headings.how, 14), numbered(linesOf(c.texts.howSteps), 11)] },
        ],
        columnGap: 22,
      },
      heading(c.headings.docs, 14),
      bullets(linesOf(c.texts.docs), 11),
      {
        text: c.texts.closing,
        bold: true,
        fontSize: 14,
        color: BLUE,
        alignment: 'center',
        margin: [0, 12, 0, 0],
      },
    ],
  });
}

/**
 * The two-sided booklet: A4 landscape folded in three. Outside (page 1): the inner flap, the back with the hotline
 * and contacts, the cover. Inside (page 2): about the campaign, who gets help, how to apply.
 */
export function renderBooklet(c: MaterialContent): Promise<Buffer> {
  const W = A4.h;
  const H = A4.w;
  const margin = 24;
  const gap = 48;
  const col = (W - 2 * margin - 2 * gap) / 3;
  const coverX = margin + 2 * (col + gap) - gap / 2;
  const panel = (stack: Content[]): ContentStack => ({ stack, width: col }) as ContentStack;
  const size = 10.5;
  const foldMarks = [1, 2].map((i) => {
    const x = margin + i * col + (i - 0.5) * gap;
    return { type: 'line' as const, x1: x, y1: 0, x2: x, y2: 10, lineWidth: 0.5, lineColor: '#999999' };
  });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [margin, margin, margin, margin],
    info: { title: `${c.brand} ${c.year}` },
    defaultStyle: { font: 'DejaVu', fontSize: size, color: INK, lineHeight: 1.15 },
    background: (page: number) => ({
      canvas:
        page === 1
          ? [
              { type: 'rect', x: coverX, y: 0, w: W - coverX, h: H, color: BLUE },
              { type: 'rect', x: coverX, y: H - 70, w: W - coverX, h: 6, color: GOLD },
              ...foldMarks,
            ]
          : [{ type: 'rect', x: 0, y: 0, w: W, h: 8, color: GOLD }, ...foldMarks],
    }),
    content: [
      {
        columns: [
          panel([
            heading(c.headings.help, 13),
            bullets(linesOf(c.texts.helpList), size),
            heading(c.headings.docs, 13),
            bullets(linesOf(c.texts.docs), size),
          ]),
          panel([
            heading(c.headings.hotline, 13),
            { text: c.texts.hotline, bold: true, fontSize: 20, color: BLUE, margin: [0, 0, 0, 4] },
            { text: c.texts.hotlineNote, fontSize: size },
            heading(c.headings.contacts, 13),
            { text: linesOf(c.texts.contacts).join('\n'), fontSize: size },
            { text: c.texts.closing, bold: true, color: BLUE, fontSize: 11, margin: [0, 16, 0, 0] },
          ]),
          panel([
            {
              text: c.kind.toUpperCase(),
              color: '#ffffff',
              fontSize: 9,
              characterSpacing: 1,
              margin: [6, 40, 0, 0],
            },
            { text: c.brand, color: '#ffffff', fontSize: 26, bold: true, margin: [6, 6, 0, 6] },
            { text: c.dates, color: GOLD, fontSize: 13, bold: true, margin: [6, 0, 0, 24] },
            c.texts.motto
              ? {
                  stack: [
                    { text: c.mottoLabel, color: '#dcefff', fontSize: 8 },
                    {
                      text: `«${c.texts.motto.replace(/^[«"]|[»"]$/g, '')}»`,
                      color: '#ffffff',
                      fontSize: 15,
                      bold: true,
                      italics: true,
                    },
                  ],
                  margin: [6, 0, 0, 0],
                }
              : { text: '' },
            { text: c.schoolName, color: '#ffffff', fontSize: 9, margin: [6, 150, 0, 0] },
          ]),
        ],
        columnGap: gap,
      },
      {
        pageBreak: 'before',
        columns: [
          panel([
            heading(c.headings.about, 14),
            { text: c.texts.title, bold: true, margin: [0, 0, 0, 6] },
            { text: c.texts.purpose },
            mottoBox(c, 12),
            { text: c.dates, bold: true, color: BLUE },
          ]),
          panel([
            heading(c.headings.who, 14),
            bullets(c.categories, size),
            {
              table: {
                widths: ['*'],
                body: [
                  [
                    {
                      stack: [
                        { text: c.headings.hotline, bold: true, color: '#ffffff' },
                        { text: c.texts.hotline, bold: true, fontSize: 17, color: GOLD },
                      ],
                      fillColor: BLUE,
                      margin: [8, 6, 8, 8],
                    },
                  ],
                ],
              },
              layout: 'noBorders',
              margin: [0, 18, 0, 0],
            },
          ]),
          panel([
            heading(c.headings.how, 14),
            numbered(linesOf(c.texts.howSteps), size),
            { text: c.texts.closing, bold: true, color: BLUE, fontSize: 11, margin: [0, 14, 0, 0] },
          ]),
        ],
        columnGap: gap,
      },
    ],
  });
}
