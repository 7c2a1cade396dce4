// Amounts are whole tenge held as safe integers. Formatting is done by hand because browsers built without
// full ICU data (Debian's Chromium) have no Kazakh number formats, and output must look the same everywhere.
import type { Lang } from './lang.ts';

export type TengeError = 'empty' | 'not-a-number' | 'fraction' | 'negative' | 'too-large';
export type TengeParse = { ok: true; value: number } | { ok: false; error: TengeError };

const NBSP = '\u00A0';
// Spaces people and spreadsheets put between digit groups: ordinary, no-break, narrow no-break, thin, figure.
const GROUP_SPACES = /[\s\u00A0\u202F\u2009\u2007]+/g;
// A currency mark at either end: ₸, тг/тг., тенге, теңге, KZT, tenge (any case).
const CURRENCY = /^(?:₸|kzt)|(?:₸|тг\.?|тенге|теңге|kzt|tenge)$/iu;
const MINUS = /^[-\u2212\u2013]/;

export function parseTenge(input: string | number): TengeParse {
  if (typeof input === 'number') return checkInteger(input);
  let text = input.replace(GROUP_SPACES, '');
  // Strip at most one currency mark from each end.
  text = text.replace(CURRENCY, '').replace(CURRENCY, '');
  if (text === '') return { ok: false, error: 'empty' };
  const negative = MINUS.test(text);
  if (negative) text = text.slice(1);
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { ok: false, error: 'not-a-number' };
  if (negative && /[1-9]/.test(text)) return { ok: false, error: 'negative' };
  const [, whole = '', fraction] = match;
  // "12.00" is how spreadsheets print a whole number; "12,5" is a real fraction. Three digits after the mark
  // ("1,000") could be either a fraction or a thousands group, so it is refused rather than guessed.
  if (fraction !== undefined && (fraction.length > 2 || /[1-9]/.test(fraction))) {
    return { ok: false, error: 'fraction' };
  }
  const value = Number(whole);
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'too-large' };
  return { ok: true, value };
}

function checkInteger(value: number): TengeParse {
  if (!Number.isFinite(value)) return { ok: false, error: 'not-a-number' };
  if (!Number.isInteger(value)) return { ok: false, error: 'fraction' };
  if (value < 0) return { ok: false, error: 'negative' };
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'too-large' };
  // Normalise -0 so it never prints as "-0".
  return { ok: true, value: value === 0 ? 0 : value };
}

const GROUP_SEPARATOR: Readonly<Record<Lang, string>> = { kk: NBSP, ru: NBSP, en: ',' };
const DECIMAL_SEPARATOR: Readonly<Record<Lang, string>> = { kk: ',', ru: ',', en: '.' };

/** Groups thousands: ru/kk "1 196 448" (no-break spaces), en "1,196,448". */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [whole = '0', fraction] = Math.abs(n).toString().split('.');
  // Exponent notation only appears for huge or tiny values that are never amounts; leave it untouched.
  if (/e/i.test(whole)) return String(n);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR[lang]);
  return sign + grouped + (fraction ? DECIMAL_SEPARATOR[lang] + fraction : '');
}

/** "1 196 448 ₸" in every language (en "1,196,448 ₸"); a no-break space keeps the sign with its number. */
export function formatTenge(n: number, lang: Lang): string {
  return `${formatNumber(n, lang)}${NBSP}₸`;
}

/** Sums whole-tenge amounts, refusing anything that is not a safe integer so a float can never creep in. */
export function sumTenge(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`sumTenge: not a whole tenge amount: ${value}`);
    total += value;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('sumTenge: total is too large');
  return total;
}
