import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIin, iinBirthDateMismatch, iinCheckDigit, makeValidIin } from './iin.ts';

describe('checkIin', () => {
  it.each([
    ['900101300007', '1990-01-01', 'm'],
    ['900101300811', '1990-01-01', 'm'],
    [' 900101300007 ', '1990-01-01', 'm'],
  ] as const)('%s is valid', (iin, birthDate, sex) => {
    expect(checkIin(iin)).toEqual({ ok: true, birthDate, sex });
  });

  it.each(Array.from({ length: 10 }, (_, d) => `90010130080${d}`))(
    '%s is invalid (no check digit exists)',
    (iin) => {
      expect(checkIin(iin)).toEqual({ ok: false, error: 'checksum' });
    },
  );

  it('90010130080 has no check digit with either weight set', () => {
    expect(iinCheckDigit(Array.from('90010130080', Number))).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['90010130000', 'length'],
    ['9001013000070', 'length'],
    ['1', 'length'],
    ['9001013000a7', 'digits'],
    ['900101 300007', 'digits'],
    ['９００１０１３００００７', 'digits'],
    ['-90010130000', 'digits'],
    ['900101300008', 'checksum'],
    ['900101300001', 'checksum'],
  ] as const)('%j -> %s', (iin, error) => {
    expect(checkIin(iin)).toEqual({ ok: false, error });
  });

  it.each([
    ['1990-01-01', 'f'],
    ['2012-02-29', 'm'],
    ['2015-12-31', 'f'],
    ['1899-06-15', 'm'],
  ] as const)('decodes %s / %s from a generated IIN', (birthDate, sex) => {
    expect(checkIin(makeValidIin(birthDate, sex, 123))).toEqual({ ok: true, birthDate, sex });
  });

  it('a valid IIN with an impossible date or unknown century digit has no date and no sex', () => {
    // Build bodies by hand and append their check digit.
    const withCheck = (body: string) => `${body}${iinCheckDigit(Array.from(body, Number)) ?? 'x'}`;
    const impossible = withCheck('90130130001');
    const legal = withCheck('90010100001');
    expect(checkIin(impossible)).toEqual({ ok: true, birthDate: null, sex: 'm' });
    expect(checkIin(legal)).toEqual({ ok: true, birthDate: null, sex: null });
  });
});

describe('iinBirthDateMismatch', () => {
  it.each([
    ['900101300007', '1990-01-01', false],
    ['900101300007', '1990-01-02', true],
    ['900101300007', '1991-01-01', true],
    ['900101300001', '1995-05-05', false], // invalid IIN: its own error, not a mismatch
    ['900101300007', 'not a date', false],
  ] as const)('%s vs %s -> %s', (iin, birthDate, expected) => {
    expect(iinBirthDateMismatch(iin, birthDate)).toBe(expected);
  });
});

describe('makeValidIin', () => {
  it('bumps the serial when no check digit exists', () => {
    // 900101 3 0080 has no check digit, so serial 80 must become 81.
    expect(makeValidIin('1990-01-01', 'm', 80)).toBe('900101300811');
  });

  it.each([
    ['1990-13-01', 'm', 1],
    ['1700-01-01', 'm', 1],
    ['2100-01-01', 'f', 1],
    ['01.01.1990', 'f', 1],
    ['1990-01-01', 'f', -1],
    ['1990-01-01', 'f', 10_000],
    ['1990-01-01', 'f', 1.5],
  ] as const)('refuses %s %s %s', (date, sex, serial) => {
    expect(() => makeValidIin(date, sex, serial)).toThrow(RangeError);
  });

  it('always produces a valid IIN with the requested date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1800-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('m' as const, 'f' as const),
        fc.integer({ min: 0, max: 9999 }),
        (date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          const iin = makeValidIin(birthDate, sex, serial);
          expect(checkIin(iin)).toEqual({ ok: true, birthDate, sex });
        },
      ),
    );
  });
});
