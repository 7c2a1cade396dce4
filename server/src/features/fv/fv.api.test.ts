import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

let t: TestApp;
let admin: HttpClient;
let coordA: HttpClient;
let officer: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('admin', 'KZ', 'admin@test.kz');
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('officer', 'C1', 'officer.c1@test.kz');
  admin = HttpClient.withToken(t.url, await g.token('admin@test.kz'));
  coordA = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
});
afterAll(() => t.close());

describe('subsistence minimum and ФВ allocations', () => {
  it('knows the PM of 2022–2025 and lets only an admin change it, with its version', async () => {
    const pm = await coordA.get('/api/reference/pm');
    expect(pm.body.items.map((p: { year: number; amount: number }) => [p.year, p.amount])).toEqual([
      [2022, 37389],
      [2023, 40567],
      [2024, 43407],
      [2025, 46228],
    ]);
    expect((await coordA.request('PUT', '/api/reference/pm/2026', { amount: 50000 })).status).toBe(403);
    const created = await admin.request('PUT', '/api/reference/pm/2026', { amount: '50 851' });
    expect(created.body).toEqual({ year: 2026, amount: 50851, version: 1 });
    const stale = await admin.request('PUT', '/api/reference/pm/2026', { amount: 1, version: 7 });
    expect(stale.status).toBe(409);
  });

  it('lets the school and the officer above record an allocation, refusing bad amounts and stale versions', async () => {
    expect((await coordA.request('PUT', '/api/fv/SB/2024', { allocated: 100 })).status).toBe(404);
    expect((await coordA.request('PUT', '/api/fv/SA/2024', { allocated: -1 })).status).toBe(400);
    expect((await coordA.request('PUT', '/api/fv/SA/2024', { allocated: '10,5' })).status).toBe(400);
    expect((await officer.request('PUT', '/api/fv/C1/2024', { allocated: 100 })).status).toBe(400);
    const first = await coordA.request('PUT', '/api/fv/SA/2024', { allocated: '2 500 000' });
    expect(first.body).toMatchObject({ orgCode: 'SA', allocated: 2_500_000, left: 2_500_000, version: 1 });
    const byOfficer = await officer.request('PUT', '/api/fv/SB/2024', { allocated: 900_000 });
    expect(byOfficer.status).toBe(200);
    expect((await officer.request('PUT', '/api/fv/SA/2024', { allocated: 1, version: 5 })).status).toBe(409);
    const list = await officer.get('/api/fv?org=C1&year=2024');
    expect(list.body.pm).toBe(43407);
    expect(
      list.body.items.map((r: { orgCode: string; allocated: number | null }) => [r.orgCode, r.allocated]),
    ).toEqual([
      ['SA', 2_500_000],
      ['SB', 900_000],
    ]);
    expect(list.body.total).toMatchObject({ allocated: 3_400_000, left: 3_400_000 });
  });
});
