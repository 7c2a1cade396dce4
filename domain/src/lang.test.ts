import { describe, expect, it } from 'vitest';
import { isLang, LANGS, pickLang } from './lang.ts';

describe('pickLang', () => {
  it.each([
    [undefined, 'ru'],
    [null, 'ru'],
    ['', 'ru'],
    ['kk-KZ,ru;q=0.9', 'kk'],
    ['kz', 'kk'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'ru'],
    ['de-DE,en;q=0.5,kk;q=0.6', 'kk'],
    ['ru;q=0.5,en;q=0.5', 'ru'],
    ['kk;q=0,en', 'en'],
    ['*', 'ru'],
    ['EN_gb', 'en'],
    ['ru;q=abc,en', 'en'],
  ] as const)('%s -> %s', (header, expected) => {
    expect(pickLang(header)).toBe(expected);
  });

  it('uses the given fallback', () => {
    expect(pickLang('fr', 'kk')).toBe('kk');
  });
});

describe('isLang', () => {
  it.each([...LANGS.map((l) => [l, true] as const), ['kz', false] as const, [1, false] as const])(
    '%s -> %s',
    (value, expected) => {
      expect(isLang(value)).toBe(expected);
    },
  );
});
