import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';

let t: TestApp;
let coord: HttpClient;
let teacher: HttpClient;
let raid: { id: string; children: { caseId: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA');
  // The teacher of the classes of the children found in the raid.
  await g.user('teacher', 'SA', 'teacher.sa@test.kz', ['6А', '7А']);
  coord = HttpClient.withToken(t.url, await g.token('coordinator.sa@test.kz'));
  teacher = HttpClient.withToken(t.url, await g.token('teacher.sa@test.kz'));
  raid = (
    await coord.post('/api/raids', {
      heldOn: '2025-08-20',
      places: [{ kind: 'station', name: 'Автовокзал' }],
      participants: [{ kind: 'police', count: 1 }],
      children: [
        {
          newChild: { surname: 'Байжанов', name: 'Арман', birthDate: '2013-02-02', classLabel: '6А' },
          reason: 'r',
        },
        {
          newChild: { surname: 'Ли', name: 'Ольга', birthDate: '2012-02-02', classLabel: '7А' },
          reason: 'r',
        },
      ],
    })
  ).body;
});
afterAll(() => t.close());

describe('non-attendance cases', () => {
  it('refuses a step dated before the raid, naming the field', async () => {
    const id = raid.children[0]!.caseId;
    const res = await teacher.post(`/api/cases/${id}/steps`, {
      kind: 'home_visit',
      doneOn: '2025-08-19',
      byWhom: 'Ким Е.',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.doneOn).toContain('2025-08-20');
    expect((await coord.get(`/api/cases/${id}`)).body.steps).toEqual([]);
  });

  it('follows a case step by step until "attends school" closes it', async () => {
    const id = raid.children[0]!.caseId;
    const visit = await teacher.post(`/api/cases/${id}/steps`, {
      kind: 'home_visit',
      doneOn: '2025-08-21',
      byWhom: 'Ким Е.',
      notes: 'мать дома, обещала привести',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.dueOn).toBe('2025-08-28');
    const help = await coord.post(`/api/cases/${id}/steps`, {
      kind: 'help_given',
      doneOn: '2025-08-25',
      byWhom: 'Нурланова А.',
      nextOn: '2025-09-02',
    });
    expect(help.body.dueOn).toBe('2025-09-02');
    const back = await coord.post(`/api/cases/${id}/steps`, {
      kind: 'attends_school',
      doneOn: '2025-09-02',
      byWhom: 'Ким Е.',
    });
    expect(back.body).toMatchObject({ status: 'closed', outcome: 'attends_school', closedOn: '2025-09-02' });
    const after = await coord.post(`/api/cases/${id}/steps`, {
      kind: 'other',
      doneOn: '2025-09-03',
      byWhom: 'x',
    });
    expect(after.status).toBe(409);
  });

  it('records a step once when the phone sends it twice with the same id', async () => {
    const id = raid.children[1]!.caseId;
    const step = { id: uuidv7(), kind: 'family_talk', doneOn: '2025-08-22', byWhom: 'Ким Е.' };
    expect((await teacher.post(`/api/cases/${id}/steps`, step)).status).toBe(201);
    expect((await teacher.post(`/api/cases/${id}/steps`, step)).status).toBe(200);
    expect((await coord.get(`/api/cases/${id}`)).body.steps).toHaveLength(1);
  });

  it('lists open cases oldest first with overdue follow-ups flagged, and opens one for a child a teacher flagged', async () => {
    const flagged = await t.services.children.create(given(t.services).operator, {
      schoolCode: 'SA',
      surname: 'Омаров',
      name: 'Тимур',
      birthDate: '2014-06-06',
      classLabel: '5А',
      notAttending: true,
    });
    const open = (await coord.get('/api/cases')).body.items;
    expect(open.map((c: { childName: string }) => c.childName)).toEqual(['Ли Ольга', 'Омаров Тимур']);
    expect(open[0]).toMatchObject({ overdue: true, dueOn: '2025-08-29' });
    expect(open[1]).toMatchObject({ source: 'teacher', childId: flagged.child.id, overdue: false });
    expect((await coord.get('/api/cases')).body.items).toHaveLength(2);
    const all = (await coord.get('/api/cases?status=all')).body.items;
    expect(all).toHaveLength(3);
  });
});
