import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { loadConfig } from '../../config.ts';
import { buildServices } from '../../services.ts';
import { given } from '../../test/given.ts';
import type { ImportContext } from '../import/importer.ts';
import { campaignsImporter } from './campaigns.importer.ts';

let database: TestDatabase;
let ic: ImportContext;
beforeAll(async () => {
  database = await createTestDatabase();
  const services = buildServices(database, loadConfig({}));
  const g = given(services);
  await g.tree();
  ic = { ctx: g.operator, db: database.db, options: { orgCode: 'C1' }, lang: 'ru', state: new Map() };
});
afterAll(() => database.drop());

describe('campaigns importer', () => {
  it('checks year and dates by field, defaulting the dates to 1 Aug – 30 Sep', async () => {
    const bad = await campaignsImporter.validate(
      { year: '25', from: '', to: '', mottoRu: '', mottoKk: '' },
      2,
      ic,
    );
    expect(bad.ok).toBe(false);
    const badDate = await campaignsImporter.validate(
      { year: '2024', from: '31.02.2024', to: '', mottoRu: '', mottoKk: '' },
      3,
      { ...ic, state: new Map() },
    );
    expect(badDate.ok === false && badDate.errors.map((e) => e.field)).toEqual(['from']);
    const good = await campaignsImporter.validate(
      { year: '2024', from: '', to: '', mottoRu: 'Девиз', mottoKk: 'Ұран' },
      4,
      { ...ic, state: new Map() },
    );
    expect(good.ok && good.value).toMatchObject({ from: '2024-08-01', to: '2024-09-30', path: '/KZ/R1/C1/' });
  });

  it('imports once and changes nothing on the same file again', async () => {
    const cells = { year: '2023', from: '01.08.2023', to: '30.09.2023', mottoRu: 'Девиз', mottoKk: 'Ұран' };
    const first = await campaignsImporter.validate(cells, 2, { ...ic, state: new Map() });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await campaignsImporter.apply([first.value], ic)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    const again = await campaignsImporter.validate(cells, 2, { ...ic, state: new Map() });
    if (!again.ok) throw new Error('expected ok');
    expect(await campaignsImporter.apply([again.value], ic)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const school = await campaignsImporter.validate(cells, 2, {
      ...ic,
      options: { orgCode: 'SA' },
      state: new Map(),
    });
    expect(school.ok).toBe(false);
  });
});
