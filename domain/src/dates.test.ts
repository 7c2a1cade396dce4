import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDayMonth,
  formatMonth,
  isFutureDate,
  isValidDate,
  monthOf,
  parseDateInput,
} from './dates.ts';

describe('formatDate', () => {
  it.each([
    ['2023-08-01', 'ru', 'long', '1 августа 2023 г.'],
    ['2023-09-30', 'ru', 'long', '30 сентября 2023 г.'],
    ['2024-03-08', 'ru', 'long', '8 марта 2024 г.'],
    ['2023-08-01', 'kk', 'long', '2023 жылғы 1 тамыз'],
    ['2023-12-31', 'kk', 'long', '2023 жылғы 31 желтоқсан'],
    ['2023-08-01', 'en', 'long', '1 August 2023'],
    ['2023-01-15', 'en', 'long', '15 January 2023'],
    ['2023-08-01', 'ru', 'short', '01.08.2023'],
    ['2023-08-01', 'kk', 'short', '01.08.2023'],
    ['2023-08-01', 'en', 'short', '01.08.2023'],
  ] as const)('%s %s %s -> %s', (d, lang, style, expected) => {
    expect(formatDate(d, lang, style)).toBe(expected);
  });

  it.each(['2023-02-30', '2023-13-01', '01.08.2023', ''])('throws on %j', (d) => {
    expect(() => formatDate(d, 'ru')).toThrow(RangeError);
  });
});

describe('formatDayMonth', () => {
  it.each([
    ['2023-08-01', 'ru', '1 августа'],
    ['2023-09-30', 'kk', '30 қыркүйек'],
    ['2023-09-30', 'en', '30 September'],
  ] as const)('%s %s -> %s', (d, lang, expected) => {
    expect(formatDayMonth(d, lang)).toBe(expected);
  });
});

describe('formatMonth', () => {
  it.each([
    ['2023-08', 'ru', 'август 2023'],
    ['2023-09', 'ru', 'сентябрь 2023'],
    ['2023-08', 'kk', '2023 жылғы тамыз'],
    ['2023-08', 'en', 'August 2023'],
    ['2023-01', 'en', 'January 2023'],
  ] as const)('%s %s -> %s', (m, lang, expected) => {
    expect(formatMonth(m, lang)).toBe(expected);
  });

  it.each(['2023-13', '2023-8', '2023-08-01'])('throws on %j', (m) => {
    expect(() => formatMonth(m, 'ru')).toThrow(RangeError);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['01.08.2023', '2023-08-01'],
    ['1.8.2023', '2023-08-01'],
    [' 30.09.2023 ', '2023-09-30'],
    ['2023-08-01', '2023-08-01'],
    ['29.02.2024', '2024-02-29'],
  ] as const)('%j -> %s', (input, date) => {
    expect(parseDateInput(input)).toEqual({ ok: true, date });
  });

  it.each([
    ['', 'format'],
    ['2023/08/01', 'format'],
    ['01.08.23', 'format'],
    ['2023-8-1', 'format'],
    ['01-08-2023', 'format'],
    ['1 августа 2023', 'format'],
    ['29.02.2023', 'invalid-date'],
    ['31.04.2023', 'invalid-date'],
    ['00.01.2023', 'invalid-date'],
    ['2023-13-01', 'invalid-date'],
    ['2023-00-10', 'invalid-date'],
  ] as const)('%j -> %s', (input, error) => {
    expect(parseDateInput(input)).toEqual({ ok: false, error });
  });
});

describe('isValidDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2023, 4, 31, false],
    [2023, 0, 1, false],
    [2023, 1, 0, false],
    [2023, 1.5, 1, false],
  ] as const)('%d-%d-%d -> %s', (y, m, d, expected) => {
    expect(isValidDate(y, m, d)).toBe(expected);
  });
});

describe('isFutureDate / monthOf', () => {
  it.each([
    ['2023-08-02', '2023-08-01', true],
    ['2023-08-01', '2023-08-01', false],
    ['2022-12-31', '2023-01-01', false],
  ] as const)('%s after %s -> %s', (d, today, expected) => {
    expect(isFutureDate(d, today)).toBe(expected);
  });

  it('monthOf', () => {
    expect(monthOf('2023-08-15')).toBe('2023-08');
  });
});
