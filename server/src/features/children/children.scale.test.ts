import { v7 as uuidv7 } from 'uuid';
import { makeValidIin } from '#domain/iin';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { dupKeyOf, sortNameOf } from './children.validation.ts';

// The lists must stay fast for a school of 10 000 children: server-side keyset paging over indexes, never
// "load everything and slice". Generous bounds, so the test catches a full scan per page, not a slow machine.
const N = 10_000;
const FAST_MS = 1500;

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
  const now = new Date().toISOString();
  const surnames = ['Абенов', 'Ким', 'Сапаров', 'Иванов', 'Жумабаев', 'Омаров', 'Петров', 'Касымов'];
  for (let start = 0; start < N; start += 250) {
    const rows = [];
    const categories = [];
    for (let i = start; i < Math.min(N, start + 250); i += 1) {
      const birthDate = `20${String(10 + (i % 8)).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}`;
      const iin = makeValidIin(birthDate, i % 2 ? 'f' : 'm', i % 10_000);
      lastIin = iin;
      const v = {
        surname: `${surnames[i % surnames.length]}${i}`,
        name: 'Ребёнок',
        patronymic: null,
        birthDate,
      };
      const id = uuidv7();
      rows.push({
        id,
        org_unit_id: school.id,
        org_path: school.path,
        iin,
        surname: v.surname,
        name: v.name,
        patronymic: null,
        sort_name: sortNameOf(v),
        dup_key: dupKeyOf(v),
        birth_date: birthDate,
        sex: null,
        grade: (i % 11) + 1,
        class_label: `${(i % 11) + 1}${'АБВГ'[i % 4]}`,
        address: null,
        notes: null,
        status: 'approved' as const,
        reject_reason: null,
        source: 'import' as const,
        consent_by: null,
        consent_date: null,
        consent_scope: null,
        created_by: 'test',
        created_at: now,
        updated_at: now,
      });
      if (i % 7 === 0)
        categories.push({
          id: uuidv7(),
          child_id: id,
          code: 'asp',
          doc_name: null,
          doc_number: null,
          doc_date: null,
          valid_until: null,
        });
    }
    await t.database.db.insertInto('children').values(rows).execute();
    if (categories.length > 0)
      await t.database.db.insertInto('child_categories').values(categories).execute();
  }
}, 120_000);
afterAll(() => t.close());

async function timed(path: string) {
  const started = performance.now();
  const res = await coord.get(path);
  const ms = performance.now() - started;
  expect(res.status, path).toBe(200);
  return { res, ms };
}

describe('children lists at 10 000 children in a school', () => {
  it('answers the first page, a page deep in the list, a search, and filters quickly', async () => {
    const first = await timed('/api/children?limit=100');
    expect(first.res.body.total).toBe(N);
    expect(first.ms).toBeLessThan(FAST_MS);

    let cursor = first.res.body.nextCursor as string;
    for (let i = 0; i < 60; i += 1)
      cursor = (await coord.get(`/api/children?limit=100&cursor=${cursor}`)).body.nextCursor;
    const deep = await timed(`/api/children?limit=100&cursor=${cursor}`);
    expect(deep.res.body.items).toHaveLength(100);
    expect(deep.ms).toBeLessThan(FAST_MS);

    const byIin = await timed(`/api/children?q=${lastIin}`);
    expect(byIin.res.body.items.map((c: { iin: string }) => c.iin)).toEqual([lastIin]);
    expect(byIin.ms).toBeLessThan(FAST_MS);

    const byName = await timed(`/api/children?q=${encodeURIComponent('ким99')}`);
    expect(byName.res.body.items.length).toBeGreaterThan(0);
    expect(byName.ms).toBeLessThan(FAST_MS);

    const byClass = await timed(`/api/children?class=${encodeURIComponent('5В')}&sort=-birthDate&limit=200`);
    expect(byClass.res.body.items.every((c: { classLabel: string }) => c.classLabel === '5В')).toBe(true);
    expect(byClass.ms).toBeLessThan(FAST_MS);

    const asp = await timed('/api/children?category=asp&sort=class');
    expect(asp.res.body.total).toBe(Math.ceil(N / 7));
    expect(asp.ms).toBeLessThan(FAST_MS);
  });
});
