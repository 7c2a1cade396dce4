import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let t: TestApp;
let officer: HttpClient;
let coord: HttpClient;
let director: HttpClient;
let coordToken: string;
let c2024: { id: string; version: number };

async function upload(url: string, token: string, itemId: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${url}/api/plan/${itemId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' },
    body: form,
  });

  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('officer', 'C1');
  await g.user('coordinator', 'SA');
  await g.user('director', 'SA');
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  coordToken = await g.token('coordinator.sa@test.kz');
  coord = HttpClient.withToken(t.url, coordToken);
  director = HttpClient.withToken(t.url, await g.token('director.sa@test.kz'));
  c2024 = (await officer.post('/api/campaigns', { year: 2024, mottoRu: 'Девиз 2024' })).body;
  await officer.post('/api/campaigns', { year: 2025, mottoRu: 'Девиз 2025' });
  for (const [title, from, to] of [
    ['Заседание рабочей группы', '2024-08-01', '2024-08-02'],
    ['Оформление информационного стенда', '2024-08-05', '2024-08-10'],
    ['Рейд «Подросток»', '2024-08-29', '2024-02-29'],
  ] as const) {
    const r = await coord.post('/api/plan', {
      year: 2024,
      title,
      from,
      to: to < from ? '2024-09-30' : to,
      responsible: 'Нурланова А.',
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => t.close());

describe('plan of activities', () => {
  it("copies last year's plan a year later, all planned, and only into an empty plan", async () => {
    const copied = await coord.post('/api/plan/copy', { year: 2025 });
    expect(copied.status).toBe(200);
    expect(
      copied.body.items.map((i: { from: string; to: string; status: string }) => [i.from, i.to, i.status]),
    ).toEqual([
      ['2025-08-01', '2025-08-02', 'planned'],
      ['2025-08-05', '2025-08-10', 'planned'],
      ['2025-08-29', '2025-09-30', 'planned'],
    ]);
    expect((await coord.post('/api/plan/copy', { year: 2025 })).status).toBe(409);
    await officer.post('/api/campaigns', { year: 2023 });
    const none = await coord.post('/api/plan/copy', { year: 2023 });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toContain('2022');
  });

  it('flags items past their end date that are not done', async () => {
    const plan = (await coord.get('/api/plan?year=2024')).body;
    expect(plan.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const first = plan.items[0];
    const done = await coord.patch(`/api/plan/${first.id}`, { version: first.version, status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.overdue).toBe(false);
  });

  it('creates an item once when the same client id is sent twice', async () => {
    const id = uuidv7();
    const body = {
      id,
      year: 2025,
      title: 'Ярмарка',
      from: '2025-08-20',
      to: '2025-08-20',
      responsible: 'Ким Е.',
    };
    expect((await coord.post('/api/plan', body)).status).toBe(201);
    const again = await coord.post('/api/plan', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    const items = (await coord.get('/api/plan?year=2025')).body.items.filter(
      (i: { id: string }) => i.id === id,
    );
    expect(items).toHaveLength(1);
  });

  it('lets only the director approve the plan', async () => {
    const byCoord = await coord.post('/api/plan/approve', { year: 2025 });
    expect(byCoord.status).toBe(403);
    expect(byCoord.body.error.message).toContain('директор');
    const approved = await director.post('/api/plan/approve', { year: 2025 });
    expect(approved.status).toBe(200);
    expect(approved.body.approval.approvedBy).toBe('director SA');
  });

  it('keeps photo evidence checked by its bytes and a link, and refuses a wrong type naming the field', async () => {
    const item = (await coord.get('/api/plan?year=2025')).body.items[1];
    const ok = await upload(t.url, coordToken, item.id, 'stand.png', PNG);
    expect(ok.status).toBe(200);
    expect(ok.body.evidence).toMatchObject([{ kind: 'file', mime: 'image/png', fileName: 'stand.png' }]);
    const fake = await upload(t.url, coordToken, item.id, 'virus.png', Buffer.from('MZ not an image'));
    expect(fake.status).toBe(400);
    expect(Object.keys(fake.body.error.fields)).toEqual(['file']);
    const link = await coord.post(`/api/plan/${item.id}/links`, { url: 'https://instagram.com/p/abc' });
    expect(link.status).toBe(200);
    expect(link.body.evidence).toHaveLength(2);
    const badLink = await coord.post(`/api/plan/${item.id}/links`, { url: 'javascript:alert(1)' });
    expect(badLink.status).toBe(400);
    const file = await coord.get(`/api/plan/evidence/${ok.body.evidence[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it('refuses a file above UPLOAD_MAX_MB with 413', async () => {
    const small = await startTestApp({ UPLOAD_MAX_MB: 1 });
    try {
      const g = given(small.services);
      await g.tree();
      await g.user('coordinator', 'SA');
      const token = await g.token('coordinator.sa@test.kz');
      const c = HttpClient.withToken(small.url, token);
      await c.post('/api/campaigns', { year: 2025 });
      const item = (
        await c.post('/api/plan', {
          year: 2025,
          title: 'x',
          from: '2025-08-01',
          to: '2025-08-01',
          responsible: 'y',
        })
      ).body;
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10)]);
      const res = await upload(small.url, token, item.id, 'big.pdf', big);
      expect(res.status).toBe(413);
      expect((await c.get('/api/plan?year=2025')).body.items[0].evidence).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('prints the plan as a PDF table in Kazakh and Russian', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
    for (const [lang, title] of [
      ['ru', 'План мероприятий'],
      ['kk', 'іс-шаралар жоспары'],
    ] as const) {
      const res = await fetch(`${t.url}/api/plan/print?year=2025&lang=${lang}`, {
        headers: { authorization: `Bearer ${coordToken}` },
      });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(dir, `plan-${lang}.pdf`);
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain(title);
      expect(text).toContain('Оформление информационного стенда');
    }
  });

  it("refuses changes to a closed campaign's plan with the reason", async () => {
    const c = (await officer.get(`/api/campaigns/${c2024.id}`)).body;
    expect((await officer.post(`/api/campaigns/${c.id}/close`, { version: c.version })).status).toBe(200);
    const item = (await coord.get('/api/plan?year=2024')).body.items[1];
    const edit = await coord.patch(`/api/plan/${item.id}`, { version: item.version, status: 'done' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('campaign_closed');
    const add = await coord.post('/api/plan', {
      year: 2024,
      title: 'x',
      from: '2024-08-01',
      to: '2024-08-01',
      responsible: 'y',
    });
    expect(add.status).toBe(409);
    expect((await coord.get('/api/plan?year=2024')).body.items).toHaveLength(3);
  });
});
