import { buildReport } from '#domain/report/build-report';
import { exampleSchoolInput } from '#domain/report/example-school-input';
import type { ReportInput } from '#domain/report/report-input';
import { REPORT_MESSAGES } from '#domain/report/report-messages';
import { LANGS } from '#domain/lang';
import {
  containsAll,
  docxText,
  EXAMPLE_FIGURES,
  EXAMPLE_RU_NUMBERS,
  numbersIn,
  PDFTOTEXT,
  pdfText,
  readWorkbook,
} from '../test/report-text.ts';
import { renderReportFile } from './render-report.ts';
import { reportDocument } from './report-document.ts';

const school = buildReport(exampleSchoolInput());
const doc = (lang: (typeof LANGS)[number], report = school) =>
  reportDocument(report, lang, { today: '2023-10-02' });
/** The narrative ends where the tables begin. */
const narrativePart = (text: string, lang: (typeof LANGS)[number]) =>
  text.split(doc(lang).tablesHeading)[0] ?? '';

function district(): ReportInput {
  const a = exampleSchoolInput();
  const b: ReportInput = {
    ...exampleSchoolInput(),
    org: { code: 'S2', name: 'КГУ «Школа № 5»', type: 'school', hotline: null },
    campaign: { ...a.campaign, closed: false },
    children: a.children.map((c) => ({ ...c, id: `b-${c.id}` })),
    aid: a.aid.slice(0, 5).map((row) => ({ ...row, id: `b-${row.id}`, childId: `b-${row.childId}` })),
    raids: [],
    hotline: [],
    plan: [],
  };
  return {
    ...a,
    org: { code: 'D1', name: 'Отдел образования', type: 'district', hotline: null },
    children: [],
    sponsors: [],
    aid: [],
    raids: [],
    hotline: [],
    plan: [],
    units: [a, b],
  };
}

describe('report files', () => {
  it('states the figures of the example report in the same order in ru Markdown, DOCX and PDF', async () => {
    const md = (await renderReportFile(doc('ru'), 'md')).toString('utf8');
    expect(numbersIn(narrativePart(md, 'ru'), 'ru')).toEqual(EXAMPLE_RU_NUMBERS);
    const docx = await docxText(await renderReportFile(doc('ru'), 'docx'));
    expect(numbersIn(narrativePart(docx, 'ru'), 'ru')).toEqual(EXAMPLE_RU_NUMBERS);
    if (PDFTOTEXT) {
      const pdf = pdfText(await renderReportFile(doc('ru'), 'pdf'));
      expect(numbersIn(narrativePart(pdf, 'ru'), 'ru')).toEqual(EXAMPLE_RU_NUMBERS);
    }
  });

  it.each(['kk', 'en'] as const)('carries the same figures in %s', async (lang) => {
    const docx = await docxText(await renderReportFile(doc(lang), 'docx'));
    expect(containsAll(numbersIn(narrativePart(docx, lang), lang), EXAMPLE_FIGURES)).toBe(true);
    if (PDFTOTEXT) {
      const pdf = pdfText(await renderReportFile(doc(lang), 'pdf'));
      expect(containsAll(numbersIn(narrativePart(pdf, lang), lang), EXAMPLE_FIGURES)).toBe(true);
    }
  });

  it('writes a Word document with real lists, tables, A4 pages and Times New Roman', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await renderReportFile(doc('ru'), 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:numPr>');
    expect(xml.match(/<w:tbl>/g)?.length).toBe(doc('ru').tables.length);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Times New Roman');
    const text = await docxText(await renderReportFile(doc('ru'), 'docx'));
    expect(text).toContain('ТОО «Сарыарқа Құрылыс»');
  });

  it('puts every table on its own sheet with amounts as numbers', async () => {
    const book = await readWorkbook(await renderReportFile(doc('ru'), 'xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(doc('ru').tables.map((t) => t.sheet));
    const sponsors = book.getWorksheet('Спонсоры')!;
    const firstLine = sponsors.getRow(4);
    expect(firstLine.getCell(1).value).toBe('ТОО «Сарыарқа Құрылыс»');
    expect(firstLine.getCell(5).value).toBe(260_000);
    expect(sponsors.getColumn(5).numFmt).toBe('#,##0');
    expect(sponsors.getRow(9).getCell(5).value).toBe(515_000);
  });

  it('ranks the units of a roll-up, marks the one not closed and adds a units sheet', async () => {
    const report = buildReport(district());
    const tables = doc('ru', report).tables;
    const units = tables.find((t) => t.id === 'units')!;
    expect(units.rows.map((r) => r[1])).toEqual([
      'КГУ «Школа-гимназия № 12», г. Караганда',
      'КГУ «Школа № 5»',
    ]);
    expect(units.marked).toEqual([1]);
    expect(units.total?.[7]).toBe(report.total.students);
    expect(report.total.students).toBe(school.total.students + report.units[1]!.total.students);
    const book = await readWorkbook(await renderReportFile(doc('ru', report), 'xlsx'));
    expect(book.getWorksheet('Организации')?.getRow(5).getCell(9).value).toBe(report.units[1]!.total.amount);
    const md = (await renderReportFile(doc('en', report), 'md')).toString('utf8');
    expect(md).toContain('campaign not closed');
  });

  it('says there is nothing yet for an empty campaign, in every format', async () => {
    const empty = buildReport({
      ...exampleSchoolInput(),
      children: [],
      sponsors: [],
      aid: [],
      raids: [],
      hotline: [],
      plan: [],
      stand: false,
      booklets: { languages: [] },
      org: { code: 'X', name: 'Школа', type: 'school', hotline: null },
    });
    for (const lang of LANGS) {
      const md = (await renderReportFile(doc(lang, empty), 'md')).toString('utf8');
      expect(md).toContain(REPORT_MESSAGES[lang].narrative.nothingYet);
      for (const format of ['docx', 'pdf', 'xlsx'] as const) {
        expect((await renderReportFile(doc(lang, empty), format)).length).toBeGreaterThan(1000);
      }
    }
  });

  it('hides the name of a sponsor who asked to stay anonymous when asked to', () => {
    const masked = reportDocument(school, 'ru', { today: '2023-10-02', maskAnonymous: true });
    const names = masked.tables.find((t) => t.id === 'sponsors')!.rows.map((r) => r[0]);
    expect(names).not.toContain('Профсоюзный комитет ТОО «Энергосбыт»');
    expect(JSON.stringify(masked.narrative)).not.toContain('Энергосбыт');
  });
});
