// Calendar dates are plain 'YYYY-MM-DD' strings: the campaign works with days, never with instants, so there is
// no time zone to get wrong. Formatting is by hand (month names from i18n/*/common.json) because browsers
// without full ICU data cannot format Kazakh dates.
import { COMMON_MESSAGES } from './common-messages.ts';
import type { Lang } from './lang.ts';
import { renderMessage } from './render-message.ts';

export type DateStyle = 'long' | 'short';
export type DateInputError = 'format' | 'invalid-date';
export type DateInputParse = { ok: true; date: string } | { ok: false; error: DateInputError };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function splitIso(d: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(d);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || !isValidDate(year, month, day)) throw new RangeError(`Not a calendar date: "${d}"`);
  return { year, month, day };
}

function monthName(lang: Lang, month: number, form: 'nominative' | 'genitive'): string {
  return COMMON_MESSAGES[lang].months[form][month - 1] ?? String(month);
}

/** ru long "1 августа 2023 г.", kk long "2023 жылғы 1 тамыз", en long "1 August 2023"; short "01.08.2023". */
export function formatDate(d: string, lang: Lang, style: DateStyle = 'long'): string {
  const { year, month, day } = splitIso(d);
  if (style === 'short') return `${pad2(day)}.${pad2(month)}.${year}`;
  return renderMessage(COMMON_MESSAGES[lang].datePattern.long, lang, {
    day: String(day),
    month: monthName(lang, month, 'nominative'),
    monthGenitive: monthName(lang, month, 'genitive'),
    year: String(year),
  });
}

/** Day and month without the year, for "from 1 August to 30 September": ru "1 августа", kk "1 тамыз". */
export function formatDayMonth(d: string, lang: Lang): string {
  const { month, day } = splitIso(d);
  return renderMessage(COMMON_MESSAGES[lang].datePattern.dayMonth, lang, {
    day: String(day),
    month: monthName(lang, month, 'nominative'),
    monthGenitive: monthName(lang, month, 'genitive'),
  });
}

/** 'YYYY-MM' → ru "август 2023", kk "2023 жылғы тамыз", en "August 2023". */
export function formatMonth(yearMonth: string, lang: Lang): string {
  const match = ISO_MONTH.exec(yearMonth);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Not a month: "${yearMonth}"`);
  return renderMessage(COMMON_MESSAGES[lang].datePattern.month, lang, {
    month: monthName(lang, month, 'nominative'),
    year: String(Number(match[1])),
  });
}

/** Accepts DD.MM.YYYY (as the import templates and people write it; D.M.YYYY too) and YYYY-MM-DD. */
export function parseDateInput(input: string): DateInputParse {
  const text = input.trim();
  let parts: [number, number, number] | null = null;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = ISO_DATE.exec(text);
  if (dotted) parts = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (!parts) return { ok: false, error: 'format' };
  const [year, month, day] = parts;
  if (!isValidDate(year, month, day)) return { ok: false, error: 'invalid-date' };
  return { ok: true, date: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` };
}

/** Both arguments are 'YYYY-MM-DD'; ISO dates compare correctly as strings. */
export function isFutureDate(d: string, today: string): boolean {
  return d > today;
}

/** 'YYYY-MM-DD' → 'YYYY-MM'. */
export function monthOf(d: string): string {
  return d.slice(0, 7);
}
