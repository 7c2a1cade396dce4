import ExcelJS from 'exceljs';
import { makeValidIin } from '#domain/iin';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { expectFactsMatchRebuild } from '../reports/test/facts-check.ts';

let t: TestApp;
let coordA: HttpClient;
let coordB: HttpClient;
let directorA: HttpClient;
let teacherA: HttpClient;
let officer: HttpClient;
let tokens: Record<string, string>;

const child = (over: Record<string, unknown> = {}) => ({
  surname: 'Абенов',
  name: 'Нурлан',
  patronymic: 'Серикович',
  birthDate: '2014-03-15',
  classLabel: '5А',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('coordinator', 'SB', 'coord.b@test.kz');
  await g.user('director', 'SA', 'director.a@test.kz');
  await g.user('teacher', 'SA', 'teacher.a@test.kz', ['5 а']);
  await g.user('officer', 'C1', 'officer@test.kz');
  tokens = {};
  for (const email of [
    'coord.a@test.kz',
    'coord.b@test.kz',
    'director.a@test.kz',
    'teacher.a@test.kz',
    'officer@test.kz',
  ]) {
    tokens[email] = await g.token(email);
  }
  coordA = HttpClient.withToken(t.url, tokens['coord.a@test.kz']!);
  coordB = HttpClient.withToken(t.url, tokens['coord.b@test.kz']!);
  directorA = HttpClient.withToken(t.url, tokens['director.a@test.kz']!);
  teacherA = HttpClient.withToken(t.url, tokens['teacher.a@test.kz']!);
  officer = HttpClient.withToken(t.url, tokens['officer@test.kz']!);
});
afterAll(() => t.close());

async function auditOf(action: string, entityId?: string) {
  let q = t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'child')
    .where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
}

describe('children: scope and privacy', () => {
  it('gives the coordinator of school B a 404 for a child of school A, exactly like a missing one', async () => {
    const created = await coordA.post('/api/children', child({ iin: makeValidIin('2014-03-15', 'm', 1) }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schoolCode: 'SA', status: 'proposed', classLabel: '5А', sex: 'm' });
    const other = await coordB.get(`/api/children/${created.body.id}`);
    const missing = await coordB.get('/api/children/0190f0f0-0000-7000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await coordB.get('/api/children')).body.items).toEqual([]);
    expect((await coordB.get('/api/children?org=SA')).status).toBe(404);
    expect((await coordB.patch(`/api/children/${created.body.id}`, { version: 1, notes: 'x' })).status).toBe(
      404,
    );
  });

  it('shows a teacher only the children of their own classes, and refuses another class', async () => {
    const mine = await coordA.post('/api/children', child({ surname: 'Ким', classLabel: '5а' }));
    const notMine = await coordA.post('/api/children', child({ surname: 'Ли', classLabel: '6Б' }));
    const list = await teacherA.get('/api/children?limit=100');
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(notMine.body.id);
    expect(list.body.items.every((c: { classLabel: string }) => c.classLabel === '5А')).toBe(true);
    expect((await teacherA.get(`/api/children/${notMine.body.id}`)).status).toBe(404);
    const refused = await teacherA.post('/api/children', child({ classLabel: '6Б' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.classLabel).toMatch(/6Б/);
    const proposed = await teacherA.post('/api/children', child({ surname: 'Пак' }));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', source: 'teacher' });
  });

  it('lets an officer above the schools read names but not contacts, the full IIN or edit', async () => {
    const iin = makeValidIin('2013-05-05', 'f', 7);
    const c = await coordA.post(
      '/api/children',
      child({
        iin,
        birthDate: '2013-05-05',
        address: 'ул. Абая, 1',
        guardians: [{ name: 'Абенова Айгуль', phone: '+7 701 111 22 33' }],
      }),
    );
    const seen = await officer.get(`/api/children/${c.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ surname: 'Абенов', address: null, guardians: [], editable: false });
    expect(seen.body.iin).toBe('••••••••' + iin.slice(-4));
    expect(
      (await officer.patch(`/api/children/${c.body.id}`, { version: seen.body.version, notes: 'x' })).status,
    ).toBe(403);
    expect((await officer.post('/api/children', child({ schoolCode: 'SA' }))).status).toBe(403);
  });

  it('writes an audit entry for every view of a card', async () => {
    const c = await coordA.post('/api/children', child({ surname: 'Смагулов' }));
    expect(await auditOf('view', c.body.id)).toHaveLength(0);
    await coordA.get(`/api/children/${c.body.id}`);
    await directorA.get(`/api/children/${c.body.id}`);
    const views = await auditOf('view', c.body.id);
    expect(views.map((v) => v.actor).sort()).toEqual(['coord.a@test.kz', 'director.a@test.kz']);
    expect(views[0]!.org_path).toBe('/KZ/R1/C1/SA/');
  });
});

describe('children: validation', () => {
  it('names the IIN field and why it is wrong, and refuses a future birth date, a bad class and HTML', async () => {
    const bad = await coordA.post(
      '/api/children',
      child({
        iin: '900101300801',
        birthDate: '2999-01-01',
        classLabel: '12А',
        name: '<b>Асан</b>',
        surname: 'Абенов\u0007',
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      'birthDate',
      'classLabel',
      'iin',
      'name',
      'surname',
    ]);
    expect(bad.body.error.fields.iin).toMatch(/контрольн/);
    expect(bad.body.error.fields.name).toMatch(/HTML/);
    expect(bad.body.error.fields.surname).toMatch(/управляющ/);
    const short = await coordA.post('/api/children', child({ iin: '12345' }));
    expect(short.body.error.fields.iin).toMatch(/12 цифр/);
  });

  it('accepts an IIN that does not match the birth date, with a warning in the response', async () => {
    const res = await coordA.post(
      '/api/children',
      child({ iin: '900101300007', birthDate: '2015-01-01', surname: 'Жумабаев' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ field: 'iin', code: 'iin_birth_date' })]);
    expect(res.body.iin).toBe('900101300007');
  });

  it('refuses unknown fields and categories outside the list', async () => {
    expect((await coordA.post('/api/children', child({ hacker: 1 }))).status).toBe(400);
    expect((await coordA.post('/api/children', child({ categories: [{ code: 'vip' }] }))).status).toBe(400);
  });
});

describe('children: one IIN, one child', () => {
  it('refuses the same IIN twice in a school and offers a transfer from another school, which moves the child', async () => {
    const iin = makeValidIin('2012-09-01', 'f', 42);
    const first = await coordA.post('/api/children', child({ iin, birthDate: '2012-09-01', name: 'Айша' }));
    expect(first.status).toBe(201);
    const again = await coordA.post('/api/children', child({ iin, birthDate: '2012-09-01' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'iin_taken', existingId: first.body.id });
    const elsewhere = await coordB.post('/api/children', child({ iin, birthDate: '2012-09-01' }));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('iin_elsewhere');
    // Another school's child is neither named nor placed: only "ask for a transfer".
    expect(elsewhere.body.error.transfer).toBeUndefined();
    expect(elsewhere.text).not.toMatch(/SA|Школа А|Айша/);
    expect(elsewhere.body.error.fields.iin).toBeTruthy();

    const request = await coordB.post('/api/children/transfers', { iin, classLabel: '7В' });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({
      status: 'pending',
      childId: null,
      childName: null,
      fromSchoolCode: null,
      toSchoolCode: 'SB',
      decidable: false,
    });
    expect(
      (await coordB.post(`/api/children/transfers/${request.body.id}/decision`, { decision: 'accept' }))
        .status,
    ).toBe(403);
    expect((await coordB.post('/api/children/transfers', { iin, classLabel: '7В' })).status).toBe(409);
    expect(
      (await teacherA.post(`/api/children/transfers/${request.body.id}/decision`, { decision: 'accept' }))
        .status,
    ).toBe(403);

    const incoming = await directorA.get('/api/children/transfers?status=pending');
    expect(incoming.body.map((x: { id: string; decidable: boolean }) => [x.id, x.decidable])).toEqual([
      [request.body.id, true],
    ]);
    const accepted = await directorA.post(`/api/children/transfers/${request.body.id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');

    expect((await coordA.get(`/api/children/${first.body.id}`)).status).toBe(404);
    const moved = await coordB.get(`/api/children/${first.body.id}`);
    expect(moved.body).toMatchObject({ schoolCode: 'SB', classLabel: '7В', iin, name: 'Айша' });
    const rows = await t.database.db.selectFrom('children').select('id').where('iin', '=', iin).execute();
    expect(rows).toHaveLength(1);
    const audit = await auditOf('transfer_accept', first.body.id);
    expect(audit.map((a) => a.org_path).sort()).toEqual(['/KZ/R1/C1/SA/', '/KZ/R1/C1/SB/']);
  });

  it('flags a probable duplicate without IIN and lets a person decide', async () => {
    const a = await coordA.post(
      '/api/children',
      child({ surname: 'Омаров', name: 'Ерлан', birthDate: '2011-02-02' }),
    );
    const b = await coordA.post(
      '/api/children',
      child({ surname: 'ОМАРОВ', name: 'ерлан', birthDate: '2011-02-02', classLabel: '6А' }),
    );
    expect(b.body.possibleDuplicate).toBe(true);
    const flags = await coordA.get('/api/children/duplicates');
    const flag = flags.body.find((f: { child: { id: string } }) => f.child.id === b.body.id);
    expect(flag.other.id).toBe(a.body.id);
    // The newer record is in another class than the teacher's: for the teacher the flag does not exist.
    expect(
      (await teacherA.post(`/api/children/duplicates/${flag.id}/resolve`, { decision: 'same' })).status,
    ).toBe(404);
    expect(
      (await coordA.post(`/api/children/duplicates/${flag.id}/resolve`, { decision: 'same' })).status,
    ).toBe(200);
    const archived = await coordA.get(`/api/children/${b.body.id}`);
    expect(archived.body).toMatchObject({ status: 'archived', possibleDuplicate: false });
    expect(
      (await coordA.post(`/api/children/duplicates/${flag.id}/resolve`, { decision: 'distinct' })).status,
    ).toBe(409);
  });
});

describe('children: edits and decisions', () => {
  it('refuses a stale edit with 409 and the current record, never overwriting', async () => {
    const c = await coordA.post('/api/children', child({ surname: 'Ахметов' }));
    const first = await coordA.patch(`/api/children/${c.body.id}`, {
      version: c.body.version,
      address: 'мкр. Восток, 5',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(c.body.version + 1);
    const stale = await directorA.patch(`/api/children/${c.body.id}`, {
      version: c.body.version,
      address: 'ул. Ленина, 1',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current).toMatchObject({
      id: c.body.id,
      address: 'мкр. Восток, 5',
      version: first.body.version,
    });
    expect((await coordA.get(`/api/children/${c.body.id}`)).body.address).toBe('мкр. Восток, 5');
  });

  it('replaces guardians and categories with their proof on edit', async () => {
    const c = await coordA.post('/api/children', child({ surname: 'Бекова', name: 'Дана' }));
    const res = await coordA.patch(`/api/children/${c.body.id}`, {
      version: c.body.version,
      guardians: [{ name: 'Бекова Сауле', relation: 'мать', phone: '+7 701 000 00 00' }],
      categories: [
        {
          code: 'asp',
          docName: 'Справка АСП',
          docNumber: '15',
          docDate: '2024-06-01',
          validUntil: '2025-06-01',
        },
      ],
      consent: { by: 'Бекова Сауле', date: '2024-08-01', scope: 'обработка данных для акции' },
      notAttending: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.guardians).toEqual([
      { name: 'Бекова Сауле', relation: 'мать', phone: '+7 701 000 00 00', iin: null },
    ]);
    expect(res.body.categories[0]).toMatchObject({ code: 'asp', docNumber: '15', validUntil: '2025-06-01' });
    expect(res.body).toMatchObject({
      notAttending: true,
      consent: { by: 'Бекова Сауле', date: '2024-08-01' },
    });
  });

  it('lets only the commission (director, coordinator) approve; a rejection needs a reason; history is kept', async () => {
    const c = await teacherA.post('/api/children', child({ surname: 'Сейтказы' }));
    expect(
      (
        await teacherA.post(`/api/children/${c.body.id}/status`, {
          version: c.body.version,
          action: 'approve',
        })
      ).status,
    ).toBe(403);
    const noReason = await directorA.post(`/api/children/${c.body.id}/status`, {
      version: c.body.version,
      action: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
    const approved = await directorA.post(`/api/children/${c.body.id}/status`, {
      version: c.body.version,
      action: 'approve',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const rejected = await coordA.post(`/api/children/${c.body.id}/status`, {
      version: approved.body.version,
      action: 'reject',
      reason: 'доход выше прожиточного минимума',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectReason: 'доход выше прожиточного минимума',
    });
    const wrong = await coordA.post(`/api/children/${c.body.id}/status`, {
      version: rejected.body.version,
      action: 'helped',
    });
    expect(wrong.status).toBe(400);
    const history = await coordA.get(`/api/children/${c.body.id}/history`);
    expect(history.body.map((h: { to: string }) => h.to)).toEqual(['proposed', 'approved', 'rejected']);
    expect(history.body[2]).toMatchObject({
      from: 'approved',
      reason: 'доход выше прожиточного минимума',
      actor: 'coord.a@test.kz',
    });
  });
});

describe('children: needs', () => {
  it('keeps needs per child with sizes and costs, and sums them up for the school', async () => {
    const items = (await coordA.get('/api/need-items')).body as {
      id: string;
      code: string;
      hasSize: boolean;
    }[];
    expect(items.map((i) => i.code)).toEqual([
      'supplies',
      'uniform',
      'sportswear',
      'shoes',
      'backpack',
      'winter_clothes',
      'other',
    ]);
    const shoes = items.find((i) => i.code === 'shoes')!;
    const backpack = items.find((i) => i.code === 'backpack')!;
    const a = await coordA.post('/api/children', child({ surname: 'Нуржанов', classLabel: '2А' }));
    const b = await coordA.post('/api/children', child({ surname: 'Нуржанова', classLabel: '2А' }));
    const n1 = await coordA.post(`/api/children/${a.body.id}/needs`, {
      itemId: shoes.id,
      size: '34',
      estCost: '15 000',
    });
    expect(n1.status).toBe(201);
    expect(n1.body).toMatchObject({
      itemCode: 'shoes',
      size: '34',
      estCost: 15000,
      status: 'open',
      quantity: 1,
    });
    await coordA.post(`/api/children/${b.body.id}/needs`, {
      itemId: shoes.id,
      size: '34',
      estCost: 14000,
      quantity: 2,
    });
    await coordA.post(`/api/children/${b.body.id}/needs`, { itemId: backpack.id, size: 'XL' });
    const badCost = await coordA.post(`/api/children/${b.body.id}/needs`, {
      itemId: backpack.id,
      estCost: '12,5',
    });
    expect(badCost.status).toBe(400);
    expect(badCost.body.error.fields).toHaveProperty('estCost');

    const summary = await coordA.get('/api/children/needs-summary?org=SA');
    const shoes34 = summary.body.rows.find(
      (r: { itemCode: string; size: string }) => r.itemCode === 'shoes' && r.size === '34',
    );
    expect(shoes34).toMatchObject({ quantity: 3, children: 2, estCost: 15000 + 2 * 14000 });
    const pack = summary.body.rows.find((r: { itemCode: string }) => r.itemCode === 'backpack');
    expect(pack).toMatchObject({ size: null, quantity: 1, estCost: 10000 });

    const filtered = await coordA.get('/api/children?need=shoes&limit=100');
    expect(filtered.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );

    const stale = await coordA.patch(`/api/children/${a.body.id}/needs/${n1.body.id}`, {
      version: 1,
      status: 'pledged',
    });
    expect(stale.status).toBe(200);
    expect(
      (
        await coordA.patch(`/api/children/${a.body.id}/needs/${n1.body.id}`, {
          version: 1,
          status: 'delivered',
        })
      ).status,
    ).toBe(409);
    expect((await coordB.get(`/api/children/${a.body.id}/needs`)).status).toBe(404);
    expect((await coordA.delete(`/api/children/${a.body.id}/needs/${n1.body.id}`)).status).toBe(204);
    expect((await coordA.get(`/api/children/${a.body.id}/needs`)).body).toEqual([]);
  });

  it('lets only an admin edit the need-items catalogue', async () => {
    const res = await coordA.post('/api/need-items', {
      code: 'glasses',
      nameKk: 'көзілдірік',
      nameRu: 'очки',
      nameEn: 'glasses',
    });
    expect(res.status).toBe(403);
    const created = await t.services.needs.createItem(given(t.services).operator, {
      code: 'glasses',
      nameKk: 'көзілдірік',
      nameRu: 'очки',
      nameEn: 'glasses',
      hasSize: false,
    });
    expect(created).toMatchObject({ code: 'glasses', active: true });
  });
});

describe('children: the need-items catalogue over HTTP', () => {
  it('lets an admin rename an item in three languages, refusing a stale version', async () => {
    const g = given(t.services);
    await g.user('admin', 'SA', 'admin@test.kz');
    const admin = HttpClient.withToken(t.url, await g.token('admin@test.kz'));
    const items = (await admin.get('/api/need-items')).body as {
      id: string;
      code: string;
      version: number;
    }[];
    const uniform = items.find((i) => i.code === 'uniform')!;
    const renamed = await admin.patch(`/api/need-items/${uniform.id}`, {
      version: uniform.version,
      nameKk: 'мектеп формасы (жиынтық)',
      nameRu: 'школьная форма (комплект)',
      defaultCost: 27000,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      nameRu: 'школьная форма (комплект)',
      defaultCost: 27000,
      version: uniform.version + 1,
    });
    expect(
      (await admin.patch(`/api/need-items/${uniform.id}`, { version: uniform.version, nameEn: 'x' })).status,
    ).toBe(409);
    expect(
      (await coordA.patch(`/api/need-items/${uniform.id}`, { version: renamed.body.version, nameEn: 'x' }))
        .status,
    ).toBe(403);
  });
});

describe('children: lists and export', () => {
  it('pages through a long list with a keyset cursor in every sort order without losing or repeating anyone', async () => {
    for (let i = 0; i < 23; i += 1) {
      await coordB.post(
        '/api/children',
        child({
          surname: `Тестов${String.fromCharCode(1072 + (i % 20))}`,
          name: 'Пётр',
          classLabel: `${(i % 11) + 1}Б`,
          birthDate: `2012-01-${String((i % 28) + 1).padStart(2, '0')}`,
        }),
      );
    }
    for (const sort of ['name', '-name', 'class', '-class', 'birthDate', '-birthDate', 'updated']) {
      const all = (await coordB.get(`/api/children?limit=500&sort=${sort}`)).body;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await coordB.get(
          `/api/children?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all.items.map((c: { id: string }) => c.id));
      expect(all.total).toBe(seen.length);
    }
    const byClass = (await coordB.get('/api/children?class=3&limit=100')).body.items;
    expect(byClass.every((c: { grade: number }) => c.grade === 3)).toBe(true);
    const search = (await coordB.get(`/api/children?q=${encodeURIComponent('тестовв')}`)).body.items;
    expect(search.length).toBeGreaterThan(0);
  });

  it('exports exactly the filtered list to a readable XLSX, neutralising formulas, and audits the export', async () => {
    await coordA.post(
      '/api/children',
      child({
        surname: 'Формулов',
        classLabel: '9Г',
        address: '=HYPERLINK("http://evil","x")',
        guardians: [{ name: 'Формулова Анна', phone: '+7 700 123 45 67' }],
      }),
    );
    await coordA.post(
      '/api/children',
      child({
        surname: 'Другой',
        classLabel: '9Г',
        iin: makeValidIin('2010-10-10', 'm', 9),
        birthDate: '2010-10-10',
      }),
    );
    const before = (await auditOf('export')).length;
    const list = (await coordA.get('/api/children?class=9Г&limit=500')).body.items as {
      surname: string;
      iin: string | null;
    }[];
    const res = await fetch(`${t.url}/api/children/export.xlsx?class=9Г&lang=ru`, {
      headers: { authorization: `Bearer ${tokens['coord.a@test.kz']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('ИИН');
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        rows.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')),
        );
    });
    expect(rows.map((r) => r[1])).toEqual(list.map((c) => c.surname));
    expect(rows.map((r) => r[0])).toEqual(list.map((c) => c.iin ?? ''));
    const formula = rows.find((r) => r[1] === 'Формулов')!;
    expect(formula[10]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(formula[9]).toBe("'+7 700 123 45 67");
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const teacherExport = await fetch(`${t.url}/api/children/export.xlsx`, {
      headers: { authorization: `Bearer ${tokens['teacher.a@test.kz']}` },
    });
    const teacherBook = new ExcelJS.Workbook();
    await teacherBook.xlsx.load(await teacherExport.arrayBuffer());
    const classes: string[] = [];
    teacherBook.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) classes.push(row.getCell(7).text);
    });
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(['5А']));
    const audit = await auditOf('export');
    expect(audit).toHaveLength(before + 2);
    expect(JSON.parse(audit.find((a) => a.actor === 'coord.a@test.kz')!.details!)).toMatchObject({
      count: 2,
      filter: { class: '9Г' },
    });
  });
});

describe('report facts', () => {
  it('are kept equal to a rebuild from the records by every write above', async () => {
    await expectFactsMatchRebuild(t.database.db);
  });
});
