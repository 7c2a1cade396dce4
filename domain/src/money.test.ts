import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatTenge, parseTenge, sumTenge } from './money.ts';

describe('parseTenge', () => {
  it.each([
    ['1196448', 1196448],
    ['1 196 448', 1196448],
    ['1\u00A0196\u00A0448', 1196448],
    ['1\u202F196\u202F448', 1196448],
    ['1196448 ₸', 1196448],
    ['₸1196448', 1196448],
    ['1196448 тг', 1196448],
    ['1196448 тг.', 1196448],
    ['1 196 448 тенге', 1196448],
    ['1 196 448 теңге', 1196448],
    ['1196448 KZT', 1196448],
    ['  35000  ', 35000],
    ['0', 0],
    ['-0', 0],
    ['12.00', 12],
    ['12,0', 12],
    ['007', 7],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    [35000, 35000],
    [0, 0],
    [-0, 0],
  ] as const)('%j -> %d', (input, value) => {
    expect(parseTenge(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['₸', 'empty'],
    ['тенге', 'empty'],
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['1-2', 'not-a-number'],
    ['--5', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['+5', 'not-a-number'],
    ['12.', 'not-a-number'],
    ['.5', 'not-a-number'],
    ['12,5', 'fraction'],
    ['12.5', 'fraction'],
    ['12,05', 'fraction'],
    ['1,000', 'fraction'],
    ['-5', 'negative'],
    ['\u22125 000', 'negative'],
    ['-12,5', 'negative'],
    ['9007199254740993', 'too-large'],
    [12.5, 'fraction'],
    [-1, 'negative'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
    [2 ** 60, 'too-large'],
  ] as const)('%j -> %s', (input, error) => {
    expect(parseTenge(input)).toEqual({ ok: false, error });
  });

  it('parses back whatever formatNumber prints in ru and kk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseTenge(formatNumber(n, 'ru'))).toEqual({ ok: true, value: n });
        expect(parseTenge(formatTenge(n, 'kk'))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0', '0', '0'],
    [7, '7', '7', '7'],
    [999, '999', '999', '999'],
    [1000, '1\u00A0000', '1\u00A0000', '1,000'],
    [35000, '35\u00A0000', '35\u00A0000', '35,000'],
    [842300, '842\u00A0300', '842\u00A0300', '842,300'],
    [1196448, '1\u00A0196\u00A0448', '1\u00A0196\u00A0448', '1,196,448'],
    [-1500, '-1\u00A0500', '-1\u00A0500', '-1,500'],
    [1234.5, '1\u00A0234,5', '1\u00A0234,5', '1,234.5'],
  ] as const)('%d -> ru %j kk %j en %j', (n, ru, kk, en) => {
    expect(formatNumber(n, 'ru')).toBe(ru);
    expect(formatNumber(n, 'kk')).toBe(kk);
    expect(formatNumber(n, 'en')).toBe(en);
  });

  it('agrees with Intl where Node has the data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatNumber(n, 'en')).toBe(new Intl.NumberFormat('en').format(n));
      }),
    );
  });
});

describe('formatTenge', () => {
  it.each([
    [1196448, 'ru', '1\u00A0196\u00A0448\u00A0₸'],
    [1196448, 'kk', '1\u00A0196\u00A0448\u00A0₸'],
    [1196448, 'en', '1,196,448\u00A0₸'],
    [0, 'ru', '0\u00A0₸'],
  ] as const)('%d %s -> %j', (n, lang, expected) => {
    expect(formatTenge(n, lang)).toBe(expected);
  });
});

describe('sumTenge', () => {
  it.each([
    [[], 0],
    [[1], 1],
    [[610500, 231800], 842300],
  ] as const)('%j -> %d', (values, total) => {
    expect(sumTenge(values)).toBe(total);
  });

  it.each([[[1.5]], [[Number.NaN]], [[Number.MAX_SAFE_INTEGER, 1]]])('refuses %j', (values) => {
    expect(() => sumTenge(values)).toThrow(RangeError);
  });
});
