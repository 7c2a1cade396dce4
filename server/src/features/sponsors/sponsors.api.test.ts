import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { addChildren } from '../aid/help-fixtures.ts';
import { expectFactsMatchRebuild } from '../reports/test/facts-check.ts';

let t: TestApp;
let coordA: HttpClient;
let coordB: HttpClient;
let officer: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('coordinator', 'SB', 'coord.b@test.kz');
  await g.user('officer', 'C1', 'officer.c1@test.kz');
  coordA = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
  coordB = HttpClient.withToken(t.url, await g.token('coord.b@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
});
afterAll(() => t.close());

describe('sponsors', () => {
  it('names every sponsor type in kk, ru and en', async () => {
    const res = await coordA.get('/api/reference/sponsor-types');
    expect(res.body.items).toHaveLength(9);
    expect(res.body.items[2]).toEqual({
      code: 'entrepreneur',
      kk: expect.any(String),
      ru: 'ИП',
      en: expect.any(String),
    });
  });

  it('keeps a school’s sponsors to its scope and shows a district’s sponsors to its schools', async () => {
    const own = await coordA.post('/api/sponsors', {
      name: 'ИП «Нұрлан»',
      type: 'entrepreneur',
      anonymous: true,
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ orgCode: 'SA', anonymous: true, editable: true });
    const district = await officer.post('/api/sponsors', {
      name: 'Профсоюз работников образования',
      type: 'ngo',
    });
    expect(district.body.orgCode).toBe('C1');
    expect((await coordB.get(`/api/sponsors/${own.body.id}`)).status).toBe(404);
    const seenByB = await coordB.get('/api/sponsors');
    expect(seenByB.body.items.map((s: { name: string }) => s.name)).toEqual([
      'Профсоюз работников образования',
    ]);
    expect(seenByB.body.items[0].editable).toBe(false);
    expect((await coordB.patch(`/api/sponsors/${district.body.id}`, { version: 1, head: 'x' })).status).toBe(
      403,
    );
    const all = await officer.get('/api/sponsors?org=C1');
    expect(all.body.items).toHaveLength(2);
  });

  it('refuses a second sponsor with the same name in a unit and an edit on a stale version', async () => {
    const dup = await coordA.post('/api/sponsors', { name: 'ип  "нұрлан"', type: 'entrepreneur' });
    expect(dup.status).toBe(409);
    const list = await coordA.get('/api/sponsors?q=нұрлан');
    const s = list.body.items[0];
    expect(
      (await coordA.patch(`/api/sponsors/${s.id}`, { version: s.version, head: 'Нұрлан Ж.' })).status,
    ).toBe(200);
    expect((await coordA.patch(`/api/sponsors/${s.id}`, { version: s.version, head: 'x' })).status).toBe(409);
  });

  it('merges a duplicate: its pledges and aid move to the sponsor kept, audited', async () => {
    const keep = (await coordA.post('/api/sponsors', { name: 'Выпускники 2005 года', type: 'alumni' })).body;
    const dup = (await coordA.post('/api/sponsors', { name: 'Выпускники-2005', type: 'alumni' })).body;
    const kids = await addChildren(t.database, 'SA', 3, { categories: [] });
    const aid = await coordA.post('/api/aid/handovers', {
      date: '2024-08-20',
      source: 'sponsor',
      sponsorId: dup.id,
      form: 'money',
      lines: kids.map((k) => ({ childId: k.id, amount: 10000 })),
    });
    expect(aid.status).toBe(201);
    const pledge = await coordA.post('/api/pledges', {
      sponsorId: dup.id,
      form: 'money',
      amount: 50000,
      dueDate: '2024-09-01',
    });
    expect(pledge.status).toBe(201);
    const merged = await coordA.post(`/api/sponsors/${keep.id}/merge`, { duplicateId: dup.id });
    expect(merged.status).toBe(200);
    expect((await coordA.get(`/api/sponsors/${dup.id}`)).status).toBe(404);
    const history = await coordA.get(`/api/sponsors/${keep.id}/history`);
    expect(history.body.years).toEqual([expect.objectContaining({ year: 2024, students: 3, amount: 30000 })]);
    expect(history.body.pledges.open).toBe(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'sponsor')
      .where('action', '=', 'merge')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ duplicateId: dup.id, moved: { pledges: 1, aid: 3 } });
  });
});

describe('pledges', () => {
  it('lists overdue pledges and turns a delivered pledge into aid for its children', async () => {
    const sponsor = (await coordA.post('/api/sponsors', { name: 'АО «Шубарколь Комир»', type: 'company' }))
      .body;
    const kids = await addChildren(t.database, 'SA', 3, { categories: [], needs: ['uniform'] });
    const needs = await t.database.db
      .selectFrom('child_needs')
      .select('id')
      .where(
        'child_id',
        'in',
        kids.map((k) => k.id),
      )
      .execute();
    const pledge = await coordA.post('/api/pledges', {
      sponsorId: sponsor.id,
      form: 'goods',
      amount: '75 001',
      needIds: needs.map((n) => n.id),
      dueDate: '01.08.2020',
    });
    expect(pledge.status).toBe(201);
    expect(pledge.body.childIds).toHaveLength(3);
    const overdue = await coordA.get('/api/pledges?overdue=true');
    expect(overdue.body.items.map((p: { id: string }) => p.id)).toContain(pledge.body.id);
    const delivered = await coordA.post(`/api/pledges/${pledge.body.id}/deliver`, {
      version: pledge.body.version,
      date: '2023-08-25',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.pledge.status).toBe('delivered');
    const handover = (await coordA.get(`/api/aid/handovers/${delivered.body.pledge.handoverId}`)).body;
    expect(handover.total).toBe(75_001);
    expect(handover.lines.map((l: { amount: number }) => l.amount)).toEqual([25_001, 25_000, 25_000]);
    expect(handover.lines[0].items).toEqual([{ item: 'uniform', quantity: 1 }]);
    const left = await t.database.db
      .selectFrom('child_needs')
      .select('status')
      .where(
        'id',
        'in',
        needs.map((n) => n.id),
      )
      .execute();
    expect(left.every((n) => n.status === 'delivered')).toBe(true);
    const again = await coordA.post(`/api/pledges/${pledge.body.id}/deliver`, {
      version: delivered.body.pledge.version,
      date: '2023-08-25',
    });
    expect(again.status).toBe(409);
  });

  it('cancels an open pledge with a reason', async () => {
    const sponsor = (await coordA.post('/api/sponsors', { name: 'Родительский комитет 5А', type: 'parents' }))
      .body;
    const p = (
      await coordA.post('/api/pledges', {
        sponsorId: sponsor.id,
        form: 'money',
        amount: 20000,
        dueDate: '2030-09-01',
      })
    ).body;
    const res = await coordA.post(`/api/pledges/${p.id}/cancel`, {
      version: p.version,
      reason: 'Спонсор отказался',
    });
    expect(res.body).toMatchObject({
      status: 'cancelled',
      statusReason: 'Спонсор отказался',
      overdue: false,
    });
  });
});

describe('report facts', () => {
  it('are kept equal to a rebuild from the records by every write above', async () => {
    await expectFactsMatchRebuild(t.database.db);
  });
});
