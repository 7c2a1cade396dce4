import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

let t: TestApp;
let coord: HttpClient;
let officer: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA');
  await g.user('officer', 'C1');
  coord = HttpClient.withToken(t.url, await g.token('coordinator.sa@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  const unit = (await coord.get('/api/org-units/SA')).body;
  await coord.patch('/api/org-units/SA', { version: unit.version, hotline: '8 (7212) 41-00-12' });
  await coord.post('/api/campaigns', { year: 2024 });
});
afterAll(() => t.close());

describe('hotline', () => {
  it("logs calls, anonymous ones too, with the school's number, and flags open calls older than 3 days", async () => {
    const old = await coord.post('/api/hotline', {
      receivedAt: new Date(Date.now() - 5 * 24 * 3600 * 1000).toISOString(),
      channel: 'phone',
      anonymous: true,
      caller: 'should be dropped',
      subject: 'Соседский мальчик не ходит в школу с начала сентября',
      about: 'семья Ахметовых, ул. Абая 5',
    });
    expect(old.status).toBe(201);
    expect(old.body).toMatchObject({ anonymous: true, caller: null, status: 'open', stale: true });
    const fresh = await coord.post('/api/hotline', {
      channel: 'messenger',
      caller: 'Мама ученицы 5Б',
      callerPhone: '+7 701 000 00 00',
      subject: 'Как получить помощь к школе',
      handler: 'Нурланова А.',
    });
    expect(fresh.body).toMatchObject({ anonymous: false, stale: false });
    const list = (await coord.get('/api/hotline')).body;
    expect(list.hotline).toBe('8 (7212) 41-00-12');
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([fresh.body.id, old.body.id]);
    expect((await officer.get('/api/hotline?org=SA')).body.items).toHaveLength(2);
  });

  it('refuses a call without a subject, naming the field, and writes nothing', async () => {
    const res = await coord.post('/api/hotline', { channel: 'phone', subject: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ subject: 'Заполните это поле.' });
    expect((await coord.get('/api/hotline')).body.items).toHaveLength(2);
  });

  it('moves a call forward to closed, never back', async () => {
    const call = (await coord.get('/api/hotline')).body.items[0];
    const working = await coord.patch(`/api/hotline/${call.id}`, {
      version: call.version,
      status: 'in_progress',
    });
    expect(working.status).toBe(200);
    const closed = await coord.patch(`/api/hotline/${call.id}`, {
      version: working.body.version,
      status: 'closed',
      actionTaken: 'Проконсультировали, приняли заявление',
    });
    expect(closed.body.closedAt).not.toBeNull();
    const back = await coord.patch(`/api/hotline/${call.id}`, {
      version: closed.body.version,
      status: 'open',
    });
    expect(back.status).toBe(400);
    expect(back.body.error.fields).toHaveProperty('status');
  });

  it('opens a non-attendance case from a call', async () => {
    const call = (await coord.get('/api/hotline')).body.items[1];
    const res = await coord.post(`/api/hotline/${call.id}/case`, { childName: 'Ахметов Ерлан' });
    expect(res.status).toBe(200);
    expect(res.body.caseId).toBeTruthy();
    const kase = (await coord.get(`/api/cases/${res.body.caseId}`)).body;
    expect(kase).toMatchObject({ source: 'hotline', sourceId: call.id, childName: 'Ахметов Ерлан' });
  });

  it('puts the child a call is about on the list as proposed, source hotline, with a case', async () => {
    const call = (await coord.post('/api/hotline', { channel: 'phone', subject: 'Девочка просит милостыню' }))
      .body;
    const res = await coord.post(`/api/hotline/${call.id}/child`, {
      newChild: { surname: 'Серикова', name: 'Алия', birthDate: '2014-04-04', classLabel: '5В' },
      openCase: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.childId).toBeTruthy();
    expect(res.body.caseId).toBeTruthy();
    const child = await t.database.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', res.body.childId)
      .executeTakeFirstOrThrow();
    expect(child).toMatchObject({ source: 'hotline', status: 'proposed' });
    const bad = await coord.post(`/api/hotline/${call.id}/child`, {
      newChild: { surname: '', name: 'Алия', birthDate: '2014-04-04', classLabel: '5В' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['newChild.surname']);
  });

  it('logs a call once when sent twice with the same id', async () => {
    const id = uuidv7();
    const body = { id, channel: 'sms', subject: 'Вопрос о форме' };
    expect((await coord.post('/api/hotline', body)).status).toBe(201);
    expect((await coord.post('/api/hotline', body)).status).toBe(200);
    expect(
      (await coord.get('/api/hotline')).body.items.filter((c: { id: string }) => c.id === id),
    ).toHaveLength(1);
  });

  it("refuses calls in a closed campaign's year with the reason", async () => {
    const c = (await coord.get('/api/campaigns/effective?year=2024')).body;
    await coord.post(`/api/campaigns/${c.id}/close`, { version: c.version });
    const res = await coord.post('/api/hotline', {
      receivedAt: '2024-08-15T10:00:00+05:00',
      channel: 'phone',
      subject: 'x',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('2024');
  });
});
