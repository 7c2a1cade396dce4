import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { seedManyChildren } from './children.bulk-seed.ts';

// A school of 10 000 children: server-side keyset paging walks the whole list exactly once, and searches and
// filters find the right children. How fast it is, is measured by `npx mektep bench` (children list), not here.
const N = 10_000;

let t: TestApp;
let coord: HttpClient;
let lastIin = '';

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  coord = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
  const school = await t.database.db
    .selectFrom('org_units')
    .selectAll()
    .where('code', '=', 'SA')
    .executeTakeFirstOrThrow();
  lastIin = await seedManyChildren(t.database.db, school, N);
}, 120_000);
afterAll(() => t.close());

async function get(path: string) {
  const res = await coord.get(path);
  expect(res.status, path).toBe(200);
  return res.body;
}

describe('children lists at 10 000 children in a school', () => {
  it('pages through every child exactly once with the cursor', async () => {
    const seen = new Set<string>();
    let page = await get('/api/children?limit=500');
    expect(page.total).toBe(N);
    for (;;) {
      for (const c of page.items as { id: string }[]) seen.add(c.id);
      if (!page.nextCursor) break;
      page = await get(`/api/children?limit=500&cursor=${page.nextCursor}`);
    }
    expect(seen.size).toBe(N);
  }, 120_000);

  it('finds a child by IIN and by part of the name, and filters by class and category', async () => {
    expect((await get(`/api/children?q=${lastIin}`)).items.map((c: { iin: string }) => c.iin)).toEqual([
      lastIin,
    ]);
    const byName = await get(`/api/children?q=${encodeURIComponent('ким99')}`);
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((c: { surname: string }) => c.surname.toLowerCase().includes('ким99'))).toBe(
      true,
    );
    const byClass = await get(`/api/children?class=${encodeURIComponent('5В')}&sort=-birthDate&limit=200`);
    expect(byClass.items.length).toBeGreaterThan(0);
    expect(byClass.items.every((c: { classLabel: string }) => c.classLabel === '5В')).toBe(true);
    expect((await get('/api/children?category=asp&sort=class')).total).toBe(Math.ceil(N / 7));
  });
});
