import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

let t: TestApp;
let officerC1: HttpClient;
let coordA: HttpClient;
let coordC: HttpClient;
let teacherA: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('officer', 'C1');
  await g.user('coordinator', 'SA');
  await g.user('coordinator', 'SC');
  await g.user('teacher', 'SA');
  officerC1 = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  coordA = HttpClient.withToken(t.url, await g.token('coordinator.sa@test.kz'));
  coordC = HttpClient.withToken(t.url, await g.token('coordinator.sc@test.kz'));
  teacherA = HttpClient.withToken(t.url, await g.token('teacher.sa@test.kz'));
});
afterAll(() => t.close());

describe('campaigns', () => {
  it("opens an officer's campaign for every school below it, with 1 Aug – 30 Sep by default", async () => {
    const opened = await officerC1.post('/api/campaigns', {
      year: 2025,
      mottoRu: 'Дорога в школу — добро без границ',
      mottoKk: 'Мектепке жол — шекарасыз мейірім',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ orgCode: 'C1', year: 2025, from: '2025-08-01', to: '2025-09-30' });
    const forSchool = await coordA.get('/api/campaigns/effective?year=2025');
    expect(forSchool.status).toBe(200);
    expect(forSchool.body).toMatchObject({ id: opened.body.id, canManage: false });
    expect((await coordC.get('/api/campaigns/effective?year=2025')).status).toBe(404);
    expect((await coordA.get('/api/campaigns')).body.items.map((c: { year: number }) => c.year)).toEqual([
      2025,
    ]);
  });

  it('refuses a second campaign of the same year in the same tree, but lets another school open its own', async () => {
    const again = await coordA.post('/api/campaigns', { year: 2025 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('C1');
    const own = await coordC.post('/api/campaigns', { year: 2025, mottoRu: 'Своя' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ orgCode: 'SC', canManage: true });
    expect((await teacherA.post('/api/campaigns', { year: 2026 })).status).toBe(403);
  });

  it('refuses dates outside the year or an end before the start, naming the field', async () => {
    const outside = await coordA.post('/api/campaigns', { year: 2027, from: '2026-08-01' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toHaveProperty('from');
    const reversed = await coordA.post('/api/campaigns', {
      year: 2027,
      from: '2027-09-01',
      to: '2027-08-01',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toHaveProperty('to');
    expect((await coordA.get('/api/campaigns?year=2027')).body.items).toEqual([]);
  });

  it('makes a closed campaign read-only, with the reason, until it is reopened (audited)', async () => {
    const c = (await coordC.get('/api/campaigns/effective?year=2025')).body;
    const closed = await coordC.post(`/api/campaigns/${c.id}/close`, { version: c.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const edit = await coordC.patch(`/api/campaigns/${c.id}`, { version: closed.body.version, goals: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('campaign_closed');
    expect(edit.body.error.message).toMatch(/2025.*закрыта/);
    const noReason = await coordC.post(`/api/campaigns/${c.id}/reopen`, { version: closed.body.version });
    expect(noReason.status).toBe(400);
    const reopened = await coordC.post(`/api/campaigns/${c.id}/reopen`, {
      version: closed.body.version,
      reason: 'Дополнить итоги',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'campaign')
      .where('entity_id', '=', c.id)
      .where('action', '=', 'reopen')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ reason: 'Дополнить итоги' });
  });

  it("does not let a school edit its officer's campaign, and hides another tree's campaign", async () => {
    const c = (await coordA.get('/api/campaigns/effective?year=2025')).body;
    expect((await coordA.patch(`/api/campaigns/${c.id}`, { version: c.version, goals: 'x' })).status).toBe(
      403,
    );
    const other = (await coordC.get('/api/campaigns/effective?year=2025')).body;
    expect((await coordA.get(`/api/campaigns/${other.id}`)).status).toBe(404);
  });
});
