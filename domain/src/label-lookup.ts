import { makeVocabulary } from './vocabulary.ts';

// Matching of human-typed labels (import files, spreadsheets) to codes. Spreadsheets vary in case, spacing,
// "ё"/"е" and quotes, so labels are compared in a normalised form.

/** The stored form of a free name (a sponsor's name key, a raid place): case, quotes and spacing do not matter. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»“”„]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A lookup from label to code (see vocabulary.ts: case, spaces, punctuation and ё/е do not matter). Lists that
 * also want near-miss suggestions use makeVocabulary directly.
 */
export function makeLabelLookup<C extends string>(
  labels: Readonly<Record<C, readonly string[]>>,
  displayNames: readonly Readonly<Partial<Record<C, string>>>[] = [],
): (label: string) => C | undefined {
  return makeVocabulary(labels, displayNames).match;
}
