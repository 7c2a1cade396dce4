import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { addChildren } from '../aid/help-fixtures.ts';

let t: TestApp;
let coord: HttpClient;
let token: string;
let fvHandover: string;
let sponsorId: string;
const dir = mkdtempSync(join(tmpdir(), 'mj-docs-'));

const download = async (path: string, lang: string) => {
  const res = await fetch(`${t.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    data: Buffer.from(await res.arrayBuffer()),
  };
};
const pdfText = (data: Buffer) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, data);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u2011', '-');
};
const docxText = (data: Buffer) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, data);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<[^>]+>/g, '').replaceAll('\u00a0', ' ');
};

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await t.services.orgUnits.update(g.operator, 'SA', {
    version: 1,
    address: 'г. Караганда, ул. Ерубаева, 12',
    director: 'Сейтказина Гульнара Маратовна',
    phone: '8 (7212) 00-00-12',
  });
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  token = await g.token('coord.a@test.kz');
  coord = HttpClient.withToken(t.url, token);
  const kids = await addChildren(t.database, 'SA', 3);
  await coord.request('PUT', '/api/fv/SA/2023', { allocated: 1_196_448 });
  fvHandover = (
    await coord.post('/api/aid/handovers', {
      date: '2023-08-15',
      source: 'fv',
      form: 'money',
      lines: kids.map((k) => ({ childId: k.id, amount: 40567 })),
    })
  ).body.handover.id;
  sponsorId = (
    await coord.post('/api/sponsors', {
      name: 'ТОО «Караганда Строй»',
      type: 'company',
      head: 'Ахметов Бауыржан',
    })
  ).body.id;
  await coord.post('/api/aid/handovers', {
    date: '2023-08-20',
    source: 'sponsor',
    sponsorId,
    form: 'goods',
    lines: kids.map((k) => ({ childId: k.id, amount: 15000, items: [{ item: 'backpack', quantity: 1 }] })),
  });
});
afterAll(() => t.close());

describe('generated papers', () => {
  it('prints the act of transfer as PDF with the school letterhead, the children and the total', async () => {
    const res = await download(`/api/documents/act/${fvHandover}?format=pdf`, 'ru');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = pdfText(res.data);
    expect(text).toContain('АКТ ПРИЁМА-ПЕРЕДАЧИ');
    expect(text).toContain('Школа А');
    expect(text).toContain('г. Караганда, ул. Ерубаева, 12');
    expect(text).toContain('из фонда всеобуча');
    expect(text).toContain('121 701 ₸');
    expect(text).toContain('3 учащимся');
    expect(text).toContain('Сейтказина');
    expect(text).toContain('15 августа 2023 г.');
  });

  it('prints the act in Kazakh and as DOCX', async () => {
    const kk = pdfText((await download(`/api/documents/act/${fvHandover}?format=pdf`, 'kk')).data);
    expect(kk).toContain('ҚАБЫЛДАУ-БЕРУ АКТІСІ');
    expect(kk).toContain('А мектебі');
    expect(kk).toContain('3 оқушыға');
    const docx = await download(`/api/documents/act/${fvHandover}?format=docx&lang=en`, 'ru');
    expect(docx.type).toContain('wordprocessingml');
    const xml = docxText(docx.data);
    expect(xml).toContain('ACT OF TRANSFER');
    expect(xml).toContain('121,701 ₸');
    expect(xml).toContain('3 students');
  });

  it('writes a thank-you letter that says what the sponsor’s help did', async () => {
    const ru = pdfText((await download(`/api/documents/thanks/${sponsorId}?year=2023`, 'ru')).data);
    expect(ru).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    expect(ru).toContain('Ахметов Бауыржан');
    expect(ru).toContain('3 учащимся');
    expect(ru).toContain('45 000 ₸');
    expect(ru).toContain('рюкзак — 3 шт.');
    const kk = docxText(
      (await download(`/api/documents/thanks/${sponsorId}?year=2023&format=docx`, 'kk')).data,
    );
    expect(kk).toContain('АЛҒЫС ХАТ');
    expect(kk).toContain('3 оқушыға');
  });

  it('lists the ФВ decision for the director with the allocation and what is left', async () => {
    const res = await download('/api/documents/fv-decision?year=2023&format=pdf', 'ru');
    const text = pdfText(res.data);
    expect(text).toContain('УТВЕРЖДАЮ');
    expect(text).toContain('1 196 448 ₸');
    expect(text).toContain('1 074 747 ₸');
    expect(text).toContain('АСП');
    const docx = docxText((await download('/api/documents/fv-decision?year=2023&format=docx', 'kk')).data);
    expect(docx).toContain('БЕКІТЕМІН');
    expect(docx).toContain('40 567 ₸');
  });

  it('answers 404 for another school’s handover', async () => {
    expect((await download('/api/documents/act/nope?format=pdf', 'ru')).status).toBe(404);
  });
});
