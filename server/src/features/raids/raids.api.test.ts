import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

let t: TestApp;
let coord: HttpClient;
let officer: HttpClient;
let knownIds: string[];

const base = {
  heldOn: '2025-08-20',
  timeFrom: '18:00',
  timeTo: '21:30',
  places: [
    { kind: 'computer_club', name: 'Клуб «Кибер»' },
    { kind: 'market', name: 'Центральный рынок' },
  ],
  participants: [
    { kind: 'teachers', count: 3, organisations: null },
    { kind: 'police', count: 2, organisations: 'ОЮП УП г. Караганды' },
  ],
};

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA');
  await g.user('officer', 'C1');
  coord = HttpClient.withToken(t.url, await g.token('coordinator.sa@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  await coord.post('/api/campaigns', { year: 2025 });
  knownIds = [];
  for (const [surname, name] of <[string, string][]>[
    ['Ахметов', 'Данияр'],
    ['Сидорова', 'Анна'],
  ]) {
    const saved = await t.services.children.create(g.operator, {
      schoolCode: 'SA',
      surname,
      name,
      birthDate: '2011-03-04',
      classLabel: '8А',
    });
    knownIds.push(saved.child.id);
  }
});
afterAll(() => t.close());

describe('raids', () => {
  it('records a raid with the police that found three children, one new, each with a case', async () => {
    const raid = await coord.post('/api/raids', {
      ...base,
      children: [
        {
          childId: knownIds[0],
          reason: 'играл в компьютерном клубе в учебное время',
          action: 'доставлен домой',
        },
        { childId: knownIds[1], reason: 'торговала на рынке', action: 'беседа с матерью' },
        {
          newChild: { surname: 'Иванов', name: 'Пётр', birthDate: '2012-01-15', classLabel: '7Б' },
          reason: 'не учится с мая',
          action: 'передан инспектору ПДН',
        },
      ],
    });
    expect(raid.status).toBe(201);
    expect(raid.body.participants).toContainEqual({
      kind: 'police',
      count: 2,
      organisations: 'ОЮП УП г. Караганды',
    });
    expect(raid.body.children.map((c: { fullName: string }) => c.fullName)).toEqual([
      'Ахметов Данияр',
      'Сидорова Анна',
      'Иванов Пётр',
    ]);
    expect(raid.body.children.every((c: { caseId: string | null }) => c.caseId)).toBe(true);
    const newChild = await t.database.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', raid.body.children[2].childId)
      .executeTakeFirstOrThrow();
    expect(newChild).toMatchObject({ source: 'raid', status: 'proposed', not_attending: 1 });
    const cases = (await coord.get('/api/cases')).body.items;
    expect(cases.filter((c: { sourceId: string }) => c.sourceId === raid.body.id)).toHaveLength(3);
    expect((await officer.get('/api/raids?org=SA&year=2025')).body.items).toHaveLength(1);
  });

  it('refuses a raid with no place, a negative count or a child without a reason, naming the field, writing nothing', async () => {
    const noPlace = await coord.post('/api/raids', { ...base, places: [] });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.error.fields.places).toBe('Укажите хотя бы одно место рейда.');
    const negative = await coord.post('/api/raids', {
      ...base,
      participants: [{ kind: 'parents', count: -1 }],
    });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.fields)).toEqual(['participants.0.count']);
    const noReason = await coord.post('/api/raids', { ...base, children: [{ childId: knownIds[0] }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty(['children.0.reason']);
    const badChild = await coord.post('/api/raids', {
      ...base,
      children: [
        {
          newChild: { surname: 'Тест', name: 'Тест', birthDate: '2040-01-01', classLabel: '5А' },
          reason: 'x',
        },
      ],
    });
    expect(badChild.status).toBe(400);
    expect(badChild.body.error.fields).toHaveProperty(['children.0.newChild.birthDate']);
    expect((await coord.get('/api/raids')).body.items).toHaveLength(1);
    const strays = await t.database.db
      .selectFrom('children')
      .select('id')
      .where('surname', '=', 'Тест')
      .execute();
    expect(strays).toEqual([]);
  });

  it('records a raid once when the phone sends it twice with the same id', async () => {
    const id = uuidv7();
    const first = await coord.post('/api/raids', { ...base, id, heldOn: '2025-09-05' });
    const second = await coord.post('/api/raids', { ...base, id, heldOn: '2025-09-05' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(id);
    expect((await coord.get('/api/raids')).body.items).toHaveLength(2);
  });

  it("refuses a raid in a closed campaign's year with the reason, and edits to its raids", async () => {
    const c = (await coord.get('/api/campaigns/effective?year=2025')).body;
    await coord.post(`/api/campaigns/${c.id}/close`, { version: c.version });
    const res = await coord.post('/api/raids', { ...base, heldOn: '2025-09-10' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('campaign_closed');
    const raid = (await coord.get('/api/raids')).body.items[0];
    const edit = await coord.patch(`/api/raids/${raid.id}`, { version: raid.version, notes: 'x' });
    expect(edit.status).toBe(409);
    expect((await coord.get('/api/raids')).body.items).toHaveLength(2);
  });
});
