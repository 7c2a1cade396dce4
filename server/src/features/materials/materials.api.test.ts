import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

const MOTTO_RU = 'Дорога в школу — добро без границ';
const MOTTO_KK = 'Мектепке жол — шекарасыз мейірім';
// Kept for looking at the pages (pdftoppm -png -r 50) after a run; MATERIALS_PDF_DIR moves it.
const outDir = process.env.MATERIALS_PDF_DIR ?? join(tmpdir(), 'mj-materials');

let t: TestApp;
let coord: HttpClient;
let token: string;

async function pdfText(kind: string, lang: string): Promise<{ text: string; pages: number }> {
  const res = await fetch(`${t.url}/api/materials/${kind}.pdf?year=2025&lang=${lang}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${kind}-${lang}.pdf`);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file]).toString();
  return {
    text: execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' '),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA');
  token = await g.token('coordinator.sa@test.kz');
  coord = HttpClient.withToken(t.url, token);
  const unit = (await coord.get('/api/org-units/SA')).body;
  await coord.patch('/api/org-units/SA', {
    version: unit.version,
    hotline: '8 (7212) 41-00-12',
    address: 'г. Караганда, ул. Ерубаева, 12',
    director: 'Сейтказина Гульнара Маратовна',
  });
  await coord.post('/api/campaigns', { year: 2025, mottoRu: MOTTO_RU, mottoKk: MOTTO_KK });
});
afterAll(() => t.close());

describe('stand poster and booklet', () => {
  it('prints a one-page poster and a two-sided booklet in kk and ru with the motto, dates, hotline and categories', async () => {
    const ruPoster = await pdfText('poster', 'ru');
    expect(ruPoster.pages).toBe(1);
    expect(ruPoster.text).toContain(MOTTO_RU);
    expect(ruPoster.text).toContain('с 1 августа по 30 сентября 2025 года');
    expect(ruPoster.text).toContain('8 (7212) 41-00-12');
    expect(ruPoster.text).toContain('многодетная семья');
    const kkPoster = await pdfText('poster', 'kk');
    expect(kkPoster.pages).toBe(1);
    expect(kkPoster.text).toContain(MOTTO_KK);
    expect(kkPoster.text).toContain('Сенім телефоны'.toUpperCase());
    for (const lang of ['ru', 'kk'] as const) {
      const booklet = await pdfText('booklet', lang);
      expect(booklet.pages).toBe(2);
      expect(booklet.text).toContain(lang === 'ru' ? MOTTO_RU : MOTTO_KK);
      expect(booklet.text).toContain('Сейтказина Гульнара Маратовна');
    }
    expect((await pdfText('poster', 'en')).text).toContain('Road to School');
  });

  it("prints the school's own wording, and goes back to the generated text when it is cleared", async () => {
    const first = await coord.request('PUT', '/api/materials', {
      year: 2025,
      lang: 'ru',
      version: null,
      texts: { closing: 'Каждый ребёнок — за партой!', motto: 'Мектепке жол — в каждую семью' },
    });
    expect(first.status).toBe(200);
    expect(first.body.overrides).toEqual({
      closing: 'Каждый ребёнок — за партой!',
      motto: 'Мектепке жол — в каждую семью',
    });
    const poster = await pdfText('poster', 'ru');
    expect(poster.text).toContain('Каждый ребёнок — за партой!');
    const stale = await coord.request('PUT', '/api/materials', {
      year: 2025,
      lang: 'ru',
      version: null,
      texts: {},
    });
    expect(stale.status).toBe(409);
    const cleared = await coord.request('PUT', '/api/materials', {
      year: 2025,
      lang: 'ru',
      version: first.body.version,
      texts: {},
    });
    expect(cleared.body.texts.motto).toBe(MOTTO_RU);
    expect((await pdfText('poster', 'ru')).text).toContain(MOTTO_RU);
  });

  it("refuses to change a closed campaign's materials with the reason", async () => {
    const c = (await coord.get('/api/campaigns/effective?year=2025')).body;
    await coord.post(`/api/campaigns/${c.id}/close`, { version: c.version });
    const current = (await coord.get('/api/materials?year=2025&lang=kk')).body;
    const res = await coord.request('PUT', '/api/materials', {
      year: 2025,
      lang: 'kk',
      version: current.version,
      texts: { closing: 'x' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('campaign_closed');
  });
});
