// The words people write in a spreadsheet column with a fixed list of values (items, categories, forms of aid,
// sponsor types, statuses, raid places). Staff type «Школьные принадлежности», «канц. товары», «ЖК», «Сирота»:
// values are compared without case, spaces, punctuation and the ё/е difference, through a table of synonyms in
// Russian, Kazakh and English kept next to each list, and a near miss («рюкзк») suggests the closest value.

/** The form two labels are compared in: lower case, е for ё, without spaces, punctuation or symbols. */
export function vocabularyKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface Vocabulary<C extends string> {
  readonly codes: readonly C[];
  /** The code a label stands for, or undefined. */
  readonly match: (label: string) => C | undefined;
  /** For a label that matches nothing: the code it most likely means (a typo, a cut-off word), if any is close. */
  readonly suggest: (label: string) => C | undefined;
}

/**
 * Builds a vocabulary from code → synonyms (any language). The codes themselves are accepted too, and so is every
 * display name given (one record per language, from i18n/{lang}/common.json), so what the system prints can always
 * be read back. Two codes sharing a synonym is a mistake in the table and throws at once.
 */
export function makeVocabulary<C extends string>(
  synonyms: Readonly<Record<C, readonly string[]>>,
  displayNames: readonly Readonly<Partial<Record<C, string>>>[] = [],
): Vocabulary<C> {
  const codes = Object.keys(synonyms) as C[];
  const byKey = new Map<string, C>();
  const add = (label: string, code: C) => {
    const key = vocabularyKey(label);
    if (key === '') return;
    const known = byKey.get(key);
    if (known !== undefined && known !== code) {
      throw new Error(`vocabulary: «${label}» means both ${known} and ${code}`);
    }
    byKey.set(key, code);
  };
  for (const code of codes) {
    add(code, code);
    for (const label of synonyms[code]) add(label, code);
    for (const names of displayNames) {
      const name = names[code];
      if (name !== undefined) add(name, code);
    }
  }
  const keys = [...byKey.entries()];
  return {
    codes,
    match: (label) => byKey.get(vocabularyKey(label)),
    suggest: (label) => {
      const key = vocabularyKey(label);
      if (key.length < 3) return undefined;
      let best: { code: C; distance: number } | undefined;
      let tie = false;
      for (const [known, code] of keys) {
        // A cut-off word («канц», «спорт») means the longer one it starts.
        const distance =
          known.startsWith(key) && key.length >= 4 ? 0.5 : editDistance(key, known, allowedEdits(known));
        if (distance > allowedEdits(known)) continue;
        if (!best || distance < best.distance) {
          best = { code, distance };
          tie = false;
        } else if (distance === best.distance && code !== best.code) tie = true;
      }
      return best && !tie ? best.code : undefined;
    },
  };
}

/** How many typos a word of this length may carry and still be recognised: one per four letters, at least one. */
function allowedEdits(word: string): number {
  return Math.max(1, Math.floor(word.length / 4));
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours), giving up
 * early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}
