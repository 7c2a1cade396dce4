// CLDR plural categories for whole numbers, computed by hand so the same rules hold in browsers without
// Kazakh or Russian locale data. Only the categories these languages use for integers are returned.
import type { Lang } from './lang.ts';

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

export function pluralCategory(n: number, lang: Lang): PluralCategory {
  // Fractions never occur for counts of students or items; CLDR puts them in "other" for all three languages.
  if (!Number.isInteger(n)) return 'other';
  const abs = Math.abs(n);
  if (lang !== 'ru') return abs === 1 ? 'one' : 'other';
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}
