import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { addChildren, type FixtureChild } from '../aid/help-fixtures.ts';

let t: TestApp;
let second: TestApp;
let coordA: HttpClient;
let coordB: HttpClient;
let coordAonSecond: HttpClient;
let children: FixtureChild[];

const handovers = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('aid_handovers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const batch = (list: FixtureChild[], amount = 5000) => ({
  date: '2023-08-15',
  source: 'fv',
  form: 'money',
  lines: list.map((c) => ({ childId: c.id, amount })),
});

beforeAll(async () => {
  t = await startTestApp();
  // A second server process on the same database: a retry may land on another process behind the proxy.
  second = await startTestApp({}, t.database);
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('coordinator', 'SA', 'coord.a2@test.kz');
  const tokenA = await g.token('coord.a@test.kz');
  coordA = HttpClient.withToken(t.url, tokenA);
  coordAonSecond = HttpClient.withToken(second.url, tokenA);
  coordB = HttpClient.withToken(t.url, await g.token('coord.a2@test.kz'));
  await coordA.request('PUT', '/api/fv/SA/2023', { allocated: 1_000_000 });
  children = await addChildren(t.database, 'SA', 6, { categories: [{ code: 'asp' }] });
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const withKey = (c: HttpClient, key: string, body: unknown) =>
  c.request('POST', '/api/aid/handovers', body, { 'idempotency-key': key });

describe('Idempotency-Key on creating POSTs', () => {
  it('a handover sent twice at once with one key (the lost answer retried) is made once, both get its answer', async () => {
    const before = await handovers();
    const body = batch(children.slice(0, 2));
    const [a, b] = await Promise.all([
      withKey(coordA, 'handover-1', body),
      withKey(coordA, 'handover-1', body),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(await handovers()).toBe(before + 1);

    // Again later, and through the other process: the stored answer, not a second handover.
    const again = await withKey(coordAonSecond, 'handover-1', body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(a.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await handovers()).toBe(before + 1);
  });

  it('the same key with another body is a 409 and writes nothing; another caller has keys of their own', async () => {
    const before = await handovers();
    const first = await withKey(coordA, 'handover-2', batch(children.slice(2, 3)));
    expect(first.status).toBe(201);
    const other = await withKey(coordA, 'handover-2', batch(children.slice(3, 4)));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    const someoneElse = await withKey(coordB, 'handover-2', batch(children.slice(3, 4)));
    expect(someoneElse.status).toBe(201);
    expect(await handovers()).toBe(before + 2);
  });

  it('a refused request is answered the same on retry; a request without a key is never deduplicated', async () => {
    const bad = batch(children.slice(4, 5), -1);
    const r1 = await withKey(coordA, 'handover-3', bad);
    expect(r1.status).toBe(400);
    const r2 = await withKey(coordA, 'handover-3', bad);
    expect(r2).toMatchObject({ status: 400, body: r1.body });
    const before = await handovers();
    const body = batch(children.slice(5, 6));
    expect((await coordA.post('/api/aid/handovers', body)).status).toBe(201);
    expect((await coordA.post('/api/aid/handovers', body)).status).toBe(201);
    expect(await handovers()).toBe(before + 2);
    const badKey = await coordA.request('POST', '/api/aid/handovers', body, { 'idempotency-key': 'a b' });
    expect(badKey.status).toBe(400);
  });
});
