import { describe, expect, it } from 'vitest';
import { loadCatalog, missingKeys } from '../../test/catalogs.ts';

// Parity of kk/ru/en and ICU validity are checked for every namespace in web/src/i18n/catalogs.test.ts.
describe('reports catalogs', () => {
  it('every literal key the report pages pass to tr() exists', () => {
    expect(missingKeys(import.meta.dirname, 'tr', loadCatalog('ru', 'reports'), ['metric'])).toEqual([]);
  });
});
