import { startTestApp, type TestApp } from '../test/test-app.ts';
import { HttpClient } from '../test/http-client.ts';
import { given, PASSWORD } from '../test/given.ts';
import { loadDemo } from '../features/demo/demo.service.ts';

let t: TestApp;
let admin: HttpClient;

interface Param {
  name: string;
  in: 'query' | 'path' | 'header';
}
interface Operation {
  parameters?: Param[];
}

beforeAll(async () => {
  // Far more requests than a person makes in a minute: the rate limit is not what this test is about.
  t = await startTestApp({}, undefined, { rateLimitMax: 100_000 });
  const g = given(t.services);
  await loadDemo(t.services, g.operator, PASSWORD);
  await g.user('admin', 'KZ', 'fuzz.admin@test.kz');
  admin = HttpClient.withToken(t.url, await g.token('fuzz.admin@test.kz'));
});
afterAll(() => t.close());

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Cursors a client could forge: valid base64 of the wrong JSON, not JSON, not base64, too deep, too long. */
const CURSORS = [
  'dHJ1ZQ', // true
  b64('null'),
  b64('[]'),
  b64('{}'),
  b64('1e309'),
  b64('[[1],{"a":2},null]'),
  b64('{"key":{"a":1},"id":[1]}'),
  b64('{"at":1,"id":2}'),
  b64('{"date":"2026-01-01","id":null}'),
  b64('["\\u0000", 1, 2]'),
  b64('"\\u0000"'),
  b64('[' + '['.repeat(300) + ']'.repeat(300) + ']'),
  '!!!not base64!!!',
  '%00',
  'x'.repeat(499),
];

/** Values for any other query parameter or path id: wrong types, NULs, huge numbers, SQL and path tricks. */
const VALUES = [
  '',
  '%00',
  'a%00b',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999999',
  "' or 1=1 --",
  '../../etc/passwd',
  '%FF%FE',
  '[object Object]',
  'true',
  encodeURIComponent('😀'.repeat(50)),
  'x'.repeat(5000),
];

describe('every list and every read answers bad cursors, ids and queries with 4xx, never 5xx', () => {
  it('fuzzes every GET route of the OpenAPI document', async () => {
    const doc = (await admin.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    let requests = 0;
    let cursorLists = 0;
    const someId = (await t.database.db.selectFrom('children').select('id').executeTakeFirstOrThrow()).id;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      if (!get || path === '/api/openapi.json') continue;
      const params = get.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
      const fill = (value: string) => pathParams.reduce((p, n) => p.replace(`{${n}}`, value), path);
      const tries: { url: string; cursor: boolean }[] = [];
      for (const v of VALUES) if (pathParams.length > 0) tries.push({ url: fill(v || 'x'), cursor: false });
      const base = fill(someId);
      for (const p of params.filter((x) => x.in === 'query')) {
        const values = p.name === 'cursor' ? CURSORS : VALUES;
        for (const v of values) tries.push({ url: `${base}?${p.name}=${v}`, cursor: p.name === 'cursor' });
        tries.push({ url: `${base}?${p.name}=1&${p.name}=2`, cursor: false });
      }
      if (params.some((p) => p.name === 'cursor')) cursorLists++;
      for (const { url, cursor } of tries) {
        const res = await admin.get(url);
        requests++;
        if (res.status >= 500 || (cursor && res.status !== 400))
          failures.push(`${res.status} GET ${url.slice(0, 120)} ${res.text.slice(0, 120)}`);
      }
    }
    expect(cursorLists).toBeGreaterThanOrEqual(7);
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
