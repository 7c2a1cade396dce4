import { checkIin } from '#domain/iin';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { given } from '../../test/given.ts';
import { loadDemo } from '../demo/demo.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.services, given(t.services).operator, 'demo password 123');
});
afterAll(() => t.close());

describe('children demo', () => {
  it('adds a few hundred children with valid, unique IINs, mixed statuses, categories and needs to every demo school', async () => {
    const children = await t.database.db.selectFrom('children').selectAll().execute();
    expect(children.length).toBeGreaterThanOrEqual(300);
    const iins = children.flatMap((c) => (c.iin ? [c.iin] : []));
    expect(new Set(iins).size).toBe(iins.length);
    expect(iins.every((iin) => checkIin(iin).ok)).toBe(true);
    expect(new Set(children.map((c) => c.status))).toEqual(
      new Set(['proposed', 'approved', 'helped', 'rejected']),
    );
    expect(new Set(children.map((c) => c.org_path)).size).toBe(4);
    const categories = await t.database.db.selectFrom('child_categories').select('code').distinct().execute();
    expect(categories.length).toBeGreaterThanOrEqual(5);
    const needs = await t.database.db.selectFrom('child_needs').select('status').execute();
    expect(needs.length).toBeGreaterThan(children.length);
    expect(new Set(needs.map((n) => n.status))).toEqual(new Set(['open', 'pledged', 'delivered']));
  });

  it('shows the demo teacher only the children of 5А and 5Б', async () => {
    const teacher = (await t.services.users.list(given(t.services).operator, { q: 'teacher.012@', limit: 1 }))
      .items[0]!;
    const viewer = await t.services.auth.viewerFromApiToken(
      (await t.services.auth.createToken(given(t.services).operator.viewer, teacher.id, 'test', null)).token,
    );
    const list = await t.services.children.list({ viewer: viewer!, ip: null }, { limit: 500, sort: 'name' });
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((c) => c.classLabel))).toEqual(new Set(['5А', '5Б']));
  });
});
