import { startTestApp, type TestApp } from './test/test-app.ts';
import { HttpClient } from './test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the server', () => {
  it('answers health, sets security headers with a strict CSP', async () => {
    const res = await new HttpClient(t.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const res = await new HttpClient(t.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/org-units', '/api/users']),
    );
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });

  it('answers unknown API paths and anonymous calls in the error shape', async () => {
    const c = new HttpClient(t.url, { lang: 'en' });
    const missing = await c.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Not found.' });
    const anon = await c.get('/api/org-units');
    expect(anon.status).toBe(401);
    expect(anon.body.error.message).toBe('Please sign in.');
  });
});

describe('first-run setup', () => {
  it('creates the first administrator once with the one-time token, never with a default password', async () => {
    const c = new HttpClient(t.url);
    expect((await c.get('/api/setup/status')).body).toEqual({ needed: true });
    const token = (await t.services.setup.issueToken())!;
    const bad = await c.post('/api/setup', {
      token: 'guess',
      name: 'A',
      email: 'admin@test.kz',
      password: 'long enough pw',
    });
    expect(bad.status).toBe(403);
    const ok = await c.post('/api/setup', {
      token,
      name: 'Админ',
      email: 'admin@test.kz',
      password: 'long enough pw',
    });
    expect(ok.status).toBe(201);
    expect((await c.get('/api/setup/status')).body).toEqual({ needed: false });
    const again = await c.post('/api/setup', {
      token,
      name: 'B',
      email: 'b@test.kz',
      password: 'long enough pw',
    });
    expect(again.status).toBe(403);
    const me = (await c.login('admin@test.kz', 'long enough pw')).body.user;
    expect(me).toMatchObject({ role: 'admin', orgUnit: { code: 'KZ', type: 'republic' } });
  });
});
