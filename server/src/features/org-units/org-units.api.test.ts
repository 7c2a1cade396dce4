import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given, PASSWORD } from '../../test/given.ts';

let t: TestApp;
let coordA: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('officer', 'C1', 'officer.c1@test.kz');
  await g.user('officer', 'R1', 'officer.r1@test.kz');
  coordA = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
});
afterAll(() => t.close());

describe('org units and scope', () => {
  it("gives a school coordinator's token 404 for another school, as if it did not exist", async () => {
    expect((await coordA.get('/api/org-units/SA')).status).toBe(200);
    const other = await coordA.get('/api/org-units/SB');
    const missing = await coordA.get('/api/org-units/NOPE');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await coordA.get('/api/org-units?org=SB')).status).toBe(404);
    expect((await coordA.get('/api/org-units')).body.items.map((u: { code: string }) => u.code)).toEqual([
      'SA',
    ]);
  });

  it('shows an officer its own unit and those below, in tree order, and pages through them', async () => {
    const officer = new HttpClient(t.url);
    await officer.login('officer.r1@test.kz', PASSWORD);
    const all = await officer.get('/api/org-units');
    expect(all.body.items.map((u: { code: string }) => u.code)).toEqual(['R1', 'C1', 'SA', 'SB', 'C2', 'SC']);
    const first = await officer.get('/api/org-units?limit=4');
    expect(first.body.items).toHaveLength(4);
    const second = await officer.get(`/api/org-units?limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((u: { code: string }) => u.code)).toEqual(['C2', 'SC']);
    expect(second.body.nextCursor).toBeNull();
    const narrowed = await officer.get('/api/org-units?org=C1&type=school');
    expect(narrowed.body.items.map((u: { code: string }) => u.code)).toEqual(['SA', 'SB']);
  });

  it('lets an officer add a school below, refusing a wrong type, a taken code and an outside parent', async () => {
    const officer = new HttpClient(t.url);
    await officer.login('officer.c1@test.kz', PASSWORD);
    const created = await officer.post('/api/org-units', {
      code: 'sd',
      parentCode: 'C1',
      type: 'school',
      nameRu: 'Школа Г',
      nameKk: 'Г мектебі',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'SD', path: '/KZ/R1/C1/SD/', parentCode: 'C1' });
    const wrongType = await officer.post('/api/org-units', {
      code: 'SE',
      parentCode: 'C1',
      type: 'region',
      nameRu: 'x',
      nameKk: 'x',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields).toHaveProperty('type');
    const taken = await officer.post('/api/org-units', {
      code: 'SA',
      parentCode: 'C1',
      type: 'school',
      nameRu: 'x',
      nameKk: 'x',
    });
    expect(taken.status).toBe(409);
    const outside = await officer.post('/api/org-units', {
      code: 'SF',
      parentCode: 'C2',
      type: 'school',
      nameRu: 'x',
      nameKk: 'x',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toHaveProperty('parentCode');
    const badCode = await officer.post('/api/org-units', {
      code: 'a_b%',
      parentCode: 'C1',
      type: 'school',
      nameRu: 'x',
      nameKk: 'x',
    });
    expect(badCode.status).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'org_unit')
      .where('action', '=', 'create')
      .where('actor', '=', 'officer.c1@test.kz')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.org_path).toBe('/KZ/R1/C1/SD/');
  });

  it('refuses an edit based on a stale version with 409 instead of overwriting', async () => {
    const a = new HttpClient(t.url);
    await a.login('officer.c1@test.kz', PASSWORD);
    const unit = (await a.get('/api/org-units/SB')).body;
    const first = await a.patch('/api/org-units/SB', { version: unit.version, hotline: '8 (7212) 11-11-11' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(unit.version + 1);
    const stale = await a.patch('/api/org-units/SB', { version: unit.version, hotline: '8 (7212) 22-22-22' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await a.get('/api/org-units/SB')).body.hotline).toBe('8 (7212) 11-11-11');
  });

  it('lets school staff edit their own school contacts but not create units', async () => {
    const unit = (await coordA.get('/api/org-units/SA')).body;
    expect(
      (await coordA.patch('/api/org-units/SA', { version: unit.version, director: 'Директор' })).status,
    ).toBe(200);
    expect(
      (
        await coordA.post('/api/org-units', {
          code: 'SX',
          parentCode: 'SA',
          type: 'school',
          nameRu: 'x',
          nameKk: 'x',
        })
      ).status,
    ).toBe(403);
  });
});

describe('audit log', () => {
  it('shows an officer the audit of its units only, and refuses it to a coordinator', async () => {
    const officer = new HttpClient(t.url);
    await officer.login('officer.c1@test.kz', PASSWORD);
    const entries = (await officer.get('/api/audit?entity=org_unit')).body.items;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.orgPath).toMatch(/^\/KZ\/R1\/C1\//);
    expect(
      entries.some(
        (e: { action: string; actor: string }) => e.action === 'create' && e.actor === 'officer.c1@test.kz',
      ),
    ).toBe(true);
    expect((await coordA.get('/api/audit')).status).toBe(403);
    expect((await officer.get('/api/audit?org=C2')).status).toBe(404);
  });

  it('does not let an officer edit its own unit, only those below', async () => {
    const officer = new HttpClient(t.url);
    await officer.login('officer.c1@test.kz', PASSWORD);
    const own = (await officer.get('/api/org-units/C1')).body;
    expect((await officer.patch('/api/org-units/C1', { version: own.version, phone: '1' })).status).toBe(403);
  });
});
