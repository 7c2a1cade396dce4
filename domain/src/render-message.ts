// Renders an ICU MessageFormat string. Callers pass every displayed number already formatted as a string
// (see money.ts): ICU's own number formatting would depend on the runtime's locale data, which browsers lack
// for Kazakh. Raw numbers are passed only as plural/select selectors.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from './lang.ts';

export type MessageValues = Readonly<Record<string, string | number>>;

const cache = new Map<string, IntlMessageFormat>();

export function renderMessage(pattern: string, lang: Lang, values: MessageValues = {}): string {
  const key = `${lang}\u0000${pattern}`;
  let format = cache.get(key);
  if (!format) {
    format = new IntlMessageFormat(pattern, lang);
    cache.set(key, format);
  }
  const result = format.format<string>(values);
  return Array.isArray(result) ? result.join('') : String(result);
}
