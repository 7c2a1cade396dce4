// The three interface languages. Kazakh comes first on purpose: it is the state language and a first-class
// language of the system, not a translation of the Russian text.
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Most schools write their paperwork in Russian, so it is the fallback when the browser tells us nothing useful.
export const DEFAULT_LANG: Lang = 'ru';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

// Browsers in Kazakhstan sometimes send the country code "kz" instead of the language code "kk".
const ALIASES: Readonly<Record<string, Lang>> = { kk: 'kk', kz: 'kk', ru: 'ru', en: 'en' };

/**
 * Picks the best supported language from an Accept-Language header ("kk-KZ,ru;q=0.9,en;q=0.5").
 * Entries are ranked by q (ties keep header order); regional subtags are ignored.
 */
export function pickLang(acceptLanguage: string | null | undefined, fallback: Lang = DEFAULT_LANG): Lang {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const [key, value] = param.trim().split('=');
        if (key?.trim().toLowerCase() === 'q') {
          const parsed = Number(value);
          q = Number.isFinite(parsed) ? parsed : 0;
        }
      }
      const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
      return { lang: ALIASES[primary], q, index };
    })
    .filter(
      (entry): entry is { lang: Lang; q: number; index: number } => entry.lang !== undefined && entry.q > 0,
    )
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang ?? fallback;
}
