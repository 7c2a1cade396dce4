import { loadConfig } from '../../config.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { buildServices, type Services } from '../../services.ts';
import { given } from '../../test/given.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { ImportReport } from '../import/import.service.ts';
import { expectFactsMatchRebuild } from '../reports/test/facts-check.ts';
import { addChildren, type FixtureChild } from './help-fixtures.ts';

let database: TestDatabase;
let services: Services;
let operator: RequestContext;
let kids: FixtureChild[];

const csv = (name: string, lines: string[]) => ({
  name,
  data: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'),
});
const run = (file: { name: string; data: Buffer }) =>
  services.import.apply(operator, [file], { lang: 'ru', orgCode: 'SA' });
const result = (r: ImportReport) => r.files[0]!.sheets[0]!.result;
const errors = (r: ImportReport) =>
  r.files[0]!.sheets[0]!.errors.map((e) => `${e.row}:${e.field}:${e.message.key}`);
const count = async () =>
  Number(
    (
      await database.db
        .selectFrom('aid')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(database, loadConfig({}));
  const g = given(services);
  await g.tree();
  operator = g.operator;
  kids = await addChildren(database, 'SA', 5, { withIin: true });
});
afterAll(() => database.drop());

describe('importing sponsors, ФВ allocations and aid', () => {
  it('imports sponsors and ФВ allocations, and a second import of the same files changes nothing', async () => {
    const sponsors = csv('sponsors.csv', [
      'Наименование;Тип;Руководитель;Телефон',
      'ТОО «Караганда Строй»;компания;Ахметов Б. С.;+7 701 111 11 11',
      'Выпускники 2005 года;выпускники;;',
    ]);
    expect(result(await run(sponsors))).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(result(await run(sponsors))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const fv = csv('fv.csv', ['Школа (код);Год;Выделено', 'SA;2024;"1 196 448"', 'SB;2024;500000']);
    expect(result(await run(fv))).toMatchObject({ created: 2, unchanged: 0 });
    expect(result(await run(fv))).toMatchObject({ created: 0, unchanged: 2 });
    const list = await services.fv.list(operator, { org: 'C1', year: 2024 });
    expect(list.items.map((i) => i.allocated)).toEqual([1_196_448, 500_000]);
  });

  it('imports aid rows as handovers by date and source, once', async () => {
    const lines = [
      'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
      ...kids.slice(0, 3).map((k) => `15.08.2024;${k.iin};ФВ;деньги;"43 407";;`),
      ...kids
        .slice(0, 2)
        .map((k) => `20.08.2024;${k.iin};ТОО «Караганда Строй»;вещи;12 000;рюкзак, обувь x2;`),
    ];
    const first = await run(csv('aid.csv', lines));
    expect(first.ok).toBe(true);
    expect(result(first)).toMatchObject({ created: 5, unchanged: 0 });
    const totals = await services.aid.totals(operator, { org: 'SA', year: 2024 });
    expect(totals.total).toEqual({ students: 3, amount: 3 * 43_407 + 24_000, records: 5 });
    expect(totals.bySource.map((s) => [s.source, s.amount])).toEqual([
      ['fv', 130_221],
      ['sponsor', 24_000],
    ]);
    const handovers = await database.db.selectFrom('aid_handovers').select('id').execute();
    expect(handovers).toHaveLength(2);
    const again = await run(csv('aid.csv', lines));
    expect(result(again)).toMatchObject({ created: 0, unchanged: 5 });
    expect(await count()).toBe(5);
  });

  it('takes each row’s school from the child’s IIN: a city’s file covers its schools, --org only narrows', async () => {
    const inB = await addChildren(database, 'SB', 2, { withIin: true });
    const sponsors = (org: string, name: string) =>
      services.import.apply(operator, [csv('s.csv', ['Наименование;Тип', `${name};компания`])], {
        lang: 'ru',
        orgCode: org,
      });
    await sponsors('C1', 'ТОО «Городской фонд»');
    await sponsors('SA', 'ИП Школьный');
    const lines = [
      'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
      `02.09.2024;${kids[0]!.iin};ТОО «Городской фонд»;вещи;5 000;рюкзак;`,
      `02.09.2024;${inB[0]!.iin};ТОО «Городской фонд»;вещи;5 000;рюкзак;`,
      `02.09.2024;${inB[1]!.iin};ИП Школьный;вещи;5 000;рюкзак;`,
    ];
    const city = (opts: { orgCode?: string }) =>
      services.import.preview(operator, [csv('aid.csv', lines)], { lang: 'ru', ...opts });
    // The district's sponsor is found from both schools; a school's own sponsor only from that school.
    expect(errors(await city({}))).toEqual(['4:source:help:import.sponsorNotFound']);
    expect(errors(await city({ orgCode: 'C1' }))).toEqual(['4:source:help:import.sponsorNotFound']);
    expect(errors(await city({ orgCode: 'SA' }))).toEqual([
      '3:iin:help:import.childNotFound',
      '4:iin:help:import.childNotFound',
    ]);
    const applied = await services.import.apply(operator, [csv('aid.csv', lines.slice(0, 3))], {
      lang: 'ru',
    });
    expect(result(applied)).toMatchObject({ created: 2 });
    const rows = await database.db
      .selectFrom('aid')
      .innerJoin('org_units', 'org_units.id', 'aid.org_unit_id')
      .select(['org_units.code', 'aid.child_id'])
      .where('aid.date', '=', '2024-09-02')
      .orderBy('org_units.code')
      .execute();
    expect(rows).toEqual([
      { code: 'SA', child_id: kids[0]!.id },
      { code: 'SB', child_id: inB[0]!.id },
    ]);

    // A school's coordinator passes the same rights check as on the web form: another school's child is unknown.
    await given(services).user('coordinator', 'SA', 'coord.aid@test.kz');
    const coord = await services.auth.viewerFromApiToken(await given(services).token('coord.aid@test.kz'));
    const own = await services.import.preview({ viewer: coord!, ip: null }, [csv('aid.csv', lines)], {
      lang: 'ru',
    });
    expect(errors(own)).toEqual(['3:iin:help:import.childNotFound', '4:iin:help:import.childNotFound']);
  });

  it('reads items and forms as people write them, keeps an unknown item as «другое» and suggests a near miss', async () => {
    const lines = [
      'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
      `03.09.2024;${kids[0]!.iin};ТОО «Караганда Строй»;Вещи в натуре;;школьные принадлежности, кроссовки x2, портфель;`,
      `03.09.2024;${kids[1]!.iin};ТОО «Караганда Строй»;заттай;;Канцтовары, форма, глобус;`,
      `03.09.2024;${kids[2]!.iin};ТОО «Караганда Строй»;вищи;;рюкзк;`,
    ];
    const preview = await services.import.preview(operator, [csv('aid.csv', lines)], { lang: 'ru' });
    const sheet = preview.files[0]!.sheets[0]!;
    expect(errors(preview)).toEqual(['4:form:import:cell.choice']);
    expect(sheet.errors[0]!.message.params).toMatchObject({ value: 'вищи', suggestion: 'вещи' });
    expect(sheet.warnings.map((w) => `${w.row}:${w.field}:${w.message.key}`)).toEqual([
      '3:items:import:cell.itemOther',
      '4:items:import:cell.itemGuessed',
    ]);
    const applied = await services.import.apply(operator, [csv('aid.csv', lines.slice(0, 3))], {
      lang: 'ru',
    });
    expect(applied.ok).toBe(true);
    const stored = await database.db
      .selectFrom('aid')
      .select(['child_id', 'form', 'items'])
      .where('date', '=', '2024-09-03')
      .orderBy('child_id')
      .execute();
    expect(stored.map((r) => [r.form, JSON.parse(r.items)])).toEqual([
      [
        'goods',
        [
          { item: 'supplies', quantity: 1 },
          { item: 'shoes', quantity: 2 },
          { item: 'backpack', quantity: 1 },
        ],
      ],
      [
        'goods',
        [
          { item: 'supplies', quantity: 1 },
          { item: 'uniform', quantity: 1 },
          { item: 'other', quantity: 1, label: 'глобус' },
        ],
      ],
    ]);
  });

  it('refuses the whole file when a row is over what is left of ФВ or names an unknown sponsor or child', async () => {
    const before = await count();
    const report = await run(
      csv('aid.csv', [
        'Дата;ИИН;Источник;Форма;Сумма;Предметы;Примечание',
        `01.09.2024;${kids[3]!.iin};ФВ;деньги;1 000 000;;`,
        `01.09.2024;${kids[4]!.iin};ФВ;деньги;100 000;;`,
        `01.09.2024;${kids[4]!.iin};ИП Неизвестный;деньги;100;;`,
        `01.09.2024;000000000000;ФВ;деньги;-5;;`,
      ]),
    );
    expect(report.ok).toBe(false);
    expect(errors(report)).toEqual([
      '3:amount:help:import.fvOverRemaining',
      '4:source:help:import.sponsorNotFound',
      '5:amount:import:cell.tenge.negative',
      '5:iin:help:import.childNotFound',
    ]);
    expect(await count()).toBe(before);
  });
});

describe('report facts', () => {
  it('are kept equal to a rebuild from the records by the imports above', async () => {
    await expectFactsMatchRebuild(database.db);
  });
});
