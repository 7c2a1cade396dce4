import { sql } from 'kysely';
import { HttpClient } from '../../test/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { RateLimitsRepository } from './rate-limits.repository.ts';

// Two applications over one database stand for two server processes behind a proxy: a route's limit is counted
// in the database, so alternating between them buys a caller no extra tries.
let database: TestDatabase;
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  a = await startTestApp({}, database);
  b = await startTestApp({}, database);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('rate limits shared by processes', () => {
  it('counts sign-in attempts sent to two processes against one limit of 20 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const c = new HttpClient(i % 2 === 0 ? a.url : b.url, { lang: 'en' });
      const res = await c.post('/api/auth/login', {
        email: `nobody${i}@test.kz`,
        password: 'wrong password',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    // The general flood guard stays in each process's memory: only the sign-in route has a row.
    // (The sign-in's own failure counters, per e-mail and address, live there too.)
    const keys = await sql<{
      key: string;
    }>`select key from rate_limits where key not like 'sign-in|%'`.execute(database.db);
    expect(keys.rows.map((r) => r.key)).toEqual(['POST /api/auth/login|127.0.0.1']);
  });

  it('starts a new window when the old one is over, and forgets finished windows', async () => {
    const repo = new RateLimitsRepository(database.db);
    const t0 = new Date('2026-08-20T04:00:00.000Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await repo.hit('k', t0, 60_000)).toEqual({ hits: 1, resetAt: '2026-08-20T04:01:00.000Z' });
    expect(await repo.hit('k', at(30), 60_000)).toEqual({ hits: 2, resetAt: '2026-08-20T04:01:00.000Z' });
    expect(await repo.read('k', at(59))).toEqual({ hits: 2, resetAt: '2026-08-20T04:01:00.000Z' });
    expect(await repo.read('k', at(60))).toBeNull();
    expect(await repo.hit('k', at(60), 60_000)).toEqual({ hits: 1, resetAt: '2026-08-20T04:02:00.000Z' });
    expect(await repo.prune(at(119))).toBeGreaterThanOrEqual(0);
    expect(await repo.read('k', at(119))).toEqual({ hits: 1, resetAt: '2026-08-20T04:02:00.000Z' });
    await repo.prune(at(120));
    expect(await sql`select key from rate_limits where key = 'k'`.execute(database.db)).toMatchObject({
      rows: [],
    });
  });

  it('loses no hit when many arrive at once', async () => {
    const repo = new RateLimitsRepository(database.db);
    const now = new Date();
    await Promise.all(Array.from({ length: 25 }, () => repo.hit('burst', now, 60_000)));
    expect(await repo.read('burst', now)).toMatchObject({ hits: 25 });
  });
});
