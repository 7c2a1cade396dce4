import { v7 as uuidv7 } from 'uuid';
import { CATEGORY_CODES, type CategoryCode } from '#domain/categories';
import { makeValidIin, type IinSex } from '#domain/iin';
import type { ChildStatus } from '../../db/schema.ts';
import type { DemoContext, DemoSeeder } from '../demo/demo-context.ts';
import { ChildrenRepository } from './children.repository.ts';
import { insertChild } from './children.service.ts';
import { checkChild } from './children.validation.ts';
import { NeedsRepository } from './needs.repository.ts';

// A few hundred made-up children across the demo schools: Kazakh and Russian names, valid IINs, mixed
// categories, statuses and needs. Deterministic through demo.random, so every machine gets the same demo.

const KAZAKH = {
  m: {
    names: [
      'Нурлан',
      'Ерлан',
      'Асхат',
      'Даурен',
      'Алихан',
      'Арман',
      'Бекзат',
      'Темирлан',
      'Айбек',
      'Нурсултан',
      'Ерасыл',
      'Санжар',
    ],
    surnames: [
      'Абенов',
      'Ахметов',
      'Жумабаев',
      'Сапаров',
      'Касымов',
      'Омаров',
      'Тулегенов',
      'Нурланов',
      'Бекмуратов',
      'Исмаилов',
      'Сейткали',
      'Жакупов',
    ],
  },
  f: {
    names: [
      'Айгерим',
      'Дана',
      'Аружан',
      'Жансая',
      'Асель',
      'Камила',
      'Томирис',
      'Аяулым',
      'Инкар',
      'Мадина',
      'Сабина',
      'Айша',
    ],
    surnames: [
      'Абенова',
      'Ахметова',
      'Жумабаева',
      'Сапарова',
      'Касымова',
      'Омарова',
      'Тулегенова',
      'Нурланова',
      'Бекмуратова',
      'Исмаилова',
      'Сейткали',
      'Жакупова',
    ],
  },
  fathers: ['Серик', 'Марат', 'Бакыт', 'Ерлан', 'Канат', 'Нурлан', 'Болат', 'Асылбек'],
};
const RUSSIAN = {
  m: {
    names: ['Александр', 'Дмитрий', 'Максим', 'Артём', 'Иван', 'Никита', 'Кирилл', 'Егор'],
    surnames: ['Иванов', 'Петров', 'Ким', 'Шевченко', 'Кузнецов', 'Попов', 'Васильев', 'Морозов'],
  },
  f: {
    names: ['Анастасия', 'Мария', 'Дарья', 'Полина', 'Виктория', 'Алина', 'Ксения', 'Софья'],
    surnames: ['Иванова', 'Петрова', 'Ким', 'Шевченко', 'Кузнецова', 'Попова', 'Васильева', 'Морозова'],
  },
  fathers: ['Сергей', 'Андрей', 'Владимир', 'Алексей', 'Олег', 'Николай', 'Иван', 'Виктор'],
};
const STREETS = [
  'ул. Абая',
  'ул. Ерубаева',
  'пр. Бухар-Жырау',
  'ул. Гоголя',
  'мкр. Восток-2',
  'ул. Жамбыла',
  'ул. Сатпаева',
];
const LETTERS = ['А', 'Б', 'В'];
const SIZES: Record<string, string[]> = {
  uniform: ['122', '128', '134', '140', '146', '152', '158', '164'],
  sportswear: ['122', '134', '146', '158', '164'],
  shoes: ['30', '32', '34', '35', '36', '37', '38', '39', '40'],
  winter_clothes: ['128', '140', '152', '164'],
};
const CHILDREN_PER_SCHOOL = 80;

function patronymic(father: string, sex: IinSex, kazakh: boolean): string {
  if (kazakh && father.endsWith('ан') && sex === 'm') return `${father}ұлы`;
  if (kazakh && father.endsWith('ан')) return `${father}қызы`;
  const stem = father.endsWith('й') ? father.slice(0, -1) + 'е' : father;
  if (father.endsWith('й')) return sex === 'm' ? `${stem}вич` : `${stem}вна`;
  return sex === 'm' ? `${father}ович` : `${father}овна`;
}

export const seedChildren: DemoSeeder = async (demo: DemoContext) => {
  const { random, ctx, services } = demo;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const db = services.database.db;
  const items = await new NeedsRepository(db).items(false);
  let serial = 100;
  for (const school of demo.schools) {
    await db.transaction().execute(async (trx) => {
      const repo = new ChildrenRepository(trx);
      const needs = new NeedsRepository(trx);
      for (let i = 0; i < CHILDREN_PER_SCHOOL; i += 1) {
        const sex: IinSex = random() < 0.5 ? 'm' : 'f';
        const kazakh = random() < 0.7;
        const names = kazakh ? KAZAKH : RUSSIAN;
        // The first few of each school sit in 5А and 5Б, the demo class teacher's classes.
        const grade = i < 8 ? 5 : Math.floor(random() * 11) + 1;
        const year = 2025 - 6 - grade + (random() < 0.2 ? -1 : 0);
        const birthDate = `${year}-${String(Math.floor(random() * 12) + 1).padStart(2, '0')}-${String(Math.floor(random() * 28) + 1).padStart(2, '0')}`;
        serial += 1;
        const surname = pick(names[sex].surnames);
        const guardian = `${surname.replace(/(ов|ев)$/, '$1а')} ${pick(KAZAKH.f.names)}`;
        const categories: CategoryCode[] = [pick(CATEGORY_CODES)];
        if (random() < 0.3) categories.push(pick(CATEGORY_CODES));
        const check = checkChild(
          {
            // A few children are still waiting for their IIN.
            iin: random() < 0.05 ? null : makeValidIin(birthDate, sex, serial),
            surname,
            name: pick(names[sex].names),
            patronymic: patronymic(pick(names.fathers), sex, kazakh),
            birthDate,
            classLabel: `${grade}${i < 8 ? LETTERS[i % 2] : pick(LETTERS)}`,
            address: `${pick(STREETS)}, ${Math.floor(random() * 120) + 1}`,
            notAttending: random() < 0.05,
            source: pick(['teacher', 'teacher', 'family', 'hotline', 'raid'] as const),
            consent: { by: guardian, date: '2025-08-05', scope: null },
            guardians: [
              {
                name: guardian,
                relation: 'мать',
                phone: `+7 70${Math.floor(random() * 8) + 1} ${String(Math.floor(random() * 9_000_000) + 1_000_000).replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')}`,
              },
            ],
            categories: categories.map((code) => ({
              code,
              docName: code === 'asp' ? 'Справка о назначении АСП' : null,
              docNumber: code === 'asp' ? String(1000 + serial) : null,
              docDate: code === 'asp' ? '2025-06-01' : null,
              validUntil: code === 'asp' ? '2026-06-01' : null,
            })),
          },
          '2025-09-01',
        );
        // Made-up data that does not pass the registry's own checks is a bug in this file.
        if (!check.ok) throw new Error(`demo child refused: ${JSON.stringify(check.errors)}`);
        const roll = random();
        const status: ChildStatus =
          roll < 0.55 ? 'approved' : roll < 0.75 ? 'proposed' : roll < 0.9 ? 'helped' : 'rejected';
        const id = await insertChild(trx, ctx, school, check.values, 'proposed');
        if (status !== 'proposed') {
          const reason = status === 'rejected' ? 'Доход семьи выше прожиточного минимума' : null;
          await repo.update(id, 1, { status, reject_reason: reason });
          await repo.addHistory({
            child_id: id,
            from_status: 'proposed',
            to_status: status,
            reason,
            actor: ctx.viewer.email,
          });
        }
        if (status === 'rejected') continue;
        const count = 1 + Math.floor(random() * 3);
        for (let n = 0; n < count; n += 1) {
          const item = pick(items);
          const sizes = SIZES[item.code];
          const now = new Date().toISOString();
          await needs.insert({
            id: uuidv7(),
            child_id: id,
            item_id: item.id,
            size: item.has_size === 1 && sizes ? pick(sizes) : null,
            quantity: 1,
            est_cost: item.default_cost,
            status: status === 'helped' ? 'delivered' : random() < 0.2 ? 'pledged' : 'open',
            created_at: now,
            updated_at: now,
          });
        }
      }
    });
  }
};
