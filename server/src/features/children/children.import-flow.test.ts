import iconv from 'iconv-lite';
import { makeValidIin } from '#domain/iin';
import type { RequestContext } from '../../http/request-context.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { expectFactsMatchRebuild } from '../reports/test/facts-check.ts';

// The "done when": a coordinator imports a 5 000-row Windows-1251 ';' CSV of children, sees the three
// bad rows named, fixes them, imports, finds a child by IIN and exports the filtered list. (Windows-1251 has no
// Kazakh letters such as ә, ү, і: such files carry names in Russian spelling.)
const N = 5000;
let t: TestApp;
let ctx: RequestContext;
let coord: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  const token = await g.token('coord.a@test.kz');
  coord = HttpClient.withToken(t.url, token);
  ctx = { viewer: (await t.services.auth.viewerFromApiToken(token))!, ip: null };
});
afterAll(() => t.close());

function csv(rows: string[][]): Buffer {
  const header =
    'ИИН;Фамилия;Имя;Отчество;Дата рождения;Школа (код);Класс;Категории;Законный представитель;Телефон;Адрес';
  return iconv.encode([header, ...rows.map((r) => r.join(';'))].join('\r\n') + '\r\n', 'win1251');
}

function rows(bad: boolean): string[][] {
  return Array.from({ length: N }, (_, i) => {
    const birth = new Date(Date.UTC(2008, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    const [y, m, d] = birth.split('-');
    const row = [
      makeValidIin(birth, i % 2 ? 'f' : 'm', i),
      i % 2 ? 'Сейткали' : 'Ахметов',
      i % 2 ? 'Айгерим' : 'Ерлан',
      '',
      `${d}.${m}.${y}`,
      'SA',
      `${(i % 11) + 1}${'АБВ'[i % 3]}`,
      i % 5 === 0 ? 'АСП, многодетная' : 'малообеспеченная',
      'Ахметова Гульнар',
      '+7 701 000 00 00',
      'г. Балхаш, ул. Абая, 1',
    ];
    if (bad && i === 100) row[0] = '900101300801';
    if (bad && i === 2000) row[6] = '13Я';
    if (bad && i === 4000) row[1] = '=HYPERLINK("http://x","y")';
    return row;
  });
}

describe('children import, end to end through the import engine', () => {
  it('names the three bad rows, writes nothing, then imports the fixed file; a re-import changes nothing', async () => {
    const preview = await t.services.import.apply(ctx, [{ name: 'дети.csv', data: csv(rows(true)) }], {
      lang: 'ru',
    });
    expect(preview.ok).toBe(false);
    const sheet = preview.files[0]!.sheets[0]!;
    expect(sheet.kind).toBe('children');
    expect(sheet.refused).toBe(3);
    expect(sheet.errors.map((e) => [e.row, e.field])).toEqual([
      [102, 'iin'],
      [2002, 'class'],
      [4002, 'surname'],
    ]);
    expect(await t.database.db.selectFrom('children').select('id').execute()).toHaveLength(0);

    const applied = await t.services.import.apply(ctx, [{ name: 'дети.csv', data: csv(rows(false)) }], {
      lang: 'ru',
    });
    expect(applied.ok).toBe(true);
    expect(applied.files[0]!.sheets[0]!.result).toMatchObject({ created: N, updated: 0, unchanged: 0 });

    const iin = makeValidIin('2008-01-01', 'm', 3000);
    const found = await coord.get(`/api/children?q=${iin}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      surname: 'Ахметов',
      name: 'Ерлан',
      status: 'approved',
      classLabel: '9А',
    });

    const again = await t.services.import.apply(ctx, [{ name: 'дети.csv', data: csv(rows(false)) }], {
      lang: 'ru',
    });
    expect(again.files[0]!.sheets[0]!.result).toMatchObject({ created: 0, updated: 0, unchanged: N });

    const exported = await fetch(`${t.url}/api/children/export.xlsx?category=asp&class=1А`, {
      headers: { authorization: `Bearer ${await given(t.services).token('coord.a@test.kz')}` },
    });
    expect(exported.status).toBe(200);
    const list = await coord.get(`/api/children?category=asp&class=${encodeURIComponent('1А')}&limit=500`);
    expect(list.body.total).toBeGreaterThan(0);
  }, 480_000);
});

describe('report facts', () => {
  it('are kept equal to a rebuild from the records by every write above', async () => {
    await expectFactsMatchRebuild(t.database.db);
  });
});
