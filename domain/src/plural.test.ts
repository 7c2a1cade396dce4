import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from './lang.ts';
import { pluralCategory } from './plural.ts';

describe('pluralCategory', () => {
  it.each([
    [1, 'one'],
    [21, 'one'],
    [101, 'one'],
    [1001, 'one'],
    [2, 'few'],
    [3, 'few'],
    [4, 'few'],
    [22, 'few'],
    [24, 'few'],
    [102, 'few'],
    [0, 'many'],
    [5, 'many'],
    [11, 'many'],
    [12, 'many'],
    [14, 'many'],
    [18, 'many'],
    [20, 'many'],
    [25, 'many'],
    [111, 'many'],
    [112, 'many'],
    [-1, 'one'],
    [1.5, 'other'],
  ] as const)('ru %d -> %s', (n, category) => {
    expect(pluralCategory(n, 'ru')).toBe(category);
  });

  it.each([
    [1, 'one'],
    [0, 'other'],
    [2, 'other'],
    [21, 'other'],
    [101, 'other'],
  ] as const)('kk and en %d -> %s', (n, category) => {
    expect(pluralCategory(n, 'kk')).toBe(category);
    expect(pluralCategory(n, 'en')).toBe(category);
  });

  it('matches Intl.PluralRules for integers (Node has full ICU data)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...LANGS), (n, lang) => {
        expect(pluralCategory(n, lang)).toBe(new Intl.PluralRules(lang).select(n));
      }),
    );
  });
});
