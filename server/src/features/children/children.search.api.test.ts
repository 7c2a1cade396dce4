import { sql } from 'kysely';
import { makeValidIin } from '#domain/iin';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { testEngine } from '../../test/test-database.ts';

// Search and sort that know Kazakh: names folded Kazakh↔Russian, words in any order, an IIN by any four or more
// consecutive digits for school staff (the whole IIN only for a masked view), and the Kazakh-Russian alphabet.
let t: TestApp;
let coord: HttpClient;
let officer: HttpClient;
const iin = makeValidIin('2014-03-15', 'm', 4321);

const NAMES: [string, string][] = [
  ['Ыбырай', 'Алтынсарин'],
  ['Қанатұлы', 'Ерлан'],
  ['Канатов', 'Арман'],
  ['Әлия', 'Серік'],
  ['Алиев', 'Бек'],
  ['Абенов', 'Нурлан'],
  ['Іскаков', 'Дамир'],
  ['Иванов', 'Иван'],
  ['Үсенов', 'Ержан'],
  ['Уалиев', 'Ұлан'],
];

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('officer', 'C1', 'officer@test.kz');
  coord = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer@test.kz'));
  for (const [surname, name] of NAMES) {
    const res = await coord.post('/api/children', {
      surname,
      name,
      birthDate: '2014-03-15',
      classLabel: '5А',
      ...(surname === 'Абенов' ? { iin } : {}),
    });
    expect(res.status, surname).toBe(201);
  }
});
afterAll(() => t.close());

async function surnames(client: HttpClient, q: string): Promise<string[]> {
  const res = await client.get(`/api/children?limit=100&q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  return (res.body.items as { surname: string }[]).map((c) => c.surname).sort();
}

describe('searching children', () => {
  it('finds Kazakh names typed with Russian letters and back', async () => {
    expect(await surnames(coord, 'Канат')).toEqual(['Канатов', 'Қанатұлы']);
    expect(await surnames(coord, 'қанат')).toEqual(['Канатов', 'Қанатұлы']);
    expect(await surnames(coord, 'Алия')).toEqual(['Әлия']);
    expect(await surnames(coord, 'Искаков')).toEqual(['Іскаков']);
    expect(await surnames(coord, 'усенов')).toEqual(['Үсенов']);
  });

  it('ignores word order and case', async () => {
    expect(await surnames(coord, 'Нурлан Абенов')).toEqual(['Абенов']);
    expect(await surnames(coord, 'АБЕНОВ нурлан')).toEqual(['Абенов']);
    expect(await surnames(coord, 'Нурлан Канатов')).toEqual([]);
  });

  it('finds an IIN by any four or more consecutive digits for school staff, by the whole IIN only when masked', async () => {
    expect(await surnames(coord, iin.slice(-4))).toEqual(['Абенов']);
    expect(await surnames(coord, iin.slice(3, 9))).toEqual(['Абенов']);
    expect(await surnames(coord, iin)).toEqual(['Абенов']);
    expect(await surnames(coord, iin.slice(-3))).toEqual([]);
    expect(await surnames(officer, iin.slice(-4))).toEqual([]);
    expect(await surnames(officer, iin.slice(0, 11))).toEqual([]);
    expect(await surnames(officer, iin)).toEqual(['Абенов']);
  });

  it('keeps the terms in step when a name changes', async () => {
    const found = await coord.get(`/api/children?q=${encodeURIComponent('Уалиев')}`);
    const child = found.body.items[0] as { id: string; version: number };
    const res = await coord.patch(`/api/children/${child.id}`, {
      surname: 'Өмірзақ',
      version: child.version,
    });
    expect(res.status).toBe(200);
    expect(await surnames(coord, 'Уалиев')).toEqual([]);
    expect(await surnames(coord, 'омирзак')).toEqual(['Өмірзақ']);
  });
});

describe('sorting children', () => {
  it('sorts by name in the Kazakh-Russian alphabet, on both engines', async () => {
    const res = await coord.get('/api/children?limit=100&sort=name');
    expect((res.body.items as { surname: string }[]).map((c) => c.surname)).toEqual([
      'Абенов',
      'Алиев',
      'Әлия',
      'Иванов',
      'Іскаков',
      'Канатов',
      'Қанатұлы',
      'Өмірзақ',
      'Үсенов',
      'Ыбырай',
    ]);
  });
});

describe('the search plan', () => {
  it('looks terms up by their index, not by reading every child', async () => {
    const db = t.database.db;
    const plan =
      testEngine === 'postgres'
        ? // Small tables tempt PostgreSQL to scan; the plan with scans off shows the index is usable at all.
          await db.connection().execute(async (c) => {
            await sql`set enable_seqscan = off`.execute(c);
            const rows = await sql<{
              'QUERY PLAN': string;
            }>`explain select child_id from child_search_terms where term like 'канат%'`.execute(c);
            await sql`set enable_seqscan = on`.execute(c);
            return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
          })
        : (
            await sql<{
              detail: string;
            }>`explain query plan select child_id from child_search_terms where term like 'канат%'`.execute(
              db,
            )
          ).rows
            .map((r) => r.detail)
            .join('\n');
    expect(plan).toMatch(/child_search_terms_term/);
  });
});
