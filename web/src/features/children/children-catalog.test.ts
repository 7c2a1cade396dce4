import { describe, expect, it } from 'vitest';
import { loadCatalog, missingKeys } from '../../test/catalogs.ts';

// Parity of kk/ru/en and ICU validity are checked for every namespace in web/src/i18n/catalogs.test.ts.
describe('children catalogs', () => {
  it('every literal key the children pages pass to tc() exists', () => {
    expect(missingKeys(import.meta.dirname, 'tc', loadCatalog('ru', 'children'))).toEqual([]);
  });
});
