import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { given } from '../../test/given.ts';
import { loadDemo } from '../demo/demo.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.services, given(t.services).operator, 'demo password 123');
});
afterAll(() => t.close());

describe('campaign operations demo', () => {
  it('adds campaigns 2024 (closed) and 2025 with plans, hotline calls, three raids and their cases', async () => {
    const db = t.database.db;
    const campaigns = await db.selectFrom('campaigns').select(['year', 'status']).orderBy('year').execute();
    expect(campaigns).toEqual([
      { year: 2024, status: 'closed' },
      { year: 2025, status: 'open' },
    ]);
    const items = await db.selectFrom('plan_items').select(['org_path']).execute();
    expect(items.length).toBe(4 * 9 * 2);
    expect(await db.selectFrom('plan_approvals').selectAll().execute()).not.toHaveLength(0);
    expect((await db.selectFrom('hotline_calls').selectAll().execute()).length).toBeGreaterThanOrEqual(4);
    expect(await db.selectFrom('raids').selectAll().execute()).toHaveLength(3);
    const cases = await db.selectFrom('cases').select(['status', 'source']).execute();
    expect(cases.length).toBeGreaterThanOrEqual(6);
    expect(cases.filter((c) => c.status === 'open')).toHaveLength(1);
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(['raid']));
  });
});
