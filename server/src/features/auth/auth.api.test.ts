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

  it('makes an address wait after repeated failures (429) even for the right password, counting its real address', async () => {
    const c = new HttpClient(t.url);
    // Without a configured proxy X-Forwarded-For is not believed: rotating it changes nothing.
    const from = (n: number) => ({ 'x-forwarded-for': `1.2.3.${n}` });
    const attempt = (password: string, n: number) =>
      c.request('POST', '/api/auth/login', { email: 'locked@test.kz', password }, from(n));
    expect((await attempt('wrong-password', 1)).status).toBe(401);
    expect((await attempt('wrong-password', 2)).status).toBe(401);
    expect((await attempt('wrong-password', 3)).status).toBe(429);
    expect((await attempt(PASSWORD, 4)).status).toBe(429);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'ip'])
      .where('actor', '=', 'locked@test.kz')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['login_failed', 'login_failed', 'login_locked']);
    expect(new Set(audit.map((a) => a.ip))).toEqual(new Set(['127.0.0.1']));
  });
});

describe('sign-in behind a configured proxy', () => {
  let behind: TestApp;
  beforeAll(async () => {
    behind = await startTestApp({ LOGIN_MAX_ATTEMPTS: 3, TRUST_PROXY: '127.0.0.1' });
    const g = given(behind.services);
    await g.tree();
    await g.user('teacher', 'SA', 'owner@test.kz');
  });
  afterAll(() => behind.close());
  const login = (email: string, password: string, ip: string) =>
    new HttpClient(behind.url).request(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': ip },
    );

  it('lets no stranger lock the owner out, and records the client’s real address', async () => {
    for (let i = 0; i < 2; i++)
      expect((await login('owner@test.kz', 'guess-guess-guess', '10.0.0.66')).status).toBe(401);
    expect((await login('owner@test.kz', 'guess-guess-guess', '10.0.0.66')).status).toBe(429);
    expect((await login('owner@test.kz', PASSWORD, '10.0.0.66')).status).toBe(429);
    // The owner, from their own address, signs in.
    expect((await login('owner@test.kz', PASSWORD, '10.0.0.7')).status).toBe(200);
    const audit = await behind.database.db
      .selectFrom('audit_log')
      .select(['action', 'ip'])
      .where('actor', '=', 'owner@test.kz')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.ip}`)).toEqual([
      'login_failed 10.0.0.66',
      'login_failed 10.0.0.66',
      'login_locked 10.0.0.66',
      'login 10.0.0.7',
    ]);
  });

  it('answers an unknown e-mail exactly as a known one, up to the wait', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const k = await login('owner@test.kz', 'guess-guess-guess', '10.0.1.1');
      const u = await login('nobody.here@test.kz', 'guess-guess-guess', '10.0.1.2');
      known.push([k.status, k.body]);
      unknown.push([u.status, u.body]);
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => (k as [number])[0])).toEqual([401, 401, 429, 429]);
  });

  const client = (ip: string) => new HttpClient(behind.url, { headers: { 'x-forwarded-for': ip } });

  it('binds the CSRF token to its session: another user’s token and secret do not work with my session', async () => {
    await given(behind.services).user('teacher', 'SA', 'victim@test.kz');
    const attacker = client('10.0.3.1');
    const victim = client('10.0.3.2');
    await attacker.login('owner@test.kz', PASSWORD);
    await victim.login('victim@test.kz', PASSWORD);
    const forged = await new HttpClient(behind.url).request(
      'PATCH',
      '/api/auth/me',
      { lang: 'en' },
      {
        cookie: `mj_session=${victim.cookie('mj_session')}; _csrf=${attacker.cookie('_csrf')}`,
        'x-csrf-token': attacker.csrfToken!,
        'x-forwarded-for': '10.0.3.2',
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf');
    expect((await victim.patch('/api/auth/me', { lang: 'kk' })).status).toBe(200);
  });

  it('revokes the API tokens of a user whose password changes, and refuses common passwords', async () => {
    await given(behind.services).user('director', 'SA', 'tokens@test.kz');
    const c = client('10.0.4.1');
    await c.login('tokens@test.kz', PASSWORD);
    const program = HttpClient.withToken(
      behind.url,
      (await c.post('/api/auth/tokens', { name: 'x' })).body.token,
    );
    expect((await program.get('/api/auth/me')).status).toBe(200);
    for (const weak of ['aaaaaaaaaa', 'password123', '1234567890', 'qwertyuiop']) {
      const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(res.body.error.fields.newPassword, weak).toContain('угадать');
    }
    expect((await program.get('/api/auth/me')).status).toBe(200);
    expect(
      (await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new secret' }))
        .status,
    ).toBe(204);
    expect((await program.get('/api/auth/me')).status).toBe(401);
    const admin = await given(behind.services).user('admin', 'KZ', 'admin.pw@test.kz');
    expect(admin).toBeTruthy();
    const adm = client('10.0.4.2');
    await adm.login('admin.pw@test.kz', PASSWORD);
    const weakUser = await adm.post('/api/users', {
      email: 'weak@test.kz',
      name: 'Weak',
      role: 'teacher',
      orgCode: 'SA',
      password: 'qwerty12345',
    });
    expect(weakUser.status).toBe(400);
    expect(weakUser.body.error.fields).toHaveProperty('password');
  });

  it('tells browsers and proxies to store no API answer', async () => {
    const c = client('10.0.5.1');
    await c.login('victim@test.kz', PASSWORD);
    for (const path of ['/api/auth/me', '/api/children', '/api/children/nope', '/api/hotline']) {
      const res = await c.get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('makes one address that fails on many accounts wait', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await login(`spray${i}@test.kz`, 'guess-guess-guess', '10.0.2.2')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await login('owner@test.kz', PASSWORD, '10.0.2.3')).status).toBe(200);
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
