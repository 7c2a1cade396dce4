import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

// The "done when": a coordinator runs the whole campaign through the API.
let t: TestApp;
let coord: HttpClient;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA');
  token = await g.token('coordinator.sa@test.kz');
  coord = HttpClient.withToken(t.url, token);
  await coord.post('/api/campaigns', { year: 2024, mottoRu: 'Девиз 2024', mottoKk: 'Ұран 2024' });
  for (const title of ['Заседание рабочей группы', 'Оформление стенда', 'Рейд «Подросток»']) {
    await coord.post('/api/plan', {
      year: 2024,
      title,
      from: '2024-08-05',
      to: '2024-08-30',
      responsible: 'Нурланова А.',
    });
  }
  await t.services.children.create(g.operator, {
    schoolCode: 'SA',
    surname: 'Жумабаев',
    name: 'Алихан',
    birthDate: '2011-01-01',
    classLabel: '8А',
  });
  await t.services.children.create(g.operator, {
    schoolCode: 'SA',
    surname: 'Петрова',
    name: 'Мария',
    birthDate: '2012-01-01',
    classLabel: '7А',
  });
});
afterAll(() => t.close());

it('opens 2025, copies the plan, prints the materials, logs calls, records a raid and follows every case back to school', async () => {
  const opened = await coord.post('/api/campaigns', {
    year: 2025,
    mottoRu: 'Дорога в школу — добро без границ',
    mottoKk: 'Мектепке жол — шекарасыз мейірім',
  });
  expect(opened.status).toBe(201);

  const plan = await coord.post('/api/plan/copy', { year: 2025 });
  expect(plan.body.items).toHaveLength(3);
  expect(plan.body.items[0].from).toBe('2025-08-05');

  const dir = mkdtempSync(join(tmpdir(), 'flow-'));
  for (const kind of ['poster', 'booklet']) {
    for (const [lang, motto] of [
      ['ru', 'Дорога в школу — добро без границ'],
      ['kk', 'Мектепке жол — шекарасыз мейірім'],
    ]) {
      const res = await fetch(`${t.url}/api/materials/${kind}.pdf?year=2025&lang=${lang}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(10_000);
      const file = join(dir, `${kind}-${lang}.pdf`);
      writeFileSync(file, bytes);
      expect(execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ')).toContain(motto);
    }
  }

  for (const subject of ['Мальчик с соседней улицы не ходит в школу', 'Как подать заявление на помощь']) {
    expect((await coord.post('/api/hotline', { channel: 'phone', anonymous: true, subject })).status).toBe(
      201,
    );
  }
  expect((await coord.get('/api/hotline')).body.items).toHaveLength(2);

  const registry = await t.database.db.selectFrom('children').select('id').orderBy('surname').execute();
  const raid = await coord.post('/api/raids', {
    heldOn: '2025-08-28',
    timeFrom: '19:00',
    places: [{ kind: 'computer_club', name: 'Клуб «Арена»' }],
    participants: [
      { kind: 'teachers', count: 2 },
      { kind: 'police', count: 2, organisations: 'Ювенальная полиция' },
    ],
    children: [
      ...registry.map((c) => ({ childId: c.id, reason: 'в клубе в учебное время', action: 'беседа' })),
      {
        newChild: { surname: 'Новиков', name: 'Илья', birthDate: '2013-03-03', classLabel: '6А' },
        reason: 'не зачислен в школу',
        action: 'передан ПДН',
      },
    ],
  });
  expect(raid.status).toBe(201);
  expect(raid.body.children).toHaveLength(3);
  expect(await t.database.db.selectFrom('children').select('id').execute()).toHaveLength(3);

  for (const found of raid.body.children) {
    await coord.post(`/api/cases/${found.caseId}/steps`, {
      kind: 'home_visit',
      doneOn: '2025-08-29',
      byWhom: 'Ким Е.',
    });
    const back = await coord.post(`/api/cases/${found.caseId}/steps`, {
      kind: 'attends_school',
      doneOn: '2025-09-02',
      byWhom: 'Ким Е.',
    });
    expect(back.body.status).toBe('closed');
  }
  expect((await coord.get('/api/cases')).body.items).toEqual([]);
  expect((await coord.get('/api/cases?status=closed')).body.items).toHaveLength(3);
});
