import ExcelJS from 'exceljs';
import { given } from '../../test/given.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let adminToken: string;
let coordToken: string;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_MAX_MB: 1 });
  const g = given(t.services);
  await g.tree();
  await g.user('admin', 'KZ', 'admin.import@test.kz');
  await g.user('coordinator', 'SA', 'coord.import@test.kz');
  adminToken = await g.token('admin.import@test.kz');
  coordToken = await g.token('coord.import@test.kz');
});
afterAll(() => t.close());

const HEADER = 'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)';

async function upload(
  path: string,
  files: { name: string; data: Buffer | string }[],
  fields: Record<string, string> = {},
  opts: { token?: string; lang?: string } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) {
    form.append('file', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)]), f.name);
  }
  const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'ru' };
  if (opts.token !== '') headers.authorization = `Bearer ${opts.token ?? adminToken}`;
  const res = await fetch(t.url + path, { method: 'POST', body: form, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const codes = (prefix: string) =>
  t.database.db
    .selectFrom('org_units')
    .select('code')
    .where('code', 'like', `${prefix}%`)
    .orderBy('code')
    .execute();

describe('import over HTTP', () => {
  const bad = {
    name: 'units.csv',
    data: [
      HEADER,
      'H1;R1;город/район;Город Н;Н қаласы',
      `H1-S1;H1;школа;${'Ш'.repeat(301)};Мектеп`,
      'H1-S2;H1;школа;Школа 2;<img src=x onerror=alert(1)>',
      'H1-S3;H1;планета;Школа 3;3 мектеп',
      'H1-S4;H1;школа;Школа 4;4 мектеп',
    ].join('\n'),
  };

  it('previews a file: every refused row with its column and message in the caller’s language, nothing written', async () => {
    const res = await upload('/api/import/preview', [bad], {}, { lang: 'kk' });
    expect(res.status).toBe(200);
    const sheet = res.body.files[0].sheets[0];
    expect(res.body).toMatchObject({ dryRun: true, ok: false });
    expect(sheet).toMatchObject({ kind: 'org-units', kindName: 'ұйымдар', rows: 5, valid: 2, refused: 3 });
    expect(sheet.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Атауы (орысша)'],
      [4, 'Атауы (қазақша)'],
      [5, 'Түрі'],
    ]);
    expect(sheet.errors[0].message).toContain('тым ұзын (301 таңба)');
    expect(await codes('H1')).toEqual([]);
  });

  it('applies all or nothing, or only the valid rows with skipInvalid', async () => {
    const refused = await upload('/api/import/apply', [bad]);
    expect(refused.status).toBe(200);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.files[0].sheets[0].applied).toBe(false);
    expect(await codes('H1')).toEqual([]);

    const partial = await upload('/api/import/apply', [bad], { skipInvalid: 'true' });
    expect(partial.body.files[0].sheets[0]).toMatchObject({
      applied: true,
      result: { created: 2, updated: 0, unchanged: 0, skipped: 3 },
    });
    expect(await codes('H1')).toEqual([{ code: 'H1' }, { code: 'H1-S4' }]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'in', ['import', 'import_preview'])
      .execute();
    expect(audit).toContainEqual({ action: 'import', actor: 'admin.import@test.kz' });
    expect(audit).toContainEqual({ action: 'import_preview', actor: 'admin.import@test.kz' });
  });

  it('refuses what is not a spreadsheet, a file over the limit, no file, a unit outside scope', async () => {
    const pdf = await upload('/api/import/preview', [
      { name: 'scan.csv', data: Buffer.from('%PDF-1.4\n%âãÏÓ\n') },
    ]);
    expect(pdf.status).toBe(200);
    expect(pdf.body.files[0].error).toContain(
      '«scan.csv» — не таблица CSV или XLSX (по содержимому это PDF)',
    );

    const big = await upload('/api/import/preview', [
      { name: 'big.csv', data: Buffer.alloc(2 * 1024 * 1024, 0x41) },
    ]);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('Файл «big.csv» больше 1 МБ');

    const none = await upload('/api/import/preview', [], { org: 'SA' });
    expect(none.status).toBe(400);
    expect(none.body.error.fields.file).toBe('Выберите файл для импорта.');

    const outside = await upload('/api/import/preview', [bad], { org: 'SB' }, { token: coordToken });
    expect(outside.status).toBe(404);
    expect((await upload('/api/import/preview', [bad], {}, { token: '' })).status).toBe(401);
  });

  it('streams progress lines and then the report when asked for NDJSON', async () => {
    const lines = [HEADER, 'P1;R1;город/район;Город П;П қаласы'];
    for (let i = 1; i <= 400; i++) lines.push(`P1-S${i};P1;школа;Школа ${i};${i} мектеп`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'many.csv');
    const res = await fetch(`${t.url}/api/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${adminToken}`, accept: 'application/x-ndjson' },
    });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const messages = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const progress = messages.filter((m) => m.progress).map((m) => m.progress);
    expect(progress[0]).toMatchObject({ file: 'many.csv', phase: 'validate', done: 0, total: 401 });
    expect(progress).toContainEqual(expect.objectContaining({ phase: 'validate', done: 401, total: 401 }));
    expect(messages.at(-1).report.files[0].sheets[0]).toMatchObject({ rows: 401, valid: 401 });
    expect(await codes('P1')).toEqual([]);
  });

  it('describes the import routes in the OpenAPI document', async () => {
    const doc = await (await fetch(`${t.url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/import/preview',
        '/api/import/apply',
        '/api/import/kinds',
        '/api/import/templates/{file}',
      ]),
    );
  });

  it('refuses org units from a school coordinator as a whole file', async () => {
    const res = await upload('/api/import/apply', [bad], { skipInvalid: 'true' }, { token: coordToken });
    expect(res.status).toBe(200);
    expect(res.body.files[0].sheets[0].error).toContain('нет прав импортировать организации');
    expect(await codes('H1-S1')).toEqual([]);
  });

  it('serves blank templates with the headers and an example row, as XLSX and CSV, in the asked language', async () => {
    const auth = { authorization: `Bearer ${adminToken}` };
    const xlsx = await fetch(`${t.url}/api/import/templates/org-units.xlsx`, { headers: auth });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('org-units.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('org-units')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(';')]);
    expect(sheet.getRow(2).getCell(3).value).toBe('школа');

    const csv = await fetch(`${t.url}/api/import/templates/org-units.csv?lang=kk`, { headers: auth });
    const text = await csv.text();
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(text.split('\r\n')[0]).toBe('Код;Жоғары тұрған ұйымның коды;Түрі;Атауы (орысша);Атауы (қазақша)');

    // The template reads back as a valid import of its example row's kind.
    const roundTrip = await upload('/api/import/preview', [{ name: 'org-units.csv', data: text }]);
    expect(roundTrip.body.files[0].sheets[0].kind).toBe('org-units');

    expect((await fetch(`${t.url}/api/import/templates/passwords.xlsx`, { headers: auth })).status).toBe(400);

    const kinds = await (
      await fetch(`${t.url}/api/import/kinds`, { headers: { ...auth, 'accept-language': 'en' } })
    ).json();
    expect(kinds.maxMb).toBe(1);
    expect(kinds.kinds).toContainEqual(
      expect.objectContaining({ kind: 'org-units', name: 'org units', allowed: true }),
    );
    expect(kinds.kinds.find((k: { kind: string }) => k.kind === 'org-units').columns[0]).toEqual({
      header: 'Code',
      required: true,
    });
  });
});
