import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given, PASSWORD } from '../../test/given.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_ATTEMPTS: 3 });
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord@test.kz');
  await g.user('teacher', 'SA', 'locked@test.kz');
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in, tells who I am with my org unit, and signs out', async () => {
    const c = new HttpClient(t.url);
    const login = await c.login('coord@test.kz', PASSWORD);
    expect(login.body.user).toMatchObject({
      email: 'coord@test.kz',
      role: 'coordinator',
      orgUnit: { code: 'SA' },
    });
    const cookie = login.headers.getSetCookie().find((h) => h.startsWith('mj_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/auth/me')).body.user.email).toBe('coord@test.kz');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown user alike, with 401 in the caller language', async () => {
    const c = new HttpClient(t.url, { lang: 'kk' });
    const wrong = await c.post('/api/auth/login', { email: 'coord@test.kz', password: 'nope-nope-nope' });
    const unknown = await c.post('/api/auth/login', { email: 'nobody@test.kz', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toContain('құпиясөз');
  });

  it('refuses unknown fields, wrong types and malformed JSON with 400 in the error shape', async () => {
    const c = new HttpClient(t.url);
    const extra = await c.post('/api/auth/login', {
      email: 'coord@test.kz',
      password: PASSWORD,
      admin: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toHaveProperty('admin');
    const types = await c.post('/api/auth/login', { email: 42, password: PASSWORD });
    expect(types.status).toBe(400);
    expect(types.body.error.fields).toHaveProperty('email');
    const malformed = await c.request('POST', '/api/auth/login', '{"email": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
    expect(c.hasCookie('mj_session')).toBe(false);
  });

  it('refuses an oversized body with 413', async () => {
    const c = new HttpClient(t.url);
    const res = await c.post('/api/auth/login', {
      email: 'x@test.kz',
      password: 'p'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });

  it('locks an account after repeated failures (429) even for the right password', async () => {
    const c = new HttpClient(t.url);
    for (let i = 0; i < 2; i++)
      expect(
        (await c.post('/api/auth/login', { email: 'locked@test.kz', password: 'wrong-password' })).status,
      ).toBe(401);
    expect(
      (await c.post('/api/auth/login', { email: 'locked@test.kz', password: 'wrong-password' })).status,
    ).toBe(429);
    const right = await c.post('/api/auth/login', { email: 'locked@test.kz', password: PASSWORD });
    expect(right.status).toBe(429);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor', '=', 'locked@test.kz')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['login_failed', 'login_failed', 'login_locked']);
  });
});

describe('CSRF and tokens', () => {
  it('refuses a cookie-authenticated write without the CSRF token (403) and accepts it with the token', async () => {
    const c = new HttpClient(t.url);
    await c.login('coord@test.kz', PASSWORD);
    const withToken = await c.patch('/api/auth/me', { lang: 'kk' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.user.lang).toBe('kk');
    c.forgetCsrf();
    const without = await c.patch('/api/auth/me', { lang: 'en' });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf');
  });

  it('creates an API token that acts with its user rights, needs no CSRF, and stops working when revoked', async () => {
    const c = new HttpClient(t.url);
    await c.login('coord@test.kz', PASSWORD);
    const created = await c.post('/api/auth/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const program = HttpClient.withToken(t.url, created.body.token);
    expect((await program.get('/api/auth/me')).body.user.email).toBe('coord@test.kz');
    expect((await program.patch('/api/auth/me', { lang: 'ru' })).status).toBe(200);
    const row = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(created.body.token);
    expect((await c.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await program.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    await given(t.services).user('director', 'SA', 'dir@test.kz');
    const a = new HttpClient(t.url);
    const b = new HttpClient(t.url);
    await a.login('dir@test.kz', PASSWORD);
    await b.login('dir@test.kz', PASSWORD);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a brand new secret',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('currentPassword');
    expect(
      (await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new secret' }))
        .status,
    ).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new HttpClient(t.url).post('/api/auth/login', { email: 'dir@test.kz', password: PASSWORD }))
        .status,
    ).toBe(401);
    await new HttpClient(t.url).login('dir@test.kz', 'a brand new secret');
  });
});
