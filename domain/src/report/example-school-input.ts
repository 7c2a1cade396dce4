// A made-up school whose records reproduce the figures of a typical hand-written report (2023 campaign):
// plan 9/9, 14 hotline calls all closed, 41 children on the list, 2 raids finding 4 children who all went back
// to school, ФВ aid to 21 students (842 300 ₸), five sponsors helping 24 students (515 000 ₸). Used by tests and
// handy for demos. It deliberately includes a child helped twice and a reversed entry, which must not change
// any figure.
import type { ReportAid, ReportChild, ReportInput, ReportSponsor } from './report-input.ts';

const childId = (n: number) => `child-${n}`;

function children(): ReportChild[] {
  const list: ReportChild[] = [];
  for (let n = 1; n <= 45; n += 1) {
    const categories: ReportChild['categories'] =
      n <= 10 ? ['asp'] : n <= 21 ? ['low_income', 'large_family'] : n <= 30 ? ['large_family'] : ['orphan'];
    // 41 are on the approved list; the last four were found in raids and have only been proposed so far.
    const status: ReportChild['status'] = n <= 41 ? (n <= 40 ? 'helped' : 'approved') : 'proposed';
    list.push({ id: childId(n), categories: n > 41 ? [...categories, 'not_attending'] : categories, status });
  }
  // Rejected and archived children are on no list.
  list.push({ id: 'child-rejected', categories: ['other'], status: 'rejected' });
  list.push({ id: 'child-archived', categories: ['asp'], status: 'archived' });
  return list;
}

const sponsors: ReportSponsor[] = [
  { id: 'sp-1', name: 'ТОО «Сарыарқа Құрылыс»', type: 'company', head: 'Ахметов Е. С.', anonymous: false },
  { id: 'sp-2', name: 'ИП Жумабаева А. К.', type: 'entrepreneur', head: null, anonymous: false },
  {
    id: 'sp-3',
    name: 'Родительская общественность (средства ярмарки)',
    type: 'parents',
    head: null,
    anonymous: false,
  },
  { id: 'sp-4', name: 'Выпускники школы 1998 года', type: 'alumni', head: null, anonymous: false },
  { id: 'sp-5', name: 'Профсоюзный комитет ТОО «Энергосбыт»', type: 'ngo', head: null, anonymous: true },
  // Registered but has not helped yet: must not appear among the sponsors who helped.
  { id: 'sp-6', name: 'ТОО «Ещё не помог»', type: 'company', head: null, anonymous: false },
];

function aid(): ReportAid[] {
  const rows: ReportAid[] = [];
  let seq = 0;
  const add = (
    n: number,
    date: string,
    amount: number,
    source: ReportAid['source'],
    form: ReportAid['form'] = 'money',
    items: ReportAid['items'] = [],
  ) => {
    seq += 1;
    rows.push({ id: `aid-${seq}`, childId: childId(n), date, source, form, amount, items, reversedBy: null });
  };
  const fv = { kind: 'fv' } as const;
  // August: 15 students, 610 500 ₸ (40 700 each); child 1 was paid in two parts.
  add(1, '2023-08-10', 20_000, fv);
  add(1, '2023-08-20', 20_700, fv);
  for (let n = 2; n <= 15; n += 1) add(n, '2023-08-15', 40_700, fv);
  // September: 6 students, 231 800 ₸.
  for (let n = 16; n <= 20; n += 1) add(n, '2023-09-05', 38_600, fv);
  add(21, '2023-09-12', 38_800, fv);
  const sponsor = (id: string) => ({ kind: 'sponsor', sponsorId: id }) as const;
  const supplies = [{ item: 'supplies', quantity: 1 }];
  // ТОО: 11 students, 260 000 ₸ in uniforms and supplies.
  for (let n = 22; n <= 31; n += 1) {
    add(n, '2023-08-25', 23_600, sponsor('sp-1'), 'goods', [{ item: 'uniform', quantity: 1 }, ...supplies]);
  }
  add(32, '2023-08-25', 24_000, sponsor('sp-1'), 'goods', [{ item: 'uniform', quantity: 1 }, ...supplies]);
  add(33, '2023-08-28', 35_000, sponsor('sp-2'), 'certificate');
  for (let n = 34; n <= 37; n += 1) add(n, '2023-08-30', 20_000, sponsor('sp-3'), 'goods', supplies);
  for (let n = 38; n <= 43; n += 1)
    add(n, '2023-09-01', 15_000, sponsor('sp-4'), 'goods', [{ item: 'shoes', quantity: 1 }]);
  for (let n = 44; n <= 45; n += 1) add(n, '2023-09-10', 25_000, sponsor('sp-5'));
  // A mistaken entry and its reversal: both must be left out.
  rows.push({
    id: 'aid-wrong',
    childId: childId(5),
    date: '2023-08-16',
    source: fv,
    form: 'money',
    amount: 99_999,
    items: [],
    reversedBy: 'aid-wrong-reversal',
  });
  rows.push({
    id: 'aid-wrong-reversal',
    childId: childId(5),
    date: '2023-08-17',
    source: fv,
    form: 'money',
    amount: -99_999,
    items: [],
    reversedBy: null,
    reverses: 'aid-wrong',
  });
  return rows;
}

export function exampleSchoolInput(): ReportInput {
  return {
    org: {
      code: 'KRG-12',
      name: 'КГУ «Школа-гимназия № 12», г. Караганда',
      type: 'school',
      hotline: '8 (7212) 00-00-00',
    },
    campaign: {
      year: 2023,
      from: '2023-08-01',
      to: '2023-09-30',
      motto: 'Дорога в школу — вместе к знаниям',
      closed: true,
    },
    children: children(),
    sponsors,
    aid: aid(),
    raids: [
      {
        id: 'raid-1',
        date: '2023-08-18',
        places: [
          { kind: 'computer_club', name: 'компьютерный клуб «Бастион»' },
          { kind: 'computer_club', name: 'компьютерный клуб «Level Up»' },
        ],
        participants: [
          { kind: 'teachers', count: 3, orgs: [] },
          { kind: 'police', count: 1, orgs: [] },
        ],
        found: [
          { childId: childId(42), returnedToSchool: true },
          { childId: childId(43), returnedToSchool: true },
          { childId: null, returnedToSchool: true },
        ],
      },
      {
        id: 'raid-2',
        date: '2023-09-08',
        places: [
          { kind: 'market', name: 'рынок «Центральный»' },
          { kind: 'computer_club', name: 'Компьютерный клуб «Бастион»' },
        ],
        participants: [
          { kind: 'teachers', count: 2, orgs: [] },
          { kind: 'police', count: 2, orgs: [] },
          { kind: 'ngo', count: 2, orgs: ['«Жас Өркен»'] },
        ],
        // Child 42 was met again; still one child.
        found: [
          { childId: childId(42), returnedToSchool: false },
          { childId: childId(44), returnedToSchool: true },
        ],
      },
    ],
    hotline: Array.from({ length: 14 }, (_, i) => ({ id: `call-${i + 1}`, status: 'closed' as const })),
    plan: Array.from({ length: 9 }, (_, i) => ({ id: `plan-${i + 1}`, status: 'done' as const })),
    stand: true,
    booklets: { languages: ['kk', 'ru'] },
  };
}
