import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../lang.ts';
import { buildReport } from './build-report.ts';
import { exampleSchoolInput } from './example-school-input.ts';
import { reportNarrative, toMarkdown, type NarrativeDocument } from './narrative.ts';
import { schoolInputArb } from './report-arbitraries.ts';
import { emptyReportInput, type ReportAid, type ReportInput, type ReportRaid } from './report-input.ts';
import { REPORT_MESSAGES } from './report-messages.ts';

// The figures of the hand-written example report, in reading order (title, dates, motto year, plan, hotline
// phone and calls, list, raids, ФВ with months, sponsors line by line, total).
const EXAMPLE_NUMBERS = [
  '12',
  '2023',
  '1',
  '30',
  '2023',
  '9',
  '9',
  '8',
  '7212',
  '00',
  '00',
  '00',
  '14',
  '41',
  '2',
  '4',
  '4',
  '21',
  '842300',
  '2023',
  '15',
  '610500',
  '2023',
  '6',
  '231800',
  '24',
  '515000',
  '11',
  '260000',
  '1',
  '35000',
  '4',
  '80000',
  '1998',
  '6',
  '90000',
  '2',
  '50000',
  '45',
  '1357300',
];

/** Numbers as a reader sees them: digit groups joined by the language's thousands separator count as one. */
function numbersIn(text: string, lang: Lang): string[] {
  const pattern = lang === 'en' ? /\d+(?:,\d{3})*/g : /\d+(?:\u00A0\d{3})*/g;
  return (text.match(pattern) ?? []).map((n) => n.replace(/[,\u00A0]/g, ''));
}

const textOf = (doc: NarrativeDocument) =>
  [doc.title, ...doc.paragraphs.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]))].join('\n');

const campaign = { year: 2024, from: '2024-08-01', to: '2024-09-30', motto: null, closed: false };
const org = { code: 'S1', name: 'КГУ «Школа № 1»', type: 'school', hotline: null } as const;
const blank = (): ReportInput => emptyReportInput(org, campaign);

function fvAid(count: number, sponsorId?: string): ReportAid[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    childId: `c${i}`,
    date: '2024-08-20',
    source: sponsorId ? { kind: 'sponsor', sponsorId } : { kind: 'fv' },
    form: 'money',
    amount: 43_407,
    items: [],
    reversedBy: null,
  }));
}

describe('reportNarrative on the example school', () => {
  const report = buildReport(exampleSchoolInput());

  it.each(LANGS)('%s carries the numbers of the example report, in order', (lang) => {
    const doc = reportNarrative(report, lang, { breakdowns: false });
    expect(numbersIn(toMarkdown(doc), lang)).toEqual(EXAMPLE_NUMBERS);
  });

  it.each(LANGS)('%s with breakdowns adds the tables after the same numbers', (lang) => {
    const numbers = numbersIn(toMarkdown(reportNarrative(report, lang)), lang);
    expect(numbers.slice(0, EXAMPLE_NUMBERS.length)).toEqual(EXAMPLE_NUMBERS);
    expect(numbers.slice(EXAMPLE_NUMBERS.length)).toEqual([
      ...['10', '407000', '11', '435300', '15', '302600', '20', '647700'],
      ...['23', '892300', '21', '430000', '1', '35000'],
      ...['15', '11', '6'],
    ]);
  });

  it('reads like the Russian example', () => {
    const text = textOf(reportNarrative(report, 'ru')).replace(/\u00A0/g, ' ');
    for (const sentence of [
      'Итоги республиканской акции «Дорога в школу» — КГУ «Школа-гимназия № 12», г. Караганда, 2023',
      'Ежегодно с 1 августа по 30 сентября проводится республиканская благотворительная акция «Дорога в школу».',
      'Девиз акции 2023 года: «Дорога в школу — вместе к знаниям».',
      'разработан и утверждён план проведения акции (9 мероприятий, выполнено 9);',
      'оформлен информационный стенд;',
      'разработаны буклеты на казахском и русском языках;',
      'работает телефон доверия 8 (7212) 00-00-00 (поступило 14 обращений, все рассмотрены);',
      'составлены списки детей, нуждающихся в помощи (41 ученик).',
      'Совместно с ювенальной полицией и общественным объединением «Жас Өркен» проведено 2 рейда (компьютерные клубы, рынок «Центральный»).',
      'Выявлено 4 несовершеннолетних, все 4 приступили к занятиям.',
      'Из фонда всеобуча материальная помощь оказана 21 учащемуся на общую сумму 842 300 тенге (август 2023 — 15 учащимся на сумму 610 500 тенге, сентябрь 2023 — 6 учащимся на сумму 231 800 тенге).',
      'Спонсорами и меценатами помощь оказана 24 учащимся на общую сумму 515 000 тенге:',
      'ТОО «Сарыарқа Құрылыс», руководитель Ахметов Е. С. — 11 учащимся на сумму 260 000 тенге;',
      'ИП Жумабаева А. К. — 1 ученику на сумму 35 000 тенге;',
      'Профсоюзный комитет ТОО «Энергосбыт» — 2 учащимся на сумму 50 000 тенге.',
      'Всего помощь получили 45 учащихся на общую сумму 1 357 300 тенге.',
      'обувь — 6 шт.',
    ]) {
      expect(text).toContain(sentence);
    }
    expect(text).not.toContain('шт..');
  });

  it('uses the glossary sentences in Kazakh and English', () => {
    const kk = textOf(reportNarrative(report, 'kk')).replace(/\u00A0/g, ' ');
    expect(kk).toContain(
      'Жалпыға бірдей міндетті оқыту қорынан 21 оқушыға жалпы сомасы 842 300 теңге материалдық көмек көрсетілді',
    );
    expect(kk).toContain('Барлығы 45 оқушы жалпы сомасы 1 357 300 теңге көмек алды.');
    const en = textOf(reportNarrative(report, 'en'));
    expect(en).toContain(
      'Material aid from the fund of universal education went to 21 students, 842,300 tenge in total',
    );
    expect(en).toContain('In total, 45 students received aid, 1,357,300 tenge.');
  });

  it('groups thousands with no-break spaces in ru and kk', () => {
    for (const lang of ['ru', 'kk'] as const) {
      expect(textOf(reportNarrative(report, lang))).toContain('1\u00A0357\u00A0300');
    }
  });

  it('masks anonymous sponsors only when asked', () => {
    const open = textOf(reportNarrative(report, 'ru'));
    const masked = textOf(reportNarrative(report, 'ru', { maskAnonymous: true }));
    expect(open).toContain('Профсоюзный комитет ТОО «Энергосбыт»');
    expect(masked).not.toContain('Энергосбыт');
    expect(masked).toContain('Спонсор, пожелавший остаться неизвестным — 2 учащимся');
  });
});

describe('Russian grammar of counts', () => {
  const fvSentence = (n: number) =>
    textOf(reportNarrative(buildReport({ ...blank(), aid: fvAid(n) }), 'ru'))
      .replace(/\u00A0/g, ' ')
      .split('\n')
      .filter((l) => l.startsWith('Из фонда') || l.startsWith('Всего'));

  it.each([
    [1, '1 ученику', 'получил 1 учащийся'],
    [2, '2 учащимся', 'получили 2 учащихся'],
    [3, '3 учащимся', 'получили 3 учащихся'],
    [5, '5 учащимся', 'получили 5 учащихся'],
    [11, '11 учащимся', 'получили 11 учащихся'],
    [18, '18 учащимся', 'получили 18 учащихся'],
    [21, '21 учащемуся', 'получил 21 учащийся'],
    [22, '22 учащимся', 'получили 22 учащихся'],
    [111, '111 учащимся', 'получили 111 учащихся'],
  ])('%d students: «%s», «%s»', (n, dative, nominative) => {
    const [fv, total] = fvSentence(n);
    expect(fv).toContain(`оказана ${dative} на общую сумму`);
    expect(total).toContain(`Всего помощь ${nominative} на общую сумму`);
  });

  it.each([
    [1, 'проведён 1 рейд'],
    [3, 'проведено 3 рейда'],
    [5, 'проведено 5 рейдов'],
    [21, 'проведён 21 рейд'],
  ])('%d raids: «%s»', (n, phrase) => {
    const raids: ReportRaid[] = Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      date: '2024-08-10',
      places: [],
      participants: [],
      found: [],
    }));
    const text = textOf(reportNarrative(buildReport({ ...blank(), raids }), 'ru'));
    expect(text).toContain(`${phrase[0]!.toUpperCase()}${phrase.slice(1)}.`);
  });

  it.each([
    [1, 1, 'Выявлен 1 несовершеннолетний, он приступил к занятиям.'],
    [3, 3, 'Выявлено 3 несовершеннолетних, все 3 приступили к занятиям.'],
    [5, 1, 'Выявлено 5 несовершеннолетних, из них к занятиям приступил 1.'],
    [5, 2, 'Выявлено 5 несовершеннолетних, из них к занятиям приступили 2.'],
    [2, 0, 'Выявлено 2 несовершеннолетних, к занятиям пока никто не приступил.'],
    [0, 0, 'Детей, не посещающих школу, не выявлено.'],
  ])('%d found, %d returned', (found, returned, sentence) => {
    const raid: ReportRaid = {
      id: 'r1',
      date: '2024-08-10',
      places: [{ kind: 'station', name: 'вокзал' }],
      participants: [{ kind: 'teachers', count: 2, orgs: [] }],
      found: Array.from({ length: found }, (_, i) => ({ childId: null, returnedToSchool: i < returned })),
    };
    const text = textOf(reportNarrative(buildReport({ ...blank(), raids: [raid] }), 'ru'));
    expect(text).toContain(`Проведён 1 рейд (вокзал). ${sentence}`);
  });

  it.each([
    [0, 0, '(обращений не поступало)'],
    [1, 1, '(поступило 1 обращение, оно рассмотрено)'],
    [3, 2, '(поступило 3 обращения, рассмотрено 2)'],
    [21, 21, '(поступило 21 обращение, все рассмотрены)'],
  ])('hotline %d calls, %d closed', (calls, closed, phrase) => {
    const hotline = Array.from({ length: calls }, (_, i) => ({
      id: `h${i}`,
      status: i < closed ? ('closed' as const) : ('open' as const),
    }));
    const input = { ...blank(), org: { ...org, hotline: '8 (7172) 11-22-33' }, hotline };
    expect(textOf(reportNarrative(buildReport(input), 'ru'))).toContain(
      `работает телефон доверия 8 (7172) 11-22-33 ${phrase}`,
    );
  });
});

describe('sentences that do not apply are left out', () => {
  it.each(LANGS)('an empty campaign says there is nothing yet (%s)', (lang) => {
    const doc = reportNarrative(buildReport(blank()), lang);
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.paragraphs[1]).toEqual({
      kind: 'paragraph',
      text: REPORT_MESSAGES[lang].narrative.nothingYet,
    });
    expect(textOf(doc)).not.toMatch(/[{}#]|undefined|NaN/);
  });

  it('no motto, no raids, no sponsors, no ФВ: only what happened', () => {
    const text = textOf(reportNarrative(buildReport({ ...blank(), stand: true }), 'ru'));
    expect(text).toContain('оформлен информационный стенд.');
    expect(text).toContain('Помощь учащимся пока не оказана.');
    expect(text).not.toMatch(/Девиз|рейд|Спонсорами|фонда всеобуча|Всего помощь/);
  });

  it('sponsors only', () => {
    const input: ReportInput = {
      ...blank(),
      sponsors: [{ id: 'sp', name: 'ИП Омаров', type: 'entrepreneur', head: null, anonymous: false }],
      aid: fvAid(3, 'sp'),
    };
    const text = textOf(reportNarrative(buildReport(input), 'ru')).replace(/\u00A0/g, ' ');
    expect(text).not.toContain('фонда всеобуча');
    expect(text).toContain('ИП Омаров — 3 учащимся на сумму 130 221 тенге.');
    expect(text).toContain('Всего помощь получили 3 учащихся на общую сумму 130 221 тенге.');
  });
});

describe('roll-up narrative', () => {
  const district = {
    code: 'D',
    name: 'Отдел образования г. Балхаш',
    type: 'district',
    hotline: null,
  } as const;
  const school = (code: string, n: number, stand: boolean): ReportInput => ({
    ...emptyReportInput({ code, name: `Школа ${code}`, type: 'school', hotline: null }, campaign),
    aid: fvAid(n).map((a) => ({ ...a, id: `${code}-${a.id}`, childId: `${code}-${a.childId}` })),
    stand,
  });
  const report = buildReport(
    emptyReportInput(district, campaign, [school('1', 2, true), school('2', 0, false)]),
  );

  it.each([
    [
      'ru',
      [
        'В школах:',
        'информационные стенды оформлены в 1 из 2 школ.',
        'Итоги по организациям образования',
        'Школа 1 — 2 учащимся на сумму 86 814 тенге;',
        'Школа 2 — помощь не оказана.',
      ],
    ],
    ['kk', ['Мектептерде:', 'Білім беру ұйымдары бойынша қорытынды', 'Школа 1 — 2 оқушыға 86 814 теңге;']],
    [
      'en',
      [
        'At the schools:',
        'information stands were set up in 1 of 2 schools.',
        'Results by school',
        'Школа 2: no aid given.',
      ],
    ],
  ] as const)('%s', (lang, parts) => {
    const text = textOf(reportNarrative(report, lang)).replace(/\u00A0/g, ' ');
    for (const part of parts) expect(text).toContain(part);
  });
});

describe('any report renders in every language', () => {
  it('without leftovers of ICU syntax, and with its totals', () => {
    fc.assert(
      fc.property(schoolInputArb('s'), fc.boolean(), (input, hasPhone) => {
        const report = buildReport({
          ...input,
          org: { ...input.org, hotline: hasPhone ? '8 (7212) 00-00-00' : null },
        });
        for (const lang of LANGS) {
          const md = toMarkdown(reportNarrative(report, lang));
          expect(md).not.toMatch(/[{}]|undefined|NaN|\[object/);
          if (report.total.students > 0) {
            const numbers = numbersIn(md, lang);
            expect(numbers).toContain(String(report.total.amount));
            expect(numbers).toContain(String(report.total.students));
          }
        }
      }),
    );
  });
});

describe('report messages', () => {
  const patterns = (lang: Lang): string[] => {
    const collect = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(collect);
    return collect(REPORT_MESSAGES[lang]);
  };

  it.each(LANGS)('%s never lets ICU format a number ("#")', (lang) => {
    for (const pattern of patterns(lang)) expect(pattern).not.toContain('#');
  });
});

describe('toMarkdown', () => {
  it('renders title, headings, paragraphs and lists, escaping Markdown syntax', () => {
    const doc: NarrativeDocument = {
      title: 'Итоги',
      paragraphs: [
        { kind: 'paragraph', text: 'Текст *важно* [ссылка]' },
        { kind: 'heading', text: 'Раздел' },
        { kind: 'list', items: ['один;', 'два_три.'] },
      ],
    };
    expect(toMarkdown(doc)).toBe(
      '# Итоги\n\nТекст \\*важно\\* \\[ссылка\\]\n\n## Раздел\n\n- один;\n- два\\_три.\n',
    );
  });
});
