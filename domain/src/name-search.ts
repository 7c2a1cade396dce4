// How names are searched and sorted in a country that writes them in Kazakh and in Russian, often both ways for
// one child (Қанатұлы in one list, Канатулы in another). Pure: the server stores what these compute.

/**
 * The order of letters in lists: the Russian alphabet with the Kazakh letters next to their look-alikes (Ә after
 * А, Ғ after Г, І after И, Қ after К, Ң after Н, Ө after О, Ұ and Ү after У, Һ after Х), as a Kazakh-Russian
 * reader expects; Latin letters after Cyrillic.
 */
const ALPHABET = 'аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюяabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** Kazakh letters searched as their Russian look-alikes, so that «Канат» finds «Қанат» and «Әлия» finds «Алия». */
const FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  ё: 'е',
  і: 'и',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  // Latin look-alikes typed on a Latin keyboard layout inside a Cyrillic name.
  a: 'а',
  e: 'е',
  o: 'о',
  c: 'с',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  h: 'н',
  m: 'м',
  t: 'т',
  b: 'в',
};

/** Lower-case, Kazakh letters folded to their Russian look-alikes: «Қанатұлы» → «канатулы». */
export function foldName(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += FOLD[ch] ?? ch;
  return out;
}

/** The words of a name or a search, folded: «Нурлан  Абенов» → ['нурлан', 'абенов']. */
export function searchWords(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The terms a child is found by: each folded word of the name, and every tail of the IIN of four digits or more
 * (a search for any 4+ consecutive digits is then a prefix match of one of them).
 */
export function searchTerms(fullName: string, iin: string | null): string[] {
  const terms = new Set(searchWords(fullName));
  if (iin && /^\d{12}$/.test(iin)) for (let i = 0; i + 4 <= iin.length; i++) terms.add(iin.slice(i));
  return [...terms];
}

/**
 * A key whose plain byte order is the alphabet order above, in two lower-case Latin letters per character (so
 * that it sorts the same under SQLite's BINARY and any PostgreSQL collation): a word boundary first, then digits,
 * then letters. Case and punctuation do not count.
 */
export function nameSortKey(fullName: string): string {
  let key = '';
  let gap = false;
  for (const ch of fullName.toLowerCase()) {
    const d = DIGITS.indexOf(ch);
    const a = ALPHABET.indexOf(ch);
    const code = d >= 0 ? 1 + d : a >= 0 ? 1 + DIGITS.length + a : -1;
    if (code < 0) {
      gap = key.length > 0;
      continue;
    }
    if (gap) key += 'aa';
    gap = false;
    key += LETTERS[Math.floor(code / 26)]! + LETTERS[code % 26]!;
  }
  return key;
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
