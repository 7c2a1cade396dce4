import { makeValidIin } from '#domain/iin';
import type { Viewer } from '../../db/access-gate.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { given } from '../../test/given.ts';
import type { ImportContext, RowResult } from '../import/importer.ts';
import { importers } from '../import/importers.ts';
import { childrenImporter, type ChildImportRow } from './children.importer.ts';

let t: TestApp;
let coordA: RequestContext;
let teacherA: RequestContext;

async function contextOf(email: string): Promise<RequestContext> {
  const viewer = await t.services.auth.viewerFromApiToken(await given(t.services).token(email));
  return { viewer: viewer as Viewer, ip: null };
}

const row = (over: Record<string, string> = {}) => ({
  iin: '',
  surname: 'Ахметова',
  name: 'Дана',
  patronymic: 'Ерлановна',
  birthDate: '12.04.2015',
  school: 'SA',
  class: '4 б',
  categories: 'АСП, многодетная',
  guardian: 'Ахметова Сауле',
  phone: '+7 701 555 66 77',
  address: 'г. Балхаш, ул. Ленина, 5',
  ...over,
});

/** What the import engine does with one file: validate every row, then apply the valid ones in one transaction. */
async function runImport(
  ctx: RequestContext,
  rows: Record<string, string>[],
  options: ImportContext['options'] = {},
) {
  return t.database.db.transaction().execute(async (trx) => {
    const ic: ImportContext = { ctx, db: trx, options, lang: 'ru', state: new Map() };
    const results: RowResult<ChildImportRow>[] = [];
    for (const [i, cells] of rows.entries()) results.push(await childrenImporter.validate(cells, i + 2, ic));
    const failed = results.flatMap((r, i) =>
      r.ok ? [] : [{ row: i + 2, fields: r.errors.map((e) => e.field) }],
    );
    if (failed.length > 0) return { failed, applied: null };
    const valid = results.flatMap((r) => (r.ok ? [r.value] : []));
    return { failed, applied: await childrenImporter.apply(valid, ic) };
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('teacher', 'SA', 'teacher.a@test.kz', ['4Б']);
  coordA = await contextOf('coord.a@test.kz');
  teacherA = await contextOf('teacher.a@test.kz');
});
afterAll(() => t.close());

describe('children importer', () => {
  it('is registered for the children template with kk and en header aliases', () => {
    expect(importers).toContain(childrenImporter);
    const headers = Object.fromEntries(childrenImporter.columns.map((c) => [c.key, c.headers]));
    expect(headers.iin).toEqual(expect.arrayContaining(['ИИН', 'ЖСН', 'IIN']));
    expect(headers.school).toEqual(expect.arrayContaining(['Школа (код)', 'Мектеп (коды)', 'School (code)']));
    expect(childrenImporter.columns.map((c) => c.headers[0])).toEqual([
      'ИИН',
      'Фамилия',
      'Имя',
      'Отчество',
      'Дата рождения',
      'Школа (код)',
      'Класс',
      'Категории',
      'Законный представитель',
      'Телефон',
      'Адрес',
    ]);
  });

  it('imports a coordinator’s rows as approved, and a second import of the same file changes nothing', async () => {
    const rows = [
      row({ iin: makeValidIin('2015-04-12', 'f', 11) }),
      row({
        surname: 'Ким',
        name: 'Виктор',
        patronymic: '',
        birthDate: '2014-01-30',
        iin: makeValidIin('2014-01-30', 'm', 12),
        categories: 'сирота; не посещает',
      }),
      row({ surname: 'Сапаров', name: 'Али', birthDate: '01.09.2013', categories: '' }),
    ];
    const first = await runImport(coordA, rows);
    expect(first.failed).toEqual([]);
    expect(first.applied).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const stored = await t.database.db.selectFrom('children').selectAll().orderBy('surname').execute();
    expect(stored.map((c) => [c.surname, c.status, c.source, c.class_label])).toEqual([
      ['Ахметова', 'approved', 'import', '4Б'],
      ['Ким', 'approved', 'import', '4Б'],
      ['Сапаров', 'approved', 'import', '4Б'],
    ]);
    expect(stored.find((c) => c.surname === 'Ким')!.not_attending).toBe(1);
    const cats = await t.database.db
      .selectFrom('child_categories')
      .select('code')
      .where('child_id', '=', stored[0]!.id)
      .execute();
    expect(cats.map((c) => c.code).sort()).toEqual(['asp', 'large_family']);

    const audits = await t.database.db.selectFrom('audit_log').select('id').execute();
    const again = await runImport(coordA, rows);
    expect(again.applied).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await t.database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
    const after = await t.database.db.selectFrom('children').selectAll().orderBy('surname').execute();
    expect(after).toEqual(stored);

    const changed = await runImport(coordA, [
      row({ iin: makeValidIin('2015-04-12', 'f', 11), address: 'г. Балхаш, ул. Абая, 1' }),
    ]);
    expect(changed.applied).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('names the row and field of each bad cell and refuses the same IIN twice in a file', async () => {
    const iin = makeValidIin('2016-05-05', 'm', 77);
    const result = await runImport(coordA, [
      row({ iin, birthDate: '05.05.2016', surname: 'Первый' }),
      row({ iin, birthDate: '05.05.2016', surname: 'Второй' }),
      row({ iin: '900101300801' }),
      row({ birthDate: '01.01.2999', class: '13', categories: 'VIP' }),
      row({ name: '=HYPERLINK("http://x","y")', surname: '<b>Иванов</b>' }),
      row({ school: 'SB' }),
      row({ school: 'NOPE' }),
    ]);
    expect(result.applied).toBeNull();
    expect(result.failed).toEqual([
      { row: 3, fields: ['iin'] },
      { row: 4, fields: ['iin'] },
      { row: 5, fields: ['categories', 'birthDate', 'class'] },
      { row: 6, fields: ['surname', 'name'] },
      { row: 7, fields: ['school'] },
      { row: 8, fields: ['school'] },
    ]);
    expect(await t.database.db.selectFrom('children').select('id').where('iin', '=', iin).execute()).toEqual(
      [],
    );
  });

  it('takes guardians, phones and addresses as people write them, and Kazakh and Latin letters in names', async () => {
    const written = [
      { guardian: 'Иванова А. С. (мать)', phone: '8 (701) 123-45-67', address: 'ул. Абая, д. 5/2, кв. №12' },
      {
        guardian: 'Жумабаева Гульнар (опекун)',
        phone: '+7 701 123 45 67, +7 777 000 11 22',
        address: '«Шахтёр» ы/а',
      },
      { guardian: '"Smith J." (guardian)', phone: '87011234567', address: 'мкр. Сарыарқа 2-14' },
    ];
    const names = [
      ['Әбілқасымова', 'Гүлнұр'],
      ["O'Brien", 'Jean-Luc'],
      ['Ёлкина', 'Ұлжан'],
    ];
    const result = await runImport(
      coordA,
      written.map((w, i) =>
        row({ ...w, surname: names[i]![0]!, name: names[i]![1]!, birthDate: `0${i + 1}.02.2015` }),
      ),
    );
    expect(result.failed).toEqual([]);
    const stored = await t.database.db
      .selectFrom('child_guardians')
      .innerJoin('children', 'children.id', 'child_guardians.child_id')
      .select(['child_guardians.name', 'child_guardians.phone', 'children.address'])
      .where(
        'child_guardians.name',
        'in',
        written.map((w) => w.guardian),
      )
      .orderBy('children.birth_date')
      .execute();
    expect(stored).toEqual(written.map((w) => ({ name: w.guardian, phone: w.phone, address: w.address })));
  });

  it('names the character a child’s name may not hold, and refuses values longer than the form allows', async () => {
    const ic: ImportContext = { ctx: coordA, db: t.database.db, options: {}, lang: 'ru', state: new Map() };
    const r = await childrenImporter.validate(row({ surname: 'Иванов2', name: 'Н'.repeat(101) }), 2, ic);
    expect(!r.ok && r.errors.map((e) => [e.field, e.message.key, e.message.params])).toEqual([
      ['surname', 'children:errors.text.char', { char: '2' }],
      ['name', 'children:errors.text.tooLong', { max: 100 }],
    ]);
    const long = await childrenImporter.validate(row({ address: 'а'.repeat(2_500_000) }), 3, ic);
    expect(!long.ok && long.errors.map((e) => e.field)).toEqual(['address']);
  });

  it('refuses a row whose IIN belongs to a child of another school', async () => {
    const iin = makeValidIin('2012-12-12', 'f', 5);
    await runImport(given(t.services).operator, [row({ iin, birthDate: '12.12.2012', school: 'SB' })]);
    const result = await runImport(coordA, [row({ iin, birthDate: '12.12.2012' })]);
    expect(result.failed).toEqual([{ row: 2, fields: ['iin'] }]);
  });

  it('brings a teacher’s rows in as proposed, only for the teacher’s classes, into the teacher’s school', async () => {
    const result = await runImport(teacherA, [
      row({
        surname: 'Учителева',
        school: '',
        iin: makeValidIin('2015-02-02', 'f', 3),
        birthDate: '02.02.2015',
      }),
    ]);
    expect(result.applied).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const c = await t.database.db
      .selectFrom('children')
      .selectAll()
      .where('surname', '=', 'Учителева')
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ status: 'proposed', org_path: '/KZ/R1/C1/SA/' });
    const other = await runImport(teacherA, [row({ surname: 'Чужой', class: '7А' })]);
    expect(other.failed).toEqual([{ row: 2, fields: ['class'] }]);
  });

  it('warns, without refusing, when the IIN does not match the birth date', async () => {
    const ic: ImportContext = { ctx: coordA, db: t.database.db, options: {}, lang: 'ru', state: new Map() };
    const r = await childrenImporter.validate(row({ iin: '900101300007', surname: 'Предупреждение' }), 2, ic);
    expect(r.ok).toBe(true);
    expect(r.warnings?.map((w) => w.field)).toEqual(['iin']);
  });
});
