import { buildReport } from '#domain/report/build-report';
import { exampleSchoolInput } from '#domain/report/example-school-input';
import { reportNarrative } from '#domain/report/narrative';
import { LANGS } from '#domain/lang';
import { linkNarrative, type Segment } from './narrative-links.ts';

const report = buildReport(exampleSchoolInput());
const texts = (lang: (typeof LANGS)[number]) =>
  reportNarrative(report, lang, { breakdowns: false }).paragraphs.map((b) =>
    b.kind === 'list' ? b.items : [b.text],
  );
const linked = (segments: Segment[][][]) =>
  segments.flat(2).flatMap((s) => (typeof s === 'string' ? [] : [`${s.text}:${JSON.stringify(s.target)}`]));

describe('numbers of the report text', () => {
  it('links each figure of the ru text to its records, leaving years and the phone alone', () => {
    const links = linked(linkNarrative(texts('ru'), report, 'ru'));
    expect(links).toContain('21:{"metric":"fv.students"}');
    expect(links).toContain('842\u00A0300:{"metric":"fv.amount"}');
    expect(links).toContain('15:{"metric":"fv.students","month":"2023-08"}');
    expect(links).toContain('231\u00A0800:{"metric":"fv.amount","month":"2023-09"}');
    expect(links).toContain('260\u00A0000:{"metric":"sponsors.amount","sponsor":"sp-1"}');
    expect(links).toContain('14:{"metric":"hotline.calls"}');
    expect(links).toContain('41:{"metric":"children.listed"}');
    expect(links).toContain('1\u00A0357\u00A0300:{"metric":"total.amount"}');
    expect(links.some((l) => l.startsWith('2023:') || l.startsWith('7212:') || l.startsWith('1998:'))).toBe(
      false,
    );
  });

  it.each(LANGS)('keeps the text intact and links the main figures in %s', (lang) => {
    const segments = linkNarrative(texts(lang), report, lang);
    const joined = segments.map((block) =>
      block.map((unit) => unit.map((s) => (typeof s === 'string' ? s : s.text)).join('')),
    );
    expect(joined).toEqual(texts(lang));
    const metrics = linked(segments).map((l) => l.split(':{')[1]);
    for (const metric of [
      'fv.students',
      'fv.amount',
      'sponsors.amount',
      'total.students',
      'total.amount',
      'raids.count',
    ]) {
      expect(metrics.some((m) => m?.includes(`"${metric}"`))).toBe(true);
    }
  });
});

describe('numbers that are not figures', () => {
  it('never links the day of a date or the number in a name, even when a figure has that value', async () => {
    const { linkNarrative } = await import('./narrative-links.ts');
    const { buildReport } = await import('#domain/report/build-report');
    const { exampleSchoolInput } = await import('#domain/report/example-school-input');
    const report = buildReport(exampleSchoolInput());
    const text = [
      ['Жыл сайын 1 тамыз – 30 қыркүйек аралығында «№ 12 мектеп» акция өтеді, 1 өтініш қаралды.'],
    ];
    const linked = linkNarrative(
      text,
      { ...report, hotline: { ...report.hotline, calls: 1, closed: 1 } },
      'kk',
    );
    const numbers = linked[0]![0]!
      .filter((s) => typeof s !== 'string')
      .map((s) => (s as { text: string }).text);
    expect(numbers).toEqual(['1']);
    const plain = linked[0]![0]!.filter((s) => typeof s === 'string').join('');
    expect(plain).toContain('Жыл сайын 1 тамыз');
    expect(plain).toContain('№ 12');
  });
});
