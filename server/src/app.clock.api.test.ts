import { startTestApp, type TestApp } from './test/test-app.ts';
import { HttpClient } from './test/http-client.ts';
import { given } from './test/given.ts';

// At 00:30 in Almaty it is already 16 August there, while UTC still says 15 August: everything the school sees
// as "today" (overdue flags, dates printed on papers and reports) must be the 16th.
const HALF_PAST_MIDNIGHT_IN_ALMATY = new Date('2026-08-15T19:30:00Z');

let t: TestApp;
let coord: HttpClient;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(HALF_PAST_MIDNIGHT_IN_ALMATY);
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('officer', 'C1');
  await g.user('coordinator', 'SA');
  const officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  coord = HttpClient.withToken(t.url, await g.token('coordinator.sa@test.kz'));
  expect((await officer.post('/api/campaigns', { year: 2026, mottoRu: 'Девиз' })).status).toBe(201);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe("Kazakhstan's today at 00:30 in Almaty", () => {
  it('flags a plan item that ended yesterday (the 15th) as overdue, and not one that ends today', async () => {
    for (const [title, to] of [
      ['Ended yesterday', '2026-08-15'],
      ['Ends today', '2026-08-16'],
    ]) {
      const r = await coord.post('/api/plan', {
        year: 2026,
        title,
        from: '2026-08-01',
        to,
        responsible: 'Ким Е.',
      });
      expect(r.status).toBe(201);
    }
    const plan = (await coord.get('/api/plan?year=2026')).body;
    const overdue = Object.fromEntries(
      plan.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue]),
    );
    expect(overdue).toEqual({ 'Ended yesterday': true, 'Ends today': false });
  });

  it('flags a pledge due yesterday as overdue and finds it with ?overdue=true', async () => {
    const sponsor = await coord.post('/api/sponsors', { name: 'ТОО «Береке»', type: 'company' });
    expect(sponsor.status).toBe(201);
    for (const dueDate of ['15.08.2026', '16.08.2026']) {
      const r = await coord.post('/api/pledges', {
        sponsorId: sponsor.body.id,
        form: 'money',
        amount: 5000,
        dueDate,
      });
      expect(r.status).toBe(201);
    }
    const all = (await coord.get('/api/pledges')).body.items as { dueDate: string; overdue: boolean }[];
    expect(Object.fromEntries(all.map((p) => [p.dueDate, p.overdue]))).toEqual({
      '2026-08-15': true,
      '2026-08-16': false,
    });
    const overdue = (await coord.get('/api/pledges?overdue=true')).body.items as { dueDate: string }[];
    expect(overdue.map((p) => p.dueDate)).toEqual(['2026-08-15']);
  });

  it('prints the 16th on papers and on the report', async () => {
    const paper = await t.services.documents.fvDecision(given(t.services).operator, 2026, 'SA', 'ru');
    expect(paper.dateLine).toBe('16 августа 2026 г.');
    const md = await coord.get('/api/reports?org=SA&campaign=2026&format=md&lang=ru');
    expect(md.status).toBe(200);
    expect(md.text).toContain('Сформировано 16 августа 2026 г.');
  });
});
