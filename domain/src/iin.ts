// Kazakhstan's individual identification number (ИИН / ЖСН): 12 digits, YYMMDD, a century-and-sex digit,
// a 4-digit serial and a check digit computed with two weight sets.

export type IinSex = 'm' | 'f';
export type IinError = 'empty' | 'length' | 'digits' | 'checksum';
export type IinCheck =
  { ok: true; birthDate: string | null; sex: IinSex | null } | { ok: false; error: IinError };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/** The check digit for the first 11 digits, or null when both weight sets give 10 (no valid IIN exists). */
export function iinCheckDigit(first11: readonly number[]): number | null {
  const first = weightedMod11(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

// Digit 7 encodes century and sex for people; other values (0, 7–9) are used for legal entities or are simply
// not a birth date, so we then report no date and no sex rather than an error.
const CENTURY_BY_DIGIT: Readonly<Record<number, { century: number; sex: IinSex }>> = {
  1: { century: 1800, sex: 'm' },
  2: { century: 1800, sex: 'f' },
  3: { century: 1900, sex: 'm' },
  4: { century: 1900, sex: 'f' },
  5: { century: 2000, sex: 'm' },
  6: { century: 2000, sex: 'f' },
};

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function checkIin(value: string): IinCheck {
  // People paste IINs with stray spaces around them; inner spaces are a real typo and stay an error.
  const iin = value.trim();
  if (iin === '') return { ok: false, error: 'empty' };
  if (!/^\d+$/.test(iin)) return { ok: false, error: 'digits' };
  if (iin.length !== 12) return { ok: false, error: 'length' };
  const digits = Array.from(iin, Number);
  if (iinCheckDigit(digits.slice(0, 11)) !== digits[11]) return { ok: false, error: 'checksum' };

  const encoded = CENTURY_BY_DIGIT[digits[6] ?? 0];
  if (!encoded) return { ok: true, birthDate: null, sex: null };
  const year = encoded.century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  // Since 2013 the first six digits need not be a date at all, so an impossible date is not an error.
  const birthDate = isRealDate(year, month, day) ? `${year}-${pad(month, 2)}-${pad(day, 2)}` : null;
  return { ok: true, birthDate, sex: encoded.sex };
}

/**
 * True when a valid IIN encodes a birth date different from the one entered. Only a warning: IINs issued since
 * 2013 may legitimately not match. An invalid IIN returns false because it already has its own error.
 */
export function iinBirthDateMismatch(iin: string, birthDate: string): boolean {
  const check = checkIin(iin);
  if (!check.ok) return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return false;
  if (check.birthDate !== null) return check.birthDate !== birthDate;
  // No decodable date: compare the raw YYMMDD digits, which is what a person checking by eye would do.
  const [, year = '', month = '', day = ''] = match;
  return iin.trim().slice(0, 6) !== `${year.slice(2)}${month}${day}`;
}

/**
 * Builds a valid IIN for a birth date ('YYYY-MM-DD', years 1800–2099), sex and serial (0–9999). When no check
 * digit exists for that serial the next serial is used, so the result is always valid. For demo data and tests.
 */
export function makeValidIin(birthDate: string, sex: IinSex, serial: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`makeValidIin: birth date must be YYYY-MM-DD, got "${birthDate}"`);
  const [, yearText = '', month = '', day = ''] = match;
  const year = Number(yearText);
  if (year < 1800 || year > 2099 || !isRealDate(year, Number(month), Number(day))) {
    throw new RangeError(`makeValidIin: unsupported birth date "${birthDate}"`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`makeValidIin: serial must be an integer 0..9999, got ${serial}`);
  }
  const centuryDigit = Math.floor((year - 1800) / 100) * 2 + (sex === 'm' ? 1 : 2);
  // Roughly one serial in 121 has no check digit, so a few bumps always suffice.
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const body = `${yearText.slice(2)}${month}${day}${centuryDigit}${pad((serial + attempt) % 10_000, 4)}`;
    const check = iinCheckDigit(Array.from(body, Number));
    if (check !== null) return `${body}${check}`;
  }
  throw new Error('makeValidIin: no valid serial found');
}
