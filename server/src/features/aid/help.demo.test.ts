import { SPONSOR_TYPES } from '#domain/sponsor-types';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { given } from '../../test/given.ts';
import { loadDemo } from '../demo/demo.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.services, given(t.services).operator, 'demo password 123');
});
afterAll(() => t.close());

describe('help demo', () => {
  it('adds a campaign of help: ФВ at the PM within each allocation, a dozen sponsors of every type, pledges', async () => {
    const operator = given(t.services).operator;
    const fv = await t.services.fv.list(operator, { year: 2025 });
    expect(fv.items).toHaveLength(4);
    for (const school of fv.items) {
      expect(school.allocated).toBeGreaterThan(0);
      expect(school.decided).toBeGreaterThan(0);
      expect(school.left).toBeGreaterThanOrEqual(0);
      expect(school.decided % 46_228).toBe(0);
    }
    const sponsors = await t.database.db.selectFrom('sponsors').select('type').execute();
    expect(sponsors.length).toBeGreaterThanOrEqual(12);
    expect(new Set(sponsors.map((s) => s.type))).toEqual(new Set(SPONSOR_TYPES));
    const totals = await t.services.aid.totals(operator, { year: 2025 });
    expect(totals.bySource.map((s) => s.source)).toEqual(['fv', 'sponsor']);
    expect(totals.bySponsor.length).toBeGreaterThanOrEqual(4);
    const pledges = await t.database.db.selectFrom('pledges').select('status').execute();
    expect(new Set(pledges.map((p) => p.status))).toEqual(new Set(['open', 'delivered', 'cancelled']));
  });
});
