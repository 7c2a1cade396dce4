import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { given } from '../../test/given.ts';
import { runMektep } from '../../test/run-mektep.ts';
import { reportGiven } from './test/report-given.ts';

let t: TestApp;

async function mektep(...args: string[]) {
  const run = await runMektep(args, {
    env: { DATABASE_URL: t.database.url, MEKTEP_LANG: 'en', LOG_LEVEL: 'silent' },
  });
  return { code: run.code, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  t = await startTestApp();
  await given(t.services).tree();
  const r = reportGiven(t.database);
  await r.campaign('SA', 2023, { motto: 'Вместе к знаниям' });
  const child = await r.child('SA', { categories: ['asp'] });
  await r.aid('SA', { childId: child, date: '2023-08-15', amount: 40_567 });
});
afterAll(() => t.close());

describe('mektep report', () => {
  it('prints the JSON report of a district and writes a DOCX to --out', async () => {
    const json = await mektep('report', '--org', 'C1', '--campaign', '2023');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.fv).toMatchObject({ students: 1, amount: 40_567 });
    expect(report.units.map((u: { org: { code: string } }) => u.org.code)).toEqual(['SA', 'SB']);
    const out = join(mkdtempSync(join(tmpdir(), 'mektep-report-')), 'sa.docx');
    const docx = await mektep(
      'report',
      '--org',
      'SA',
      '--campaign',
      '2023',
      '--lang',
      'kk',
      '--format',
      'docx',
      '--out',
      out,
    );
    expect(docx.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 1 for a unit that does not exist and 2 for an unsupported language', async () => {
    const missing = await mektep('report', '--org', 'NOPE', '--campaign', '2023');
    expect(missing.code).toBe(1);
    const lang = await mektep('report', '--org', 'SA', '--campaign', '2023', '--lang', 'de');
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('kk, ru, en');
  });
});
