import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given, PASSWORD } from '../../test/given.ts';

let t: TestApp;
let officer: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('officer', 'C1', 'officer@test.kz');
  await g.user('teacher', 'SA', 'teacher@test.kz', ['5А']);
  await g.user('coordinator', 'SC', 'coord.sc@test.kz');
  officer = new HttpClient(t.url);
  await officer.login('officer@test.kz', PASSWORD);
});
afterAll(() => t.close());

describe('users', () => {
  it('lets an officer create school staff below it, who can then sign in', async () => {
    const res = await officer.post('/api/users', {
      email: 'New.Coord@Test.kz',
      name: 'Новый',
      role: 'coordinator',
      orgCode: 'SB',
      password: 'long enough pw',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'new.coord@test.kz', orgUnitCode: 'SB', disabled: false });
    await new HttpClient(t.url).login('new.coord@test.kz', 'long enough pw');
  });

  it('refuses what an officer may not do: admins, units outside, a role that does not fit the unit', async () => {
    expect(
      (
        await officer.post('/api/users', {
          email: 'a1@test.kz',
          name: 'x',
          role: 'admin',
          orgCode: 'SA',
          password: 'long enough pw',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await officer.post('/api/users', {
          email: 'a2@test.kz',
          name: 'x',
          role: 'coordinator',
          orgCode: 'SC',
          password: 'long enough pw',
        })
      ).status,
    ).toBe(400);
    const wrongRole = await officer.post('/api/users', {
      email: 'a3@test.kz',
      name: 'x',
      role: 'teacher',
      orgCode: 'C1',
      password: 'long enough pw',
    });
    expect(wrongRole.status).toBe(403);
    const short = await officer.post('/api/users', {
      email: 'a4@test.kz',
      name: 'x',
      role: 'teacher',
      orgCode: 'SA',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toMatch(/10/);
  });

  it('lists only users of the officer scope and refuses the list to a teacher', async () => {
    const list = await officer.get('/api/users');
    const emails = list.body.items.map((u: { email: string }) => u.email);
    expect(emails).toContain('teacher@test.kz');
    expect(emails).not.toContain('coord.sc@test.kz');
    const teacher = new HttpClient(t.url);
    await teacher.login('teacher@test.kz', PASSWORD);
    expect((await teacher.get('/api/users')).status).toBe(403);
  });

  it('disables a user: their sessions end and they cannot sign in', async () => {
    const c = new HttpClient(t.url);
    await c.login('teacher@test.kz', PASSWORD);
    const user = (await officer.get('/api/users?q=teacher@')).body.items[0];
    const res = await officer.patch(`/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new HttpClient(t.url).post('/api/auth/login', { email: 'teacher@test.kz', password: PASSWORD }))
        .status,
    ).toBe(401);
    const stale = await officer.patch(`/api/users/${user.id}`, { version: user.version, disabled: false });
    expect(stale.status).toBe(409);
  });
});
