import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../test/fake-api.ts';
import { ApiClient, ApiError } from './client.ts';

describe('ApiClient', () => {
  it('sends the UI language, and the CSRF token only on writes', async () => {
    const server = fakeApi({
      'GET /api/org-units': { body: { items: [], nextCursor: null } },
      'POST /api/auth/logout': { status: 204 },
    });
    const api = new ApiClient({ getLanguage: () => 'kk' });
    api.setCsrfToken('token-1');

    await api.get('/api/org-units', { query: { org: 'kz', q: '', cursor: null } });
    await api.post('/api/auth/logout');

    const [list, logout] = server.calls;
    expect(list?.query.toString()).toBe('org=kz');
    expect(list?.headers['Accept-Language']).toBe('kk');
    expect(list?.headers['x-csrf-token']).toBeUndefined();
    expect(logout?.headers['x-csrf-token']).toBe('token-1');
  });

  it('turns the error shape into an ApiError with code, message and fields', async () => {
    fakeApi({
      'POST /api/users': apiError(400, 'validation', 'Проверьте поля', { email: 'Неверный адрес' }),
    });
    const api = new ApiClient({ getLanguage: () => 'ru' });

    const error = await api.post('/api/users', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', message: 'Проверьте поля' });
    expect((error as ApiError).fields).toEqual({ email: 'Неверный адрес' });
  });

  it('reports a body that is not the error shape without a message, so the UI uses its own words', async () => {
    fakeApi({ 'PATCH /api/org-units/x': { status: 409 } });
    const error = await new ApiClient({ getLanguage: () => 'en' })
      .patch('/api/org-units/x', { version: 1 })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 409, message: '', isConflict: true });
  });

  it('sends an Idempotency-Key on every write: a new one per submission, the given one on a retry', async () => {
    const server = fakeApi({ 'POST /api/raids': { status: 201, body: {} }, 'GET /api/raids': { body: {} } });
    const api = new ApiClient({ getLanguage: () => 'ru' });
    await api.post('/api/raids', { a: 1 });
    await api.post('/api/raids', { a: 1 });
    await api.post('/api/raids', { a: 1 }, { idempotencyKey: 'k-1' });
    await api.get('/api/raids');
    const keys = server.calls.map((c) => c.headers['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe('k-1');
    expect(keys[3]).toBeUndefined();
  });
});
