import type { Viewer } from '../../db/access-gate.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { someChildrenOf } from '../cases/registry-child.ts';
import type { DemoContext, DemoSchool, DemoSeeder } from '../demo/demo-context.ts';
import { DEMO_USERS } from '../demo/demo-org.ts';
import type { PlaceKind } from '#domain/raid-codes';
import { addDays } from '#domain/operations';

// The campaign's operations in the demo: the region opens 2024 and 2025, every school runs its plan (2025 copied
// from 2024), logs hotline calls; three raids find children who are then followed until they are back at school.
// Made-up people and places.

const PLAN_2024: [string, string, string, string][] = [
  ['Приказ о проведении акции, создание рабочей группы', '2024-08-01', '2024-08-02', 'Директор'],
  ['Утверждение плана мероприятий акции', '2024-08-02', '2024-08-02', 'Заместитель директора по ВР'],
  [
    'Оформление информационного стенда, размещение на сайте и в соцсетях',
    '2024-08-05',
    '2024-08-09',
    'Социальный педагог',
  ],
  [
    'Составление списков детей из социально уязвимых семей',
    '2024-08-01',
    '2024-08-20',
    'Классные руководители',
  ],
  ['Работа телефона доверия', '2024-08-01', '2024-09-30', 'Социальный педагог'],
  [
    'Рейды по выявлению детей, не приступивших к учёбе',
    '2024-08-15',
    '2024-09-20',
    'Заместитель директора по ВР, ПДН',
  ],
  ['Благотворительная ярмарка «Дорога в школу»', '2024-08-24', '2024-08-24', 'Родительский комитет'],
  ['Вручение помощи, акты приёма-передачи', '2024-08-20', '2024-09-10', 'Социальный педагог'],
  ['Итоговый отчёт о проведении акции', '2024-09-25', '2024-09-30', 'Заместитель директора по ВР'],
];

const CALLS = [
  {
    channel: 'phone',
    anonymous: true,
    subject: 'Сосед сообщил о мальчике, который летом торгует на рынке и не собирается в школу',
  },
  {
    channel: 'messenger',
    caller: 'Мама ученика 3 класса',
    subject: 'Как получить помощь к школе: многодетная семья, отец без работы',
  },
  { channel: 'phone', caller: 'Бабушка (опекун)', subject: 'Нужна школьная форма и обувь для внучки-сироты' },
  {
    channel: 'in_person',
    caller: 'Отец ученицы 7 класса',
    subject: 'Семья переехала, ребёнок не зачислен в школу',
  },
] as const;

const RAID_PLACES: { kind: PlaceKind; name: string }[][] = [
  [
    { kind: 'computer_club', name: 'Компьютерный клуб «Арена»' },
    { kind: 'market', name: 'Центральный рынок' },
  ],
  [
    { kind: 'station', name: 'Автовокзал' },
    { kind: 'street', name: 'Дворы микрорайона' },
  ],
  [{ kind: 'entertainment', name: 'Торгово-развлекательный центр' }],
];

function schoolContext(school: DemoSchool, role: 'coordinator' | 'director'): RequestContext {
  const user = DEMO_USERS.find((u) => u.orgCode === school.code && u.role === role);
  const viewer: Viewer = {
    userId: null,
    email: user?.email ?? `${role}@demo`,
    name: user?.name ?? role,
    role,
    lang: 'ru',
    orgUnitId: school.id,
    orgCode: school.code,
    orgPath: school.path,
    classes: [],
    via: 'cli',
  };
  return { viewer, ip: null };
}

export const seedOperations: DemoSeeder = async (demo: DemoContext) => {
  const { services, ctx, random } = demo;
  const c2024 = await services.campaigns.create(ctx, {
    orgCode: 'KRG',
    year: 2024,
    mottoRu: 'Каждому ребёнку — дорогу в школу',
    mottoKk: 'Әр балаға — мектепке жол',
    goals:
      'Помочь детям из социально уязвимых семей подготовиться к учебному году; вернуть в школу каждого ребёнка.',
  });
  await services.campaigns.create(ctx, {
    orgCode: 'KRG',
    year: 2025,
    mottoRu: 'Дорога в школу — добро без границ',
    mottoKk: 'Мектепке жол — шекарасыз мейірім',
    goals: 'Ни один ребёнок не должен остаться вне школы.',
  });

  for (const [s, school] of demo.schools.entries()) {
    const coord = schoolContext(school, 'coordinator');
    for (const [title, from, to, responsible] of PLAN_2024) {
      await services.plan.create(coord, { year: 2024, title, from, to, responsible, status: 'done' });
    }
    const plan = await services.plan.copyFromLastYear(coord, 2025);
    for (const [i, item] of plan.items.entries()) {
      const status = i < 5 ? 'done' : i < 7 ? 'in_progress' : 'planned';
      await services.plan.update(coord, item.id, { version: item.version, status });
    }
    if (DEMO_USERS.some((u) => u.orgCode === school.code && u.role === 'director')) {
      await services.plan.approve(schoolContext(school, 'director'), 2025);
    }
    for (const [i, call] of CALLS.entries()) {
      if (i > 1 + s) break;
      const day = 4 + Math.floor(random() * 40);
      const date = new Date(Date.UTC(2025, 7, day, 4 + Math.floor(random() * 8), Math.floor(random() * 60)));
      await services.hotline.create(coord, {
        ...call,
        receivedAt: date.toISOString(),
        handler: coord.viewer.name,
        status: i % 2 === 0 ? 'closed' : 'in_progress',
        actionTaken: i % 2 === 0 ? 'Проведена беседа с семьёй, подано заявление на помощь' : null,
      });
    }
  }

  // Three raids: two by the first school, one by the second; each finds children of the registry and a new one.
  const raids = [
    { school: demo.schools[0]!, date: '2025-08-22', known: 2 },
    { school: demo.schools[0]!, date: '2025-09-12', known: 1 },
    { school: demo.schools[1]!, date: '2025-08-29', known: 1 },
  ];
  for (const [r, raid] of raids.entries()) {
    const coord = schoolContext(raid.school, 'coordinator');
    const known = (await someChildrenOf(services.database.db, raid.school.path, 6)).slice(
      r * 2,
      r * 2 + raid.known,
    );
    const { item } = await services.raids.create(coord, {
      heldOn: raid.date,
      timeFrom: '18:00',
      timeTo: '21:00',
      places: RAID_PLACES[r]!,
      participants: [
        { kind: 'teachers', count: 2 + r, organisations: null },
        { kind: 'police', count: 2, organisations: 'Отдел ювенальной полиции УП г. Караганды' },
        { kind: 'ngo', count: 1, organisations: 'ОО «Бала қорғауы»' },
        { kind: 'parents', count: 3, organisations: 'Родительский комитет' },
      ],
      children: [
        ...known.map((c) => ({
          childId: c.id,
          reason: 'находился в учебное время вне школы без уважительной причины',
          action: 'проведена беседа, ребёнок доставлен домой',
        })),
        {
          newChild: {
            surname: ['Серикбаев', 'Ким', 'Абдрахманов'][r]!,
            name: ['Нурислам', 'Денис', 'Ерасыл'][r]!,
            birthDate: `201${r + 1}-0${r + 3}-1${r}`,
            classLabel: `${7 - r}Б`,
            address: 'адрес уточняется',
          },
          reason: 'не приступил к учёбе: семья переехала, документы не оформлены',
          action: 'передан инспектору ПДН, сообщено в школу по месту жительства',
        },
      ],
    });
    // Follow each case; most children are back at school, the last raid's new child is still followed.
    for (const [i, found] of item.children.entries()) {
      if (!found.caseId) continue;
      const steps = [
        { kind: 'home_visit' as const, days: 1 },
        { kind: 'family_talk' as const, days: 3 },
        { kind: 'help_given' as const, days: 6 },
        { kind: 'attends_school' as const, days: 10 },
      ];
      const open = r === 2 && i === item.children.length - 1;
      for (const step of open ? steps.slice(0, 2) : steps) {
        await services.cases.addStep(coord, found.caseId, {
          kind: step.kind,
          doneOn: addDays(raid.date, step.days),
          byWhom: coord.viewer.name,
          notes: null,
        });
      }
    }
  }
  const closing = await services.campaigns.get(ctx, c2024.id);
  await services.campaigns.close(ctx, closing.id, closing.version);
};
